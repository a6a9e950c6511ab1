/**
 * DST behaviour of computeSlots. Chosen policy (see zoned-time.ts): a window lasts from the first
 * moment the resource's clock shows its start until the first moment it shows its end.
 * - Spring-forward gap: wall times that never occur yield no slots; a 01:00–03:00 window on the
 *   New York change night is one real hour (01:00–02:00 EST), sliced as usual.
 * - Fall-back overlap: the window is all real time until the clock first reads its end, so a
 *   01:00–03:00 window covers three real hours and the repeated hour yields distinct slots that
 *   share a wall-clock label but differ in offset.
 */
import { describe, expect, it } from 'vitest';
import { computeSlots } from './compute-slots.ts';
import type { Slot, SlotResource, WeeklyRuleInput } from './types.ts';
import { getZonedWallTime } from './zoned-time.ts';

const EVERY_DAY = [0, 1, 2, 3, 4, 5, 6];
const NINE_TO_FIVE: WeeklyRuleInput[] = EVERY_DAY.map((weekday) => ({ weekday, startMinute: 540, endMinute: 1020 }));
const HALF_HOUR_STARTS = Array.from({ length: 16 }, (_, index) => 540 + index * 30);
const LONG_AGO = new Date('2000-01-01T00:00:00Z');

function resourceIn(timeZone: string, visitMinutes = 30, bufferMinutes = 0): SlotResource {
  return { id: 'r1', timeZone, visitMinutes, bufferMinutes };
}

function slotsFor(timeZone: string, rules: WeeklyRuleInput[], from: string, to: string, visitMinutes = 30): Slot[] {
  return computeSlots({
    resource: resourceIn(timeZone, visitMinutes),
    rules,
    exceptions: [],
    busy: [],
    from: new Date(from),
    to: new Date(to),
    now: LONG_AGO,
  });
}

/** Groups slots by resource-local date: local start minutes and the offsets seen that day. */
function summarise(slots: Slot[], timeZone: string): Map<string, { minutes: number[]; offsets: Set<number> }> {
  const byDate = new Map<string, { minutes: number[]; offsets: Set<number> }>();
  for (const slot of slots) {
    const wall = getZonedWallTime(slot.startsAt, timeZone);
    const day = byDate.get(wall.date) ?? { minutes: [], offsets: new Set<number>() };
    day.minutes.push(wall.minute);
    day.offsets.add(wall.offsetMinutes);
    byDate.set(wall.date, day);
  }
  return byDate;
}

function expectWellFormed(slots: Slot[], visitMinutes: number): void {
  for (const slot of slots) {
    expect(slot.endsAt.getTime() - slot.startsAt.getTime()).toBe(visitMinutes * 60_000);
  }
  const starts = slots.map((slot) => slot.startsAt.getTime());
  expect(new Set(starts).size).toBe(starts.length);
  expect([...starts].sort((a, b) => a - b)).toEqual(starts);
}

