/**
 * Parses FHIR Slot search parameters: `schedule` (resource id, optionally "Schedule/<id>") and
 * `start` (a date with optional eq/ge prefix: eq = that UTC day, ge = 7 days from it).
 */
import { z } from 'zod';
import { AppError } from '../../errors/app-error.ts';

const DAY_MS = 86_400_000;

/** Returns the resource id and the [from, to) range to search. */
export function parseSlotSearch(url: URL): { resourceId: string; from: Date; to: Date } {
  const schedule = (url.searchParams.get('schedule') ?? '').replace(/^Schedule\//, '');
  if (!z.uuid().safeParse(schedule).success) {
    throw new AppError('BAD_REQUEST', 'schedule must be a resource id (Schedule/<id>)');
  }
  const m = /^(eq|ge)?(\d{4}-\d{2}-\d{2})$/.exec(url.searchParams.get('start') ?? '');
  const from = m ? new Date(`${m[2]}T00:00:00Z`) : new Date(NaN);
  if (!m || Number.isNaN(from.getTime())) {
    throw new AppError('BAD_REQUEST', 'start must be a date (YYYY-MM-DD), optionally prefixed eq or ge');
  }
  return { resourceId: schedule, from, to: new Date(from.getTime() + (m[1] === 'ge' ? 7 : 1) * DAY_MS) };
}
