/**
 * Human-readable labels for slots in the viewer's own time zone.
 */
import { assertValidTimeZone } from './time-zone.ts';
import type { Slot } from './types.ts';
import { getZonedWallTime } from './zoned-time.ts';

type LabelStyle = 'range' | 'time';

const labelFormatters = new Map<string, Intl.DateTimeFormat>();

/** Cached formatter per (zone, locale, style); building one costs far more than using it. */
function getLabelFormatter(timeZone: string, locale: string, style: LabelStyle): Intl.DateTimeFormat {
  const key = `${timeZone}\u0000${locale}\u0000${style}`;
  const cached = labelFormatters.get(key);
  if (cached) {
    return cached;
  }
  assertValidTimeZone(timeZone);
  const dateFields: Intl.DateTimeFormatOptions =
    style === 'range' ? { weekday: 'short', year: 'numeric', month: 'short', day: 'numeric' } : {};
  const formatter = new Intl.DateTimeFormat(locale, {
    timeZone,
    ...dateFields,
    hour: 'numeric',
    minute: '2-digit',
    timeZoneName: 'short',
  });
  labelFormatters.set(key, formatter);
  return formatter;
}

/**
 * Formats a slot as a local date-time range for someone in `viewerTimeZone`, e.g.
 * "Mon, Mar 9, 2026, 9:00 – 9:30 AM EDT" (en-US). When the viewer's offset changes during the
 * slot (it spans a DST change), Intl's range format would print one zone name for both ends
 * ("1:30 – 1:00 AM EST"), so each end gets its own: "Sun, Nov 1, 2026, 1:30 AM EDT – 1:00 AM EST".
 * Output comes from Intl and may contain narrow no-break spaces. Throws RangeError on an invalid
 * zone or locale.
 */
export function formatSlotForViewer(slot: Slot, viewerTimeZone: string, locale = 'en-US'): string {
  const full = getLabelFormatter(viewerTimeZone, locale, 'range');
  const start = getZonedWallTime(slot.startsAt, viewerTimeZone);
  const end = getZonedWallTime(slot.endsAt, viewerTimeZone);
  if (start.offsetMinutes === end.offsetMinutes) {
    return full.formatRange(slot.startsAt, slot.endsAt);
  }
  const endLabel =
    start.date === end.date
      ? getLabelFormatter(viewerTimeZone, locale, 'time').format(slot.endsAt)
      : full.format(slot.endsAt);
  return `${full.format(slot.startsAt)} – ${endLabel}`;
}
