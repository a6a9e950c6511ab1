import { describe, expect, it } from 'vitest';
import {
  addDaysToLocalDate,
  formatNaiveDate,
  getLocalWeekday,
  isValidLocalDate,
  localDateToNaiveMs,
} from './local-date.ts';

describe('local dates', () => {
  it('accepts real dates and rejects malformed or impossible ones', () => {
    expect(isValidLocalDate('2026-03-08')).toBe(true);
    expect(isValidLocalDate('2028-02-29')).toBe(true);
    expect(isValidLocalDate('2026-02-29')).toBe(false);
    expect(isValidLocalDate('2026-13-01')).toBe(false);
    expect(isValidLocalDate('2026-3-8')).toBe(false);
    expect(isValidLocalDate('2026-03-08T00:00:00Z')).toBe(false);
    expect(() => localDateToNaiveMs('2026-02-30')).toThrow(RangeError);
  });

  it('adds days across month, year and DST boundaries without drifting', () => {
    expect(addDaysToLocalDate('2026-03-07', 1)).toBe('2026-03-08');
    expect(addDaysToLocalDate('2026-03-08', 1)).toBe('2026-03-09');
    expect(addDaysToLocalDate('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDaysToLocalDate('2026-03-01', -1)).toBe('2026-02-28');
  });

  it('numbers weekdays from Sunday = 0', () => {
    expect(getLocalWeekday('2026-03-08')).toBe(0);
    expect(getLocalWeekday('2026-03-09')).toBe(1);
    expect(getLocalWeekday('2026-11-07')).toBe(6);
  });

  it('handles years below 100 without the Date.UTC 19xx quirk', () => {
    expect(formatNaiveDate(localDateToNaiveMs('0050-06-15'))).toBe('0050-06-15');
  });
});
