/**
 * The slot engine: turns a resource's weekly hours, exceptions and busy time into bookable UTC
 * slots. Pure: no database, no clock unless `now` is omitted.
 */
import { isSlotBlockedByBusy } from './busy-blocking.ts';
import { buildDayWindows } from './day-windows.ts';
import { addDaysToLocalDate } from './local-date.ts';
import { assertValidTimeZone } from './time-zone.ts';
import type { AvailabilityExceptionInput, BusyInterval, Slot, SlotResource, WeeklyRuleInput } from './types.ts';
import { localDateInZone, zonedWallTimeToUtc } from './zoned-time.ts';

/** Longest range one call may cover; bounds the work an unchecked caller can trigger. */
export const MAX_COMPUTE_RANGE_DAYS = 366;

const DAY_MS = 86_400_000;
const MINUTE_MS = 60_000;

export type ComputeSlotsInput = {
  resource: SlotResource;
  rules: readonly WeeklyRuleInput[];
  exceptions: readonly AvailabilityExceptionInput[];
  busy: readonly BusyInterval[];
  /** Inclusive start of the query range. */
  from: Date;
  /** Exclusive end of the query range. */
  to: Date;
  /** Slots starting before now + minNotice are dropped. Defaults to the current time. */
  now?: Date;
  /** Minimum lead time before a slot may start; default 0. */
  minNoticeMinutes?: number;
};

/** Rejects settings that would make the slot grid meaningless or loop forever. */
function assertValidInput(input: ComputeSlotsInput): void {
  const { resource, from, to } = input;
  assertValidTimeZone(resource.timeZone);
  if (!Number.isInteger(resource.visitMinutes) || resource.visitMinutes < 1) {
    throw new RangeError('visitMinutes must be a positive integer');
  }
  if (!Number.isInteger(resource.bufferMinutes) || resource.bufferMinutes < 0) {
    throw new RangeError('bufferMinutes must be a non-negative integer');
  }
  if (Number.isNaN(from.getTime()) || Number.isNaN(to.getTime())) {
    throw new RangeError('from and to must be valid dates');
  }
  if (to.getTime() - from.getTime() > MAX_COMPUTE_RANGE_DAYS * DAY_MS) {
    throw new RangeError(`range must not exceed ${MAX_COMPUTE_RANGE_DAYS} days`);
  }
  const minNotice = input.minNoticeMinutes ?? 0;
  if (!Number.isFinite(minNotice) || minNotice < 0) {
    throw new RangeError('minNoticeMinutes must be a non-negative number');
  }
}

/**
 * Lists the resource-local dates whose windows can touch [from, to). One extra day on each side
 * covers zones whose clocks fall back across midnight, where an instant's date is ambiguous.
 */
function listCandidateDates(from: Date, to: Date, timeZone: string): string[] {
  const last = addDaysToLocalDate(localDateInZone(to, timeZone), 1);
  const dates: string[] = [];
  for (let date = addDaysToLocalDate(localDateInZone(from, timeZone), -1); date <= last; ) {
    dates.push(date);
    date = addDaysToLocalDate(date, 1);
  }
  return dates;
}

/**
 * Computes the bookable slots of one resource within [from, to).
 *
 * For each resource-local date it builds the open windows (weekly rules for that weekday, minus
 * "off" exceptions, plus "extra" ones), maps each window's wall-clock edges to UTC with
 * {@link zonedWallTimeToUtc} (DST: a window spans the real time between the clock first reading
 * its start and first reading its end; see zoned-time.ts), and cuts it into slots of exactly
 * `visitMinutes` of real time, stepping `visitMinutes + bufferMinutes` from the window start.
 * The grid is anchored to the window, not to `from`, so narrowing the query never shifts slots.
 *
 * Slots are dropped when they collide with busy time (see {@link isSlotBlockedByBusy}), start
 * before `now + minNoticeMinutes`, or do not lie wholly inside [from, to). The result is sorted by
 * start and free of duplicates. Throws RangeError on an invalid zone, visit length, buffer or range.
 */
export function computeSlots(input: ComputeSlotsInput): Slot[] {
  assertValidInput(input);
  const { resource, rules, exceptions, from, to } = input;
  const fromMs = from.getTime();
  const toMs = to.getTime();
  if (fromMs >= toMs) {
    return [];
  }
  const visitMs = resource.visitMinutes * MINUTE_MS;
  const stepMs = (resource.visitMinutes + resource.bufferMinutes) * MINUTE_MS;
  const earliestStartMs = (input.now ?? new Date()).getTime() + (input.minNoticeMinutes ?? 0) * MINUTE_MS;

  // Only busy time that can reach a slot inside the range (buffer included) is worth checking.
  const marginMs = resource.bufferMinutes * MINUTE_MS;
  const busy = input.busy.filter(
    (interval) => interval.startsAt.getTime() < toMs + marginMs && interval.endsAt.getTime() + marginMs > fromMs,
  );

  const slotsByStart = new Map<number, Slot>();
  for (const date of listCandidateDates(from, to, resource.timeZone)) {
    for (const window of buildDayWindows(date, rules, exceptions)) {
      const windowStartMs = zonedWallTimeToUtc(date, window.startMinute, resource.timeZone).getTime();
      const windowEndMs = zonedWallTimeToUtc(date, window.endMinute, resource.timeZone).getTime();
      for (let startMs = windowStartMs; startMs + visitMs <= windowEndMs && startMs < toMs; startMs += stepMs) {
        const slot = { startsAt: new Date(startMs), endsAt: new Date(startMs + visitMs) };
        const inRange = startMs >= fromMs && startMs + visitMs <= toMs;
        if (!inRange || startMs < earliestStartMs || isSlotBlockedByBusy(slot, busy, resource.bufferMinutes)) {
          continue;
        }
        slotsByStart.set(startMs, slot);
      }
    }
  }
  return [...slotsByStart.entries()].sort(([a], [b]) => a - b).map(([, slot]) => slot);
}
