/**
 * IANA time-zone validation and a per-zone cache of the Intl formatter used to read wall clocks.
 * Intl ships with Node's ICU tz database, so no dependency is needed and the zone data is the
 * same one the browser uses to render labels.
 */

// Offset strings such as "+05:00" are not IANA names; newer Node versions accept them in Intl,
// so they are rejected by shape first to keep behaviour identical across Node 20 and 22.
const IANA_NAME = /^[A-Za-z][A-Za-z0-9_+\-]*(\/[A-Za-z0-9_+\-]+)*$/;

const wallClockFormatters = new Map<string, Intl.DateTimeFormat>();

/**
 * Whether `timeZone` is an IANA time-zone name the runtime knows (e.g. "America/New_York", "UTC").
 * Uses a DateTimeFormat probe rather than `Intl.supportedValuesOf('timeZone')`, because the latter
 * omits "UTC" and link names (Node 20 lists "Asia/Calcutta" but not "Asia/Kolkata").
 */
export function isValidTimeZone(timeZone: string): boolean {
  if (!IANA_NAME.test(timeZone)) {
    return false;
  }
  try {
    new Intl.DateTimeFormat('en-US', { timeZone });
    return true;
  } catch {
    return false;
  }
}

/**
 * Asserts `timeZone` is valid, throwing a RangeError that names only the zone (never user data).
 */
export function assertValidTimeZone(timeZone: string): void {
  if (!isValidTimeZone(timeZone)) {
    throw new RangeError(`Invalid IANA time zone: ${JSON.stringify(timeZone)}`);
  }
}

/**
 * Returns a cached formatter that prints the numeric wall-clock fields of an instant in `timeZone`.
 * Creating a DateTimeFormat is far more expensive than using one, and slot computation reads the
 * wall clock many times per request.
 */
export function getWallClockFormatter(timeZone: string): Intl.DateTimeFormat {
  const cached = wallClockFormatters.get(timeZone);
  if (cached) {
    return cached;
  }
  assertValidTimeZone(timeZone);
  const formatter = new Intl.DateTimeFormat('en-US', {
    timeZone,
    calendar: 'gregory',
    numberingSystem: 'latn',
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  });
  wallClockFormatters.set(timeZone, formatter);
  return formatter;
}
