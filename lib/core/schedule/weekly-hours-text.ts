/**
 * Weekly hours as clinicians type them: "09:00-12:00, 13:00-17:00" per weekday (blank = closed).
 */

const WINDOW_RE = /^(\d{1,2}):(\d{2})\s*[-–]\s*(\d{1,2}):(\d{2})$/;

/** Minutes after midnight → "HH:MM". */
export function minutesToClock(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

/** "HH:MM" → minutes after midnight, or null when not a time (24:00 allowed as an end). */
export function clockToMinutes(value: string): number | null {
  const m = /^(\d{1,2}):(\d{2})$/.exec(value.trim());
  if (!m) {
    return null;
  }
  const minutes = Number(m[1]) * 60 + Number(m[2]);
  return Number(m[2]) < 60 && minutes <= 1440 ? minutes : null;
}

/** Parses one weekday's text into windows; throws Error with a readable message when invalid. */
export function parseDayWindows(text: string): { startMinute: number; endMinute: number }[] {
  const parts = text
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean);
  return parts.map((part) => {
    const m = WINDOW_RE.exec(part);
    const start = m ? clockToMinutes(`${m[1]}:${m[2]}`) : null;
    const end = m ? clockToMinutes(`${m[3]}:${m[4]}`) : null;
    if (start === null || end === null || start >= end || start >= 1440) {
      throw new Error(`"${part}" is not a time range like 09:00-17:00`);
    }
    return { startMinute: start, endMinute: end };
  });
}

/** Formats a weekday's windows for the form field. */
export function formatDayWindows(rules: { startMinute: number; endMinute: number }[]): string {
  return rules.map((r) => `${minutesToClock(r.startMinute)}-${minutesToClock(r.endMinute)}`).join(', ');
}

export const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'] as const;
