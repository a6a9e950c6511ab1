/**
 * Conversions between UTC instants and wall-clock readings in an IANA zone, built on Intl only.
 *
 * DST policy (used by the slot engine): a wall time maps to the FIRST instant at which the zone's
 * clock shows that time or later.
 * - Fall-back overlap (the time occurs twice): the earlier occurrence.
 * - Spring-forward gap (the time never occurs): the transition instant, i.e. when the clock jumps
 *   past it (02:30 on a 02:00→03:00 night maps to 03:00 after the jump).
 * The mapping is monotonic in wall time, so an open window [start, end) becomes exactly the real
 * time between "clock first reads start" and "clock first reads end".
 */
import { formatNaiveDate, localDateToNaiveMs, toNaiveMs } from './local-date.ts';
import { getWallClockFormatter } from './time-zone.ts';

const DAY_MS = 86_400_000;

/** A wall-clock reading of an instant in a zone. */
export type ZonedWallTime = {
  /** Local calendar date, "YYYY-MM-DD". */
  date: string;
  /** Whole minutes after local midnight, 0–1439. */
  minute: number;
  /** Offset from UTC in minutes at that instant (New York winter = -300). */
  offsetMinutes: number;
};

/** Naive milliseconds of the wall clock in `timeZone` at `instantMs`, second precision. */
function readWallClockMs(instantMs: number, timeZone: string): number {
  const fields: Record<string, number> = {};
  for (const part of getWallClockFormatter(timeZone).formatToParts(new Date(instantMs))) {
    if (part.type !== 'literal') {
      fields[part.type] = Number(part.value);
    }
  }
  return toNaiveMs(
    fields.year ?? NaN,
    fields.month ?? NaN,
    fields.day ?? NaN,
    fields.hour ?? NaN,
    fields.minute ?? NaN,
    fields.second ?? NaN,
  );
}

/** Zone offset in milliseconds at `instantMs` (wall clock minus UTC, whole seconds). */
function readOffsetMs(instantMs: number, timeZone: string): number {
  const wholeSecondMs = Math.floor(instantMs / 1000) * 1000;
  return readWallClockMs(wholeSecondMs, timeZone) - wholeSecondMs;
}

/**
 * Offsets in effect around a naive wall time. Any instant whose wall clock reads `naiveMs` lies
 * within ±14 h of it, so sampling a day either side catches both sides of a transition.
 */
function listCandidateOffsetsMs(naiveMs: number, timeZone: string): number[] {
  const samples = [naiveMs - DAY_MS, naiveMs, naiveMs + DAY_MS].map((ms) => readOffsetMs(ms, timeZone));
  return [...new Set(samples)].sort((a, b) => a - b);
}

/**
 * UTC offset in minutes of `timeZone` at `instant` (e.g. -240 for New York in summer).
 */
export function getUtcOffsetMinutes(instant: Date, timeZone: string): number {
  return readOffsetMs(instant.getTime(), timeZone) / 60_000;
}

/**
 * Reads the wall clock of `timeZone` at `instant`: local date, minute of day and offset.
 */
export function getZonedWallTime(instant: Date, timeZone: string): ZonedWallTime {
  const instantMs = instant.getTime();
  const wallMs = readWallClockMs(instantMs, timeZone);
  const midnightMs = Math.floor(wallMs / DAY_MS) * DAY_MS;
  return {
    date: formatNaiveDate(midnightMs),
    minute: Math.floor((wallMs - midnightMs) / 60_000),
    offsetMinutes: readOffsetMs(instantMs, timeZone) / 60_000,
  };
}

/**
 * The calendar date ("YYYY-MM-DD") an instant falls on in `timeZone`.
 */
export function localDateInZone(instant: Date, timeZone: string): string {
  return getZonedWallTime(instant, timeZone).date;
}

/**
 * Every real instant at which `timeZone`'s clock reads `minute` minutes after midnight of
 * `localDate`, ascending: one normally, two in a fall-back overlap, none in a spring-forward gap.
 * `minute` may be 1440 (next midnight) or beyond; it is plain wall-clock arithmetic.
 */
export function listWallTimeInstants(localDate: string, minute: number, timeZone: string): Date[] {
  const naiveMs = localDateToNaiveMs(localDate) + minute * 60_000;
  const instants: number[] = [];
  for (const offsetMs of listCandidateOffsetsMs(naiveMs, timeZone)) {
    const candidateMs = naiveMs - offsetMs;
    if (readOffsetMs(candidateMs, timeZone) === offsetMs) {
      instants.push(candidateMs);
    }
  }
  return [...new Set(instants)].sort((a, b) => a - b).map((ms) => new Date(ms));
}

/**
 * Converts a wall-clock time in `timeZone` to the first UTC instant at which the clock shows that
 * time or later: the earlier occurrence in a fall-back overlap, the transition instant in a
 * spring-forward gap (see the module comment).
 */
export function zonedWallTimeToUtc(localDate: string, minute: number, timeZone: string): Date {
  const [first] = listWallTimeInstants(localDate, minute, timeZone);
  if (first) {
    return first;
  }
  return findGapTransition(localDateToNaiveMs(localDate) + minute * 60_000, timeZone);
}

/**
 * Finds the instant the clock jumps over `naiveMs`. Before the jump the wall clock reads less than
 * `naiveMs` and after it more, so a binary search over whole seconds between the two candidate
 * readings converges on the transition.
 */
function findGapTransition(naiveMs: number, timeZone: string): Date {
  const offsets = listCandidateOffsetsMs(naiveMs, timeZone);
  let lowSeconds = Math.floor((naiveMs - (offsets.at(-1) ?? 0)) / 1000);
  let highSeconds = Math.ceil((naiveMs - (offsets[0] ?? 0)) / 1000);
  while (highSeconds - lowSeconds > 1) {
    const middle = Math.floor((lowSeconds + highSeconds) / 2);
    if (readWallClockMs(middle * 1000, timeZone) >= naiveMs) {
      highSeconds = middle;
    } else {
      lowSeconds = middle;
    }
  }
  return new Date(highSeconds * 1000);
}
