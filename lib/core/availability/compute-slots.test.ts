import { describe, expect, it } from 'vitest';
import { computeSlots, type ComputeSlotsInput } from './compute-slots.ts';
import type { AvailabilityExceptionInput, BusyInterval } from './types.ts';
import { getZonedWallTime } from './zoned-time.ts';

const NY = 'America/New_York';
const LONG_AGO = new Date('2000-01-01T00:00:00Z');
// 2026-03-16 is a Monday; New York is on EDT (UTC-4) that week.
const MONDAY = '2026-03-16';
const MORNING = [{ weekday: 1, startMinute: 540, endMinute: 720 }];

/** Instant of a New York wall time on MONDAY (EDT), e.g. at('09:45'). */
function at(hhmm: string, date = MONDAY): Date {
  return new Date(`${date}T${hhmm}:00-04:00`);
}

function run(overrides: Partial<ComputeSlotsInput> & { visit?: number; buffer?: number } = {}): string[] {
  const { visit = 30, buffer = 0, ...rest } = overrides;
  const slots = computeSlots({
    resource: { id: 'r1', timeZone: NY, visitMinutes: visit, bufferMinutes: buffer },
    rules: MORNING,
    exceptions: [],
    busy: [],
    from: at('00:00'),
    to: at('23:59'),
    now: LONG_AGO,
    ...rest,
  });
  return slots.map((slot) => {
    const wall = getZonedWallTime(slot.startsAt, NY);
    const hh = String(Math.floor(wall.minute / 60)).padStart(2, '0');
    const mm = String(wall.minute % 60).padStart(2, '0');
    return `${wall.date.slice(5)} ${hh}:${mm}`;
  });
}

describe('computeSlots: grid and buffer', () => {
  it('cuts a window into back-to-back visits without a buffer', () => {
    expect(run()).toEqual(['03-16 09:00', '03-16 09:30', '03-16 10:00', '03-16 10:30', '03-16 11:00', '03-16 11:30']);
  });

  it('steps visit + buffer and keeps only visits that end by the window end', () => {
    expect(run({ buffer: 15 })).toEqual(['03-16 09:00', '03-16 09:45', '03-16 10:30', '03-16 11:15']);
    expect(run({ visit: 50, buffer: 10 })).toEqual(['03-16 09:00', '03-16 10:00', '03-16 11:00']);
  });

  it('merges overlapping and touching rules into one continuous grid', () => {
    const rules = [
      { weekday: 1, startMinute: 540, endMinute: 600 },
      { weekday: 1, startMinute: 600, endMinute: 660 },
      { weekday: 1, startMinute: 570, endMinute: 630 },
    ];
    expect(run({ rules, visit: 45 })).toEqual(['03-16 09:00', '03-16 09:45']);
  });

  it('supports a rule ending at 1440 (local midnight)', () => {
    const rules = [{ weekday: 1, startMinute: 1380, endMinute: 1440 }];
    const slots = computeSlots({
      resource: { id: 'r1', timeZone: NY, visitMinutes: 30, bufferMinutes: 0 },
      rules,
      exceptions: [],
      busy: [],
      from: at('00:00'),
      to: at('00:00', '2026-03-17'),
      now: LONG_AGO,
    });
    expect(slots.map((slot) => slot.endsAt.toISOString())).toEqual(['2026-03-17T03:30:00.000Z', '2026-03-17T04:00:00.000Z']);
  });
});

describe('computeSlots: busy intervals', () => {
  it('drops slots overlapping a busy interval; touching edges are fine without a buffer', () => {
    const busy: BusyInterval[] = [{ startsAt: at('09:30'), endsAt: at('10:00') }];
    expect(run({ busy })).toEqual(['03-16 09:00', '03-16 10:00', '03-16 10:30', '03-16 11:00', '03-16 11:30']);
  });

  it('blocks the buffer after a busy interval and the slot buffer before one', () => {
    // Booked grid slot 09:45–10:15: neighbours on the grid stay free.
    const onGrid: BusyInterval[] = [{ startsAt: at('09:45'), endsAt: at('10:15') }];
    expect(run({ buffer: 15, busy: onGrid })).toEqual(['03-16 09:00', '03-16 10:30', '03-16 11:15']);
    // Off-grid booking 10:20–10:40: blocks 10:30 (overlap) and 09:45 (its buffer runs to 10:30).
    const offGrid: BusyInterval[] = [{ startsAt: at('10:20'), endsAt: at('10:40') }];
    expect(run({ buffer: 15, busy: offGrid })).toEqual(['03-16 09:00', '03-16 11:15']);
    // Busy ending 11:05 + 15 min buffer reaches 11:20, so 11:15 is blocked as well.
    const late: BusyInterval[] = [{ startsAt: at('10:50'), endsAt: at('11:05') }];
    expect(run({ buffer: 15, busy: late })).toEqual(['03-16 09:00', '03-16 09:45']);
  });

  it('ignores busy time on other days and handles several intervals', () => {
    const busy: BusyInterval[] = [
      { startsAt: at('09:00', '2026-03-17'), endsAt: at('12:00', '2026-03-17') },
      { startsAt: at('09:00'), endsAt: at('09:30') },
      { startsAt: at('11:00'), endsAt: at('12:00') },
    ];
    expect(run({ busy })).toEqual(['03-16 09:30', '03-16 10:00', '03-16 10:30']);
  });
});

