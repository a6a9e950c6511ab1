/**
 * Calendar arithmetic on zone-less local dates ("YYYY-MM-DD"). A local date is represented
 * internally as the UTC midnight of the same calendar day ("naive" milliseconds), so day and
 * weekday arithmetic never depend on the host's time zone or on DST.
 */

const LOCAL_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;

/** Builds naive milliseconds for a wall-clock reading; safe for years below 100 too. */
export function toNaiveMs(
  year: number,
  month: number,
  day: number,
  hour = 0,
  minute = 0,
  second = 0,
): number {
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  date.setUTCHours(hour, minute, second, 0);
  return date.getTime();
}

/**
 * Whether `value` is a real calendar date written as "YYYY-MM-DD" (rejects 2026-02-30).
 */
export function isValidLocalDate(value: string): boolean {
  const match = LOCAL_DATE.exec(value);
  if (!match) {
    return false;
  }
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  return formatNaiveDate(toNaiveMs(year, month, day)) === value;
}

/**
 * Naive milliseconds of local midnight of `localDate`. Throws RangeError on a malformed date.
 */
export function localDateToNaiveMs(localDate: string): number {
  if (!isValidLocalDate(localDate)) {
    throw new RangeError(`Invalid local date: ${JSON.stringify(localDate)}`);
  }
  const [year, month, day] = localDate.split('-').map(Number) as [number, number, number];
  return toNaiveMs(year, month, day);
}

/** Formats naive milliseconds as "YYYY-MM-DD" (the calendar day they fall on). */
export function formatNaiveDate(naiveMs: number): string {
  const date = new Date(naiveMs);
  const year = String(date.getUTCFullYear()).padStart(4, '0');
  const month = String(date.getUTCMonth() + 1).padStart(2, '0');
  const day = String(date.getUTCDate()).padStart(2, '0');
  return `${year}-${month}-${day}`;
}

/** Returns the local date `days` calendar days after (or before, if negative) `localDate`. */
export function addDaysToLocalDate(localDate: string, days: number): string {
  return formatNaiveDate(localDateToNaiveMs(localDate) + days * DAY_MS);
}

/** Weekday of a local date, 0 = Sunday … 6 = Saturday (matches the rules' `weekday`). */
export function getLocalWeekday(localDate: string): number {
  return new Date(localDateToNaiveMs(localDate)).getUTCDay();
}
