import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeSlots } from './compute-slots.ts';
import type { BusyInterval, WeeklyRuleInput } from './types.ts';
import { getZonedWallTime } from './zoned-time.ts';

const ZONES = ['America/New_York', 'Europe/London', 'Australia/Sydney', 'Australia/Lord_Howe', 'Asia/Kolkata', 'UTC'];
// 2026 including all of its DST changes in these zones.
const RANGE_START = Date.UTC(2026, 0, 1);
const RANGE_END = Date.UTC(2027, 0, 1);
const MINUTE = 60_000;

const ruleArb: fc.Arbitrary<WeeklyRuleInput> = fc
  .record({ weekday: fc.integer({ min: 0, max: 6 }), start: fc.integer({ min: 0, max: 1439 }), length: fc.integer({ min: 1, max: 720 }) })
  .map(({ weekday, start, length }) => ({ weekday, startMinute: start, endMinute: Math.min(1440, start + length) }));

const scenarioArb = fc
  .record({
    zone: fc.constantFrom(...ZONES),
    visit: fc.integer({ min: 5, max: 120 }),
    buffer: fc.integer({ min: 0, max: 60 }),
    rules: fc.array(ruleArb, { maxLength: 8 }),
    fromMinute: fc.integer({ min: RANGE_START / MINUTE, max: RANGE_END / MINUTE }),
    spanMinutes: fc.integer({ min: 1, max: 10 * 1440 }),
    busyDraws: fc.array(fc.record({ offset: fc.integer({ min: -1440, max: 11 * 1440 }), length: fc.integer({ min: 1, max: 240 }) }), {
      maxLength: 15,
    }),
  })
  .map((scenario) => {
    const from = new Date(scenario.fromMinute * MINUTE);
    const to = new Date(from.getTime() + scenario.spanMinutes * MINUTE);
    const busy: BusyInterval[] = scenario.busyDraws.map(({ offset, length }) => ({
      startsAt: new Date(from.getTime() + offset * MINUTE),
      endsAt: new Date(from.getTime() + (offset + length) * MINUTE),
    }));
    return { ...scenario, from, to, busy };
  });

describe('computeSlots properties', () => {
  it('slots have exact length, lie in range, are sorted, disjoint and never touch busy time or its buffer', () => {
    fc.assert(
      fc.property(scenarioArb, ({ zone, visit, buffer, rules, from, to, busy }) => {
        const slots = computeSlots({
          resource: { id: 'r', timeZone: zone, visitMinutes: visit, bufferMinutes: buffer },
          rules,
          exceptions: [],
          busy,
          from,
          to,
          now: new Date(0),
        });
        let previousEnd = -Infinity;
        for (const slot of slots) {
          const start = slot.startsAt.getTime();
          const end = slot.endsAt.getTime();
          expect(end - start).toBe(visit * MINUTE);
          expect(start).toBeGreaterThanOrEqual(from.getTime());
          expect(end).toBeLessThanOrEqual(to.getTime());
          expect(start).toBeGreaterThanOrEqual(previousEnd);
          previousEnd = end;
          for (const interval of busy) {
            const overlaps = start < interval.endsAt.getTime() && interval.startsAt.getTime() < end;
            expect(overlaps).toBe(false);
            const intrudesOnBuffer =
              start < interval.endsAt.getTime() + buffer * MINUTE && interval.startsAt.getTime() < end + buffer * MINUTE;
            expect(intrudesOnBuffer).toBe(false);
          }
        }
      }),
      { numRuns: 300 },
    );
  });

  it('narrowing the range or adding busy time only removes slots, never moves them', () => {
    fc.assert(
      fc.property(scenarioArb, fc.integer({ min: 0, max: 1440 }), ({ zone, visit, buffer, rules, from, to, busy }, trim) => {
        const base = { resource: { id: 'r', timeZone: zone, visitMinutes: visit, bufferMinutes: buffer }, rules, exceptions: [], now: new Date(0) };
        const wide = computeSlots({ ...base, busy: [], from, to }).map((slot) => slot.startsAt.getTime());
        const narrowFrom = new Date(Math.min(from.getTime() + trim * MINUTE, to.getTime()));
        const narrow = computeSlots({ ...base, busy, from: narrowFrom, to }).map((slot) => slot.startsAt.getTime());
        const wideSet = new Set(wide);
        expect(narrow.every((start) => wideSet.has(start))).toBe(true);
      }),
      { numRuns: 200 },
    );
  });

  it('in UTC every slot lies inside a rule window of its weekday', () => {
    fc.assert(
      fc.property(scenarioArb, ({ visit, buffer, rules, from, to }) => {
        const slots = computeSlots({
          resource: { id: 'r', timeZone: 'UTC', visitMinutes: visit, bufferMinutes: buffer },
          rules,
          exceptions: [],
          busy: [],
          from,
          to,
          now: new Date(0),
        });
        for (const slot of slots) {
          const wall = getZonedWallTime(slot.startsAt, 'UTC');
          const weekday = slot.startsAt.getUTCDay();
          // Rules may merge into a window no single rule covers, so check coverage minute by minute.
          const covered = Array.from({ length: visit }, (_, index) => wall.minute + index).every((minute) =>
            rules.some((rule) => rule.weekday === weekday && rule.startMinute <= minute && minute < rule.endMinute),
          );
          expect(covered).toBe(true);
        }
      }),
      { numRuns: 200 },
    );
  });
});
