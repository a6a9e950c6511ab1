/**
 * zod schemas for availability input at the API and server-action boundary, with their types.
 */
import { z } from 'zod';
import { isValidLocalDate } from './local-date.ts';
import { isValidTimeZone } from './time-zone.ts';

/** Longest span one slot query may cover. */
export const SLOT_QUERY_MAX_DAYS = 31;

/** An IANA time-zone name the runtime knows ("America/New_York", "UTC"); offsets are rejected. */
export const ZTimeZone = z.string().max(64).refine(isValidTimeZone, { message: 'Invalid IANA time zone' });
export type TTimeZone = z.infer<typeof ZTimeZone>;

const ZStartMinute = z.int().min(0).max(1439);
const ZEndMinute = z.int().min(1).max(1440);

/** A weekly rule: `weekday` 0 = Sunday; minutes after local midnight, end exclusive, end > start. */
export const ZWeeklyRule = z
  .object({ weekday: z.int().min(0).max(6), startMinute: ZStartMinute, endMinute: ZEndMinute })
  .refine((rule) => rule.startMinute < rule.endMinute, {
    message: 'endMinute must be after startMinute',
    path: ['endMinute'],
  });
export type TWeeklyRule = z.infer<typeof ZWeeklyRule>;

/**
 * A date exception in the resource's local calendar. "off" takes both minutes or neither (neither =
 * the whole day); "extra" needs both. When present, end > start.
 */
export const ZAvailabilityException = z
  .object({
    date: z.string().refine(isValidLocalDate, { message: 'date must be a real YYYY-MM-DD date' }),
    kind: z.enum(['off', 'extra']),
    startMinute: ZStartMinute.nullable(),
    endMinute: ZEndMinute.nullable(),
  })
  .superRefine((exception, ctx) => {
    const { kind, startMinute, endMinute } = exception;
    if ((startMinute === null) !== (endMinute === null)) {
      ctx.addIssue({ code: 'custom', message: 'give both startMinute and endMinute, or neither', path: ['endMinute'] });
      return;
    }
    if (kind === 'extra' && startMinute === null) {
      ctx.addIssue({ code: 'custom', message: 'an extra window needs startMinute and endMinute', path: ['startMinute'] });
      return;
    }
    if (startMinute !== null && endMinute !== null && startMinute >= endMinute) {
      ctx.addIssue({ code: 'custom', message: 'endMinute must be after startMinute', path: ['endMinute'] });
    }
  });
export type TAvailabilityException = z.infer<typeof ZAvailabilityException>;

/**
 * A request for a resource's free slots in [from, to) (ISO 8601 with Z or an offset), at most
 * {@link SLOT_QUERY_MAX_DAYS} days long; `tz` is the viewer's zone for labels.
 */
export const ZSlotQuery = z
  .object({
    resourceId: z.uuid(),
    from: z.iso.datetime({ offset: true }),
    to: z.iso.datetime({ offset: true }),
    tz: ZTimeZone.optional(),
  })
  .superRefine((query, ctx) => {
    const spanMs = Date.parse(query.to) - Date.parse(query.from);
    if (!(spanMs > 0)) {
      ctx.addIssue({ code: 'custom', message: 'from must be before to', path: ['to'] });
      return;
    }
    if (spanMs > SLOT_QUERY_MAX_DAYS * 86_400_000) {
      ctx.addIssue({ code: 'custom', message: `range must not exceed ${SLOT_QUERY_MAX_DAYS} days`, path: ['to'] });
    }
  });
export type TSlotQuery = z.infer<typeof ZSlotQuery>;