describe('computeSlots across DST in America/New_York, 09:00–17:00 every day', () => {
  const zone = 'America/New_York';

  it('spring forward week (2026-03-08): same local grid, offset -5 → -4', () => {
    // 2026-03-05 00:00 EST to 2026-03-12 00:00 EDT.
    const slots = slotsFor(zone, NINE_TO_FIVE, '2026-03-05T05:00:00Z', '2026-03-12T04:00:00Z');
    expect(slots).toHaveLength(7 * 16);
    expectWellFormed(slots, 30);
    const days = summarise(slots, zone);
    expect([...days.keys()]).toEqual([
      '2026-03-05', '2026-03-06', '2026-03-07', '2026-03-08', '2026-03-09', '2026-03-10', '2026-03-11',
    ]);
    for (const [date, day] of days) {
      expect(day.minutes).toEqual(HALF_HOUR_STARTS);
      expect([...day.offsets]).toEqual([date < '2026-03-08' ? -300 : -240]);
    }
    const firstOf = (date: string): string | undefined =>
      slots.find((slot) => getZonedWallTime(slot.startsAt, zone).date === date)?.startsAt.toISOString();
    expect(firstOf('2026-03-07')).toBe('2026-03-07T14:00:00.000Z');
    expect(firstOf('2026-03-08')).toBe('2026-03-08T13:00:00.000Z');
  });

  it('fall back week (2026-11-01): same local grid, offset -4 → -5', () => {
    const slots = slotsFor(zone, NINE_TO_FIVE, '2026-10-29T04:00:00Z', '2026-11-05T05:00:00Z');
    expect(slots).toHaveLength(7 * 16);
    expectWellFormed(slots, 30);
    for (const [date, day] of summarise(slots, zone)) {
      expect(day.minutes).toEqual(HALF_HOUR_STARTS);
      expect([...day.offsets]).toEqual([date < '2026-11-01' ? -240 : -300]);
    }
    const lastBefore = slots.filter((slot) => slot.startsAt < new Date('2026-11-01T00:00:00Z')).at(-1);
    expect(lastBefore?.endsAt.toISOString()).toBe('2026-10-31T21:00:00.000Z');
    const firstAfter = slots.find((slot) => slot.startsAt > new Date('2026-11-01T00:00:00Z'));
    expect(firstAfter?.startsAt.toISOString()).toBe('2026-11-01T14:00:00.000Z');
  });

  it('a 01:00–03:00 rule on the spring-forward night yields only the hour that exists', () => {
    const rules = [{ weekday: 0, startMinute: 60, endMinute: 180 }];
    const slots = slotsFor(zone, rules, '2026-03-08T00:00:00Z', '2026-03-09T00:00:00Z');
    expect(slots.map((slot) => slot.startsAt.toISOString())).toEqual([
      '2026-03-08T06:00:00.000Z',
      '2026-03-08T06:30:00.000Z',
    ]);
    expectWellFormed(slots, 30);
    // A 45-minute visit fits once: 01:00–01:45 EST; 01:45 EST + 45 min would pass 03:00 EDT.
    const long = slotsFor(zone, rules, '2026-03-08T00:00:00Z', '2026-03-09T00:00:00Z', 45);
    expect(long.map((slot) => slot.startsAt.toISOString())).toEqual(['2026-03-08T06:00:00.000Z']);
  });

  it('a rule starting inside the gap opens when the clock jumps; one wholly inside it yields nothing', () => {
    const fromGap = slotsFor(zone, [{ weekday: 0, startMinute: 150, endMinute: 240 }], '2026-03-08T00:00:00Z', '2026-03-09T00:00:00Z');
    expect(fromGap.map((slot) => getZonedWallTime(slot.startsAt, zone).minute)).toEqual([180, 210]);
    const inGap = slotsFor(zone, [{ weekday: 0, startMinute: 125, endMinute: 175 }], '2026-03-08T00:00:00Z', '2026-03-09T00:00:00Z');
    expect(inGap).toEqual([]);
  });

  it('a 01:00–03:00 rule on the fall-back night covers three real hours with distinct instants', () => {
    const slots = slotsFor(zone, [{ weekday: 0, startMinute: 60, endMinute: 180 }], '2026-11-01T00:00:00Z', '2026-11-02T00:00:00Z');
    expectWellFormed(slots, 30);
    expect(slots.map((slot) => slot.startsAt.toISOString())).toEqual([
      '2026-11-01T05:00:00.000Z',
      '2026-11-01T05:30:00.000Z',
      '2026-11-01T06:00:00.000Z',
      '2026-11-01T06:30:00.000Z',
      '2026-11-01T07:00:00.000Z',
      '2026-11-01T07:30:00.000Z',
    ]);
    const walls = slots.map((slot) => getZonedWallTime(slot.startsAt, zone));
    expect(walls.map((wall) => [wall.minute, wall.offsetMinutes])).toEqual([
      [60, -240], [90, -240], [60, -300], [90, -300], [120, -300], [150, -300],
    ]);
  });

  it('a rule ending inside the overlap closes the first time the clock reads its end', () => {
    const slots = slotsFor(zone, [{ weekday: 0, startMinute: 0, endMinute: 90 }], '2026-11-01T00:00:00Z', '2026-11-02T00:00:00Z');
    expect(slots.map((slot) => slot.startsAt.toISOString())).toEqual([
      '2026-11-01T04:00:00.000Z',
      '2026-11-01T04:30:00.000Z',
      '2026-11-01T05:00:00.000Z',
    ]);
  });
});

