/**
 * Builds a resource-local date's open windows (in wall-clock minutes) from the weekly rules and
 * that date's exceptions: rules for its weekday, minus "off", plus "extra".
 */
import { formatNaiveDate, getLocalWeekday } from './local-date.ts';
import type { AvailabilityExceptionInput, MinuteWindow, WeeklyRuleInput } from './types.ts';

const MINUTES_PER_DAY = 1440;

/** Clamps a window into the day; returns null when nothing of it is left. */
function clampWindow(startMinute: number, endMinute: number): MinuteWindow | null {
  const start = Math.max(0, startMinute);
  const end = Math.min(MINUTES_PER_DAY, endMinute);
  return start < end ? { startMinute: start, endMinute: end } : null;
}

/**
 * Sorts and unions windows. Touching windows (09:00–12:00 and 12:00–17:00) merge too, so slots
 * keep one continuous grid instead of restarting at the seam.
 */
export function mergeMinuteWindows(windows: readonly MinuteWindow[]): MinuteWindow[] {
  const sorted = [...windows].sort((a, b) => a.startMinute - b.startMinute);
  const merged: MinuteWindow[] = [];
  for (const window of sorted) {
    const last = merged.at(-1);
    if (last && window.startMinute <= last.endMinute) {
      last.endMinute = Math.max(last.endMinute, window.endMinute);
    } else {
      merged.push({ ...window });
    }
  }
  return merged;
}

/** Removes `cut` from every window, splitting a window that contains it. */
export function subtractMinuteWindow(windows: readonly MinuteWindow[], cut: MinuteWindow): MinuteWindow[] {
  const result: MinuteWindow[] = [];
  for (const window of windows) {
    if (cut.endMinute <= window.startMinute || cut.startMinute >= window.endMinute) {
      result.push({ ...window });
      continue;
    }
    if (cut.startMinute > window.startMinute) {
      result.push({ startMinute: window.startMinute, endMinute: cut.startMinute });
    }
    if (cut.endMinute < window.endMinute) {
      result.push({ startMinute: cut.endMinute, endMinute: window.endMinute });
    }
  }
  return result;
}

/** Normalises an exception date (string or Prisma `@db.Date`) to "YYYY-MM-DD". */
export function toExceptionDate(date: string | Date): string {
  return typeof date === 'string' ? date : formatNaiveDate(date.getTime());
}

/**
 * Open windows of `localDate`, sorted and disjoint. Precedence: weekly rules, then every "off"
 * exception removes hours (both minutes null = whole day; one null = open-ended to that side),
 * then every "extra" exception adds hours, so "extra" wins over "off" on the same date.
 * "extra" rows without minutes are ignored; the schema rejects them at the boundary.
 */
export function buildDayWindows(
  localDate: string,
  rules: readonly WeeklyRuleInput[],
  exceptions: readonly AvailabilityExceptionInput[],
): MinuteWindow[] {
  const weekday = getLocalWeekday(localDate);
  const ruleWindows = rules
    .filter((rule) => rule.weekday === weekday)
    .map((rule) => clampWindow(rule.startMinute, rule.endMinute))
    .filter((window): window is MinuteWindow => window !== null);
  let windows = mergeMinuteWindows(ruleWindows);

  const todays = exceptions.filter((exception) => toExceptionDate(exception.date) === localDate);
  for (const exception of todays.filter((candidate) => candidate.kind === 'off')) {
    const cut = clampWindow(exception.startMinute ?? 0, exception.endMinute ?? MINUTES_PER_DAY);
    if (cut) {
      windows = subtractMinuteWindow(windows, cut);
    }
  }

  const extras = todays
    .filter((exception) => exception.kind === 'extra')
    .filter((exception) => exception.startMinute !== null && exception.endMinute !== null)
    .map((exception) => clampWindow(exception.startMinute ?? 0, exception.endMinute ?? 0))
    .filter((window): window is MinuteWindow => window !== null);
  return mergeMinuteWindows([...windows, ...extras]);
}
