import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  getUtcOffsetMinutes,
  getZonedWallTime,
  listWallTimeInstants,
  localDateInZone,
  zonedWallTimeToUtc,
} from './zoned-time.ts';

const NY = 'America/New_York';
const iso = (dates: Date[]): string[] => dates.map((date) => date.toISOString());

describe('zonedWallTimeToUtc', () => {
  it('converts ordinary wall times with the offset in effect that day', () => {
    expect(zonedWallTimeToUtc('2026-01-15', 9 * 60, NY).toISOString()).toBe('2026-01-15T14:00:00.000Z');
    expect(zonedWallTimeToUtc('2026-07-15', 9 * 60, NY).toISOString()).toBe('2026-07-15T13:00:00.000Z');
    expect(zonedWallTimeToUtc('2026-07-15', 9 * 60, 'UTC').toISOString()).toBe('2026-07-15T09:00:00.000Z');
    expect(zonedWallTimeToUtc('2026-07-15', 9 * 60, 'Asia/Kolkata').toISOString()).toBe('2026-07-15T03:30:00.000Z');
  });

  it('accepts minute 1440 as the next local midnight', () => {
    expect(zonedWallTimeToUtc('2026-03-07', 1440, NY).toISOString()).toBe('2026-03-08T05:00:00.000Z');
  });

  it('maps a spring-forward gap time to the transition instant (New York 2026-03-08 02:00→03:00)', () => {
    expect(listWallTimeInstants('2026-03-08', 2 * 60 + 30, NY)).toEqual([]);
    for (const minute of [120, 135, 150, 179]) {
      expect(zonedWallTimeToUtc('2026-03-08', minute, NY).toISOString()).toBe('2026-03-08T07:00:00.000Z');
    }
    // The minute before the gap and the first minute after it are ordinary.
    expect(zonedWallTimeToUtc('2026-03-08', 119, NY).toISOString()).toBe('2026-03-08T06:59:00.000Z');
    expect(zonedWallTimeToUtc('2026-03-08', 180, NY).toISOString()).toBe('2026-03-08T07:00:00.000Z');
  });

  it('lists both occurrences in a fall-back overlap and picks the earlier (New York 2026-11-01)', () => {
    expect(iso(listWallTimeInstants('2026-11-01', 90, NY))).toEqual([
      '2026-11-01T05:30:00.000Z',
      '2026-11-01T06:30:00.000Z',
    ]);
    expect(zonedWallTimeToUtc('2026-11-01', 90, NY).toISOString()).toBe('2026-11-01T05:30:00.000Z');
    expect(zonedWallTimeToUtc('2026-11-01', 120, NY).toISOString()).toBe('2026-11-01T07:00:00.000Z');
  });

  it('handles London (gap 01:00→02:00 on 2026-03-29, overlap 01:00–02:00 on 2026-10-25)', () => {
    expect(zonedWallTimeToUtc('2026-03-29', 90, 'Europe/London').toISOString()).toBe('2026-03-29T01:00:00.000Z');
    expect(iso(listWallTimeInstants('2026-10-25', 90, 'Europe/London'))).toEqual([
      '2026-10-25T00:30:00.000Z',
      '2026-10-25T01:30:00.000Z',
    ]);
  });

  it('handles southern-hemisphere DST (Sydney ends 2026-04-05, starts 2026-10-04)', () => {
    const sydney = 'Australia/Sydney';
    expect(iso(listWallTimeInstants('2026-04-05', 150, sydney))).toEqual([
      '2026-04-04T15:30:00.000Z',
      '2026-04-04T16:30:00.000Z',
    ]);
    expect(listWallTimeInstants('2026-10-04', 150, sydney)).toEqual([]);
    expect(zonedWallTimeToUtc('2026-10-04', 150, sydney).toISOString()).toBe('2026-10-03T16:00:00.000Z');
  });

  it('handles a half-hour DST shift (Lord Howe Island) and a whole skipped day (Samoa 2011-12-30)', () => {
    expect(iso(listWallTimeInstants('2026-04-05', 105, 'Australia/Lord_Howe'))).toEqual([
      '2026-04-04T14:45:00.000Z',
      '2026-04-04T15:15:00.000Z',
    ]);
    expect(listWallTimeInstants('2011-12-30', 600, 'Pacific/Apia')).toEqual([]);
    const afterSkip = zonedWallTimeToUtc('2011-12-30', 600, 'Pacific/Apia');
    expect(getZonedWallTime(afterSkip, 'Pacific/Apia')).toEqual({ date: '2011-12-31', minute: 0, offsetMinutes: 840 });
  });

  it('throws on an invalid zone or date', () => {
    expect(() => zonedWallTimeToUtc('2026-03-08', 0, 'Not/AZone')).toThrow(RangeError);
    expect(() => zonedWallTimeToUtc('2026-02-30', 0, NY)).toThrow(RangeError);
  });
});

describe('getZonedWallTime / localDateInZone / getUtcOffsetMinutes', () => {
  it('reads date, minute and offset on both sides of a transition', () => {
    expect(getZonedWallTime(new Date('2026-03-08T06:59:00Z'), NY)).toEqual({
      date: '2026-03-08',
      minute: 119,
      offsetMinutes: -300,
    });
    expect(getZonedWallTime(new Date('2026-03-08T07:00:00Z'), NY)).toEqual({
      date: '2026-03-08',
      minute: 180,
      offsetMinutes: -240,
    });
    expect(getUtcOffsetMinutes(new Date('2026-11-01T06:30:00Z'), NY)).toBe(-300);
  });

  it('gives the local calendar date, which can differ from the UTC date', () => {
    const instant = new Date('2026-03-09T03:00:00Z');
    expect(localDateInZone(instant, NY)).toBe('2026-03-08');
    expect(localDateInZone(instant, 'Australia/Sydney')).toBe('2026-03-09');
    expect(localDateInZone(instant, 'UTC')).toBe('2026-03-09');
  });
});

describe('round trip (property)', () => {
  const zones = ['America/New_York', 'Europe/London', 'Australia/Sydney', 'Australia/Lord_Howe', 'Asia/Kolkata', 'UTC'];

  it('the wall time of any instant maps back to the first instant showing it, never later', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...zones),
        fc.integer({ min: Date.UTC(1990, 0, 1) / 60_000, max: Date.UTC(2037, 0, 1) / 60_000 }),
        (zone, epochMinute) => {
          const instant = new Date(epochMinute * 60_000);
          const wall = getZonedWallTime(instant, zone);
          const back = zonedWallTimeToUtc(wall.date, wall.minute, zone);
          const occurrences = listWallTimeInstants(wall.date, wall.minute, zone).map((date) => date.getTime());
          expect(occurrences).toContain(instant.getTime());
          expect(back.getTime()).toBe(occurrences[0]);
          expect(getZonedWallTime(back, zone)).toMatchObject({ date: wall.date, minute: wall.minute });
        },
      ),
      { numRuns: 500 },
    );
  });
});
