import { describe, expect, it } from 'vitest';
import { buildDayWindows, mergeMinuteWindows, subtractMinuteWindow, toExceptionDate } from './day-windows.ts';

const w = (startMinute: number, endMinute: number) => ({ startMinute, endMinute });

describe('minute window arithmetic', () => {
  it('merges overlapping and touching windows, keeps gaps', () => {
    expect(mergeMinuteWindows([w(600, 660), w(540, 600), w(700, 800), w(650, 690)])).toEqual([w(540, 690), w(700, 800)]);
    expect(mergeMinuteWindows([])).toEqual([]);
  });

  it('subtracts a cut from the middle, an edge, or everything', () => {
    expect(subtractMinuteWindow([w(540, 1020)], w(720, 780))).toEqual([w(540, 720), w(780, 1020)]);
    expect(subtractMinuteWindow([w(540, 1020)], w(500, 600))).toEqual([w(600, 1020)]);
    expect(subtractMinuteWindow([w(540, 1020)], w(0, 1440))).toEqual([]);
    expect(subtractMinuteWindow([w(540, 600)], w(600, 700))).toEqual([w(540, 600)]);
  });

  it('normalises Prisma @db.Date values to the UTC calendar date', () => {
    expect(toExceptionDate(new Date('2026-03-08T00:00:00Z'))).toBe('2026-03-08');
    expect(toExceptionDate('2026-03-08')).toBe('2026-03-08');
  });
});

describe('buildDayWindows', () => {
  const rules = [
    { weekday: 1, startMinute: 540, endMinute: 720 },
    { weekday: 1, startMinute: 780, endMinute: 1020 },
    { weekday: 2, startMinute: 600, endMinute: 660 },
  ];

  it('uses only the rules of the date weekday and clamps out-of-range minutes', () => {
    expect(buildDayWindows('2026-03-16', rules, [])).toEqual([w(540, 720), w(780, 1020)]);
    expect(buildDayWindows('2026-03-17', rules, [])).toEqual([w(600, 660)]);
    expect(buildDayWindows('2026-03-18', rules, [])).toEqual([]);
    expect(buildDayWindows('2026-03-16', [{ weekday: 1, startMinute: -60, endMinute: 2000 }], [])).toEqual([w(0, 1440)]);
    expect(buildDayWindows('2026-03-16', [{ weekday: 1, startMinute: 600, endMinute: 600 }], [])).toEqual([]);
  });

  it('applies off (whole day, window, open-ended) then extra', () => {
    expect(buildDayWindows('2026-03-16', rules, [{ date: '2026-03-16', kind: 'off', startMinute: null, endMinute: null }])).toEqual([]);
    expect(buildDayWindows('2026-03-16', rules, [{ date: '2026-03-16', kind: 'off', startMinute: 600, endMinute: 840 }])).toEqual([
      w(540, 600),
      w(840, 1020),
    ]);
    expect(buildDayWindows('2026-03-16', rules, [{ date: '2026-03-16', kind: 'off', startMinute: 900, endMinute: null }])).toEqual([
      w(540, 720),
      w(780, 900),
    ]);
    expect(
      buildDayWindows('2026-03-16', rules, [
        { date: '2026-03-16', kind: 'off', startMinute: null, endMinute: null },
        { date: '2026-03-16', kind: 'extra', startMinute: 1080, endMinute: 1200 },
        { date: '2026-03-17', kind: 'extra', startMinute: 0, endMinute: 60 },
      ]),
    ).toEqual([w(1080, 1200)]);
    expect(buildDayWindows('2026-03-16', rules, [{ date: '2026-03-16', kind: 'extra', startMinute: 700, endMinute: 800 }])).toEqual([
      w(540, 1020),
    ]);
  });
});
