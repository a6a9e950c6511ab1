import { describe, expect, it } from 'vitest';
import { ZAvailabilityException, ZSlotQuery, ZTimeZone, ZWeeklyRule } from './schemas.ts';

const RESOURCE_ID = '3f0a7c1e-6b2d-4c8e-9a51-2d7f0b9e4c13';

describe('ZWeeklyRule', () => {
  it('accepts a rule, including one ending at 1440', () => {
    expect(ZWeeklyRule.parse({ weekday: 0, startMinute: 540, endMinute: 1020 })).toEqual({ weekday: 0, startMinute: 540, endMinute: 1020 });
    expect(ZWeeklyRule.safeParse({ weekday: 6, startMinute: 1380, endMinute: 1440 }).success).toBe(true);
  });

  it('rejects bad weekdays, minutes out of range, fractions and end <= start', () => {
    for (const rule of [
      { weekday: 7, startMinute: 0, endMinute: 60 },
      { weekday: -1, startMinute: 0, endMinute: 60 },
      { weekday: 1, startMinute: -1, endMinute: 60 },
      { weekday: 1, startMinute: 0, endMinute: 1441 },
      { weekday: 1, startMinute: 0.5, endMinute: 60 },
      { weekday: 1, startMinute: 600, endMinute: 600 },
      { weekday: 1, startMinute: 700, endMinute: 600 },
      { weekday: '1', startMinute: 0, endMinute: 60 },
    ]) {
      expect(ZWeeklyRule.safeParse(rule).success).toBe(false);
    }
    const result = ZWeeklyRule.safeParse({ weekday: 1, startMinute: 700, endMinute: 600 });
    expect(result.error?.issues[0]?.path).toEqual(['endMinute']);
  });
});

describe('ZAvailabilityException', () => {
  it('accepts whole-day off, an off window and an extra window', () => {
    expect(ZAvailabilityException.safeParse({ date: '2026-03-08', kind: 'off', startMinute: null, endMinute: null }).success).toBe(true);
    expect(ZAvailabilityException.safeParse({ date: '2026-03-08', kind: 'off', startMinute: 720, endMinute: 780 }).success).toBe(true);
    expect(ZAvailabilityException.safeParse({ date: '2028-02-29', kind: 'extra', startMinute: 0, endMinute: 1440 }).success).toBe(true);
  });

  it('rejects impossible dates, unknown kinds, half-open minutes, minute-less extra and end <= start', () => {
    for (const exception of [
      { date: '2026-02-30', kind: 'off', startMinute: null, endMinute: null },
      { date: '2026-03-08T00:00:00Z', kind: 'off', startMinute: null, endMinute: null },
      { date: '2026-03-08', kind: 'holiday', startMinute: null, endMinute: null },
      { date: '2026-03-08', kind: 'off', startMinute: 600, endMinute: null },
      { date: '2026-03-08', kind: 'extra', startMinute: null, endMinute: null },
      { date: '2026-03-08', kind: 'extra', startMinute: 600, endMinute: 540 },
      { date: '2026-03-08', kind: 'off' },
    ]) {
      expect(ZAvailabilityException.safeParse(exception).success).toBe(false);
    }
  });
});

describe('ZSlotQuery', () => {
  const valid = { resourceId: RESOURCE_ID, from: '2026-03-01T00:00:00Z', to: '2026-03-08T00:00:00-05:00', tz: 'Europe/Berlin' };

  it('accepts a query with Z or offset datetimes and an optional IANA zone', () => {
    expect(ZSlotQuery.parse(valid)).toEqual(valid);
    const { tz: _tz, ...withoutTz } = valid;
    expect(ZSlotQuery.safeParse(withoutTz).success).toBe(true);
    expect(ZSlotQuery.safeParse({ ...valid, tz: 'UTC' }).success).toBe(true);
  });

  it('rejects an invalid time zone', () => {
    for (const tz of ['Mars/Olympus_Mons', '+02:00', 'EST 5', '']) {
      const result = ZSlotQuery.safeParse({ ...valid, tz });
      expect(result.success).toBe(false);
      expect(result.error?.issues[0]?.path).toEqual(['tz']);
    }
    expect(ZTimeZone.safeParse('America/New_York').success).toBe(true);
  });

  it('rejects a non-uuid resource, date-only or junk datetimes', () => {
    expect(ZSlotQuery.safeParse({ ...valid, resourceId: 'r1' }).success).toBe(false);
    expect(ZSlotQuery.safeParse({ ...valid, from: '2026-03-01' }).success).toBe(false);
    expect(ZSlotQuery.safeParse({ ...valid, to: 'next tuesday' }).success).toBe(false);
  });

  it('requires from < to and at most 31 days', () => {
    expect(ZSlotQuery.safeParse({ ...valid, to: valid.from }).success).toBe(false);
    expect(ZSlotQuery.safeParse({ ...valid, from: '2026-03-08T00:00:00Z', to: '2026-03-01T00:00:00Z' }).success).toBe(false);
    expect(ZSlotQuery.safeParse({ ...valid, to: '2026-04-01T00:00:00Z' }).success).toBe(true);
    const tooLong = ZSlotQuery.safeParse({ ...valid, to: '2026-04-01T00:00:01Z' });
    expect(tooLong.success).toBe(false);
    expect(tooLong.error?.issues[0]?.message).toMatch(/31 days/);
  });
});