describe('computeSlots in other zones', () => {
  it('Europe/London: 09:00 local moves from 09:00Z to 08:00Z across 2026-03-29, back on 2026-10-25', () => {
    const rules = EVERY_DAY.map((weekday) => ({ weekday, startMinute: 540, endMinute: 600 }));
    const spring = slotsFor('Europe/London', rules, '2026-03-28T00:00:00Z', '2026-03-30T00:00:00Z');
    expect(spring.map((slot) => slot.startsAt.toISOString())).toEqual([
      '2026-03-28T09:00:00.000Z',
      '2026-03-28T09:30:00.000Z',
      '2026-03-29T08:00:00.000Z',
      '2026-03-29T08:30:00.000Z',
    ]);
    const autumn = slotsFor('Europe/London', rules, '2026-10-24T00:00:00Z', '2026-10-26T00:00:00Z');
    expect(autumn.map((slot) => slot.startsAt.toISOString())).toEqual([
      '2026-10-24T08:00:00.000Z',
      '2026-10-24T08:30:00.000Z',
      '2026-10-25T09:00:00.000Z',
      '2026-10-25T09:30:00.000Z',
    ]);
  });

  it('Europe/London: a 00:30–02:30 rule on the spring-forward night is one real hour', () => {
    const slots = slotsFor('Europe/London', [{ weekday: 0, startMinute: 30, endMinute: 150 }], '2026-03-29T00:00:00Z', '2026-03-30T00:00:00Z');
    expect(slots.map((slot) => [slot.startsAt.toISOString(), getZonedWallTime(slot.startsAt, 'Europe/London').minute])).toEqual([
      ['2026-03-29T00:30:00.000Z', 30],
      ['2026-03-29T01:00:00.000Z', 120],
    ]);
  });

  it('Australia/Sydney (southern hemisphere): offset +11 → +10 in April, +10 → +11 in October', () => {
    const zone = 'Australia/Sydney';
    const april = slotsFor(zone, NINE_TO_FIVE, '2026-04-02T13:00:00Z', '2026-04-07T14:00:00Z');
    expect(april).toHaveLength(5 * 16);
    expectWellFormed(april, 30);
    for (const [date, day] of summarise(april, zone)) {
      expect(day.minutes).toEqual(HALF_HOUR_STARTS);
      expect([...day.offsets]).toEqual([date < '2026-04-05' ? 660 : 600]);
    }
    const october = slotsFor(zone, NINE_TO_FIVE, '2026-10-01T14:00:00Z', '2026-10-06T13:00:00Z');
    expect(october).toHaveLength(5 * 16);
    for (const [date, day] of summarise(october, zone)) {
      expect(day.minutes).toEqual(HALF_HOUR_STARTS);
      expect([...day.offsets]).toEqual([date < '2026-10-04' ? 600 : 660]);
    }
    expect(october.find((slot) => getZonedWallTime(slot.startsAt, zone).date === '2026-10-04')?.startsAt.toISOString())
      .toBe('2026-10-03T22:00:00.000Z');
  });

  it('Australia/Sydney: a 02:00–04:00 rule on the fall-back night (03:00 → 02:00) is three real hours', () => {
    const slots = slotsFor('Australia/Sydney', [{ weekday: 0, startMinute: 120, endMinute: 240 }], '2026-04-04T12:00:00Z', '2026-04-05T12:00:00Z', 60);
    expect(slots.map((slot) => slot.startsAt.toISOString())).toEqual([
      '2026-04-04T15:00:00.000Z',
      '2026-04-04T16:00:00.000Z',
      '2026-04-04T17:00:00.000Z',
    ]);
  });
});