describe('computeSlots: exceptions', () => {
  const week = { from: at('00:00'), to: at('00:00', '2026-03-23') };
  const weekdays = [1, 2, 3, 4, 5].map((weekday) => ({ weekday, startMinute: 540, endMinute: 600 }));

  it('a whole-day "off" removes that date only', () => {
    const exceptions: AvailabilityExceptionInput[] = [{ date: '2026-03-17', kind: 'off', startMinute: null, endMinute: null }];
    const days = new Set(run({ ...week, rules: weekdays, exceptions }).map((label) => label.slice(0, 5)));
    expect([...days]).toEqual(['03-16', '03-18', '03-19', '03-20']);
  });

  it('an "off" window splits the day and the grid restarts after it', () => {
    const exceptions: AvailabilityExceptionInput[] = [{ date: MONDAY, kind: 'off', startMinute: 600, endMinute: 615 }];
    expect(run({ exceptions })).toEqual(['03-16 09:00', '03-16 09:30', '03-16 10:15', '03-16 10:45', '03-16 11:15']);
  });

  it('an "extra" window adds hours on a day without rules and extends a ruled day', () => {
    const exceptions: AvailabilityExceptionInput[] = [
      { date: '2026-03-21', kind: 'extra', startMinute: 600, endMinute: 660 },
      { date: MONDAY, kind: 'extra', startMinute: 720, endMinute: 780 },
    ];
    const labels = run({ ...week, exceptions });
    expect(labels.filter((label) => label.startsWith('03-21'))).toEqual(['03-21 10:00', '03-21 10:30']);
    expect(labels.filter((label) => label.startsWith('03-16')).at(-1)).toBe('03-16 12:30');
  });

  it('"extra" wins over "off" on the same date, and Prisma @db.Date values work as dates', () => {
    const exceptions: AvailabilityExceptionInput[] = [
      { date: new Date('2026-03-16T00:00:00Z'), kind: 'off', startMinute: null, endMinute: null },
      { date: new Date('2026-03-16T00:00:00Z'), kind: 'extra', startMinute: 840, endMinute: 900 },
    ];
    expect(run({ exceptions })).toEqual(['03-16 14:00', '03-16 14:30']);
  });

  it('ignores an "extra" row without minutes', () => {
    const exceptions: AvailabilityExceptionInput[] = [{ date: MONDAY, kind: 'extra', startMinute: null, endMinute: null }];
    expect(run({ exceptions })).toHaveLength(6);
  });
});

describe('computeSlots: range, now and notice', () => {
  it('keeps only slots wholly inside [from, to) and does not re-anchor the grid to from', () => {
    expect(run({ from: at('09:10'), to: at('10:45') })).toEqual(['03-16 09:30', '03-16 10:00']);
    expect(run({ from: at('09:30'), to: at('10:30') })).toEqual(['03-16 09:30', '03-16 10:00']);
  });

  it('returns nothing for an empty or inverted range', () => {
    expect(run({ from: at('10:00'), to: at('10:00') })).toEqual([]);
    expect(run({ from: at('11:00'), to: at('10:00') })).toEqual([]);
  });

  it('drops slots starting before now + minNotice (a slot exactly at the limit stays)', () => {
    expect(run({ now: at('09:05') })).toEqual(['03-16 09:30', '03-16 10:00', '03-16 10:30', '03-16 11:00', '03-16 11:30']);
    expect(run({ now: at('09:30'), minNoticeMinutes: 60 })).toEqual(['03-16 10:30', '03-16 11:00', '03-16 11:30']);
  });

  it('defaults now to the current time, so past slots are never offered', () => {
    const withoutNow: ComputeSlotsInput = {
      resource: { id: 'r1', timeZone: NY, visitMinutes: 30, bufferMinutes: 0 },
      rules: MORNING,
      exceptions: [],
      busy: [],
      from: at('00:00', '2020-03-16'),
      to: at('00:00', '2020-03-17'),
    };
    expect(computeSlots(withoutNow)).toEqual([]);
    expect(computeSlots({ ...withoutNow, now: LONG_AGO })).toHaveLength(6);
  });
});

describe('computeSlots: input validation', () => {
  const base: ComputeSlotsInput = {
    resource: { id: 'r1', timeZone: NY, visitMinutes: 30, bufferMinutes: 0 },
    rules: MORNING,
    exceptions: [],
    busy: [],
    from: at('00:00'),
    to: at('23:00'),
    now: LONG_AGO,
  };

  it('rejects an invalid zone, visit length, buffer, notice and dates with RangeError', () => {
    expect(() => computeSlots({ ...base, resource: { ...base.resource, timeZone: 'Moon/Base' } })).toThrow(RangeError);
    expect(() => computeSlots({ ...base, resource: { ...base.resource, visitMinutes: 0 } })).toThrow(RangeError);
    expect(() => computeSlots({ ...base, resource: { ...base.resource, visitMinutes: 12.5 } })).toThrow(RangeError);
    expect(() => computeSlots({ ...base, resource: { ...base.resource, bufferMinutes: -5 } })).toThrow(RangeError);
    expect(() => computeSlots({ ...base, minNoticeMinutes: -1 })).toThrow(RangeError);
    expect(() => computeSlots({ ...base, from: new Date('nope') })).toThrow(RangeError);
  });

  it('rejects a range longer than 366 days', () => {
    expect(() => computeSlots({ ...base, to: new Date(base.from.getTime() + 367 * 86_400_000) })).toThrow(/366 days/);
  });
});
