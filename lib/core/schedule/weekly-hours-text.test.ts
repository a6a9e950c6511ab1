import { describe, expect, it } from 'vitest';
import { clockToMinutes, formatDayWindows, parseDayWindows } from './weekly-hours-text.ts';

describe('weekly hours text', () => {
  it('round-trips several windows', () => {
    const windows = parseDayWindows('09:00-12:00, 13:30 – 24:00');
    expect(windows).toEqual([{ startMinute: 540, endMinute: 720 }, { startMinute: 810, endMinute: 1440 }]);
    expect(formatDayWindows(windows)).toBe('09:00-12:00, 13:30-24:00');
    expect(parseDayWindows('  ')).toEqual([]);
  });

  it('rejects nonsense and reversed ranges', () => {
    expect(() => parseDayWindows('9-5')).toThrow(/time range/);
    expect(() => parseDayWindows('17:00-09:00')).toThrow(/time range/);
    expect(clockToMinutes('10:75')).toBeNull();
    expect(clockToMinutes('24:30')).toBeNull();
  });
});
