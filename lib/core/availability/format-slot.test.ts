import { describe, expect, it } from 'vitest';
import { computeSlots } from './compute-slots.ts';
import { formatSlotForViewer } from './format-slot.ts';
import { getZonedWallTime } from './zoned-time.ts';

// Intl puts narrow no-break / thin spaces in en-US times; compare with plain spaces.
const plain = (label: string) => label.replace(/[\u202f\u2009\u00a0]/g, ' ');
const slot = { startsAt: new Date('2026-03-09T13:00:00Z'), endsAt: new Date('2026-03-09T13:30:00Z') };

describe('formatSlotForViewer', () => {
  it('labels the same instant in each viewer zone', () => {
    expect(plain(formatSlotForViewer(slot, 'America/New_York'))).toBe('Mon, Mar 9, 2026, 9:00 – 9:30 AM EDT');
    expect(plain(formatSlotForViewer(slot, 'Europe/Berlin'))).toBe('Mon, Mar 9, 2026, 2:00 – 2:30 PM GMT+1');
    expect(plain(formatSlotForViewer(slot, 'Asia/Tokyo'))).toBe('Mon, Mar 9, 2026, 10:00 – 10:30 PM GMT+9');
  });

  it('uses the requested locale', () => {
    const label = plain(formatSlotForViewer(slot, 'Europe/Berlin', 'de-DE'));
    expect(label).toContain('14:00');
    expect(label).toContain('14:30');
    expect(label).toContain('Mo.');
  });

  it('keeps the two 01:00s of a fall-back night apart via the zone name', () => {
    const first = { startsAt: new Date('2026-11-01T05:00:00Z'), endsAt: new Date('2026-11-01T05:30:00Z') };
    const second = { startsAt: new Date('2026-11-01T06:00:00Z'), endsAt: new Date('2026-11-01T06:30:00Z') };
    expect(plain(formatSlotForViewer(first, 'America/New_York'))).toBe('Sun, Nov 1, 2026, 1:00 – 1:30 AM EDT');
    expect(plain(formatSlotForViewer(second, 'America/New_York'))).toBe('Sun, Nov 1, 2026, 1:00 – 1:30 AM EST');
  });

  it('names each end zone when a slot spans the DST change', () => {
    const spanning = { startsAt: new Date('2026-11-01T05:30:00Z'), endsAt: new Date('2026-11-01T06:00:00Z') };
    expect(plain(formatSlotForViewer(spanning, 'America/New_York'))).toBe('Sun, Nov 1, 2026, 1:30 AM EDT – 1:00 AM EST');
    const londonSpring = { startsAt: new Date('2026-03-29T00:30:00Z'), endsAt: new Date('2026-03-29T01:30:00Z') };
    expect(plain(formatSlotForViewer(londonSpring, 'Europe/London'))).toBe('Sun, Mar 29, 2026, 12:30 AM GMT – 2:30 AM GMT+1');
  });

  it('rejects an invalid viewer zone', () => {
    expect(() => formatSlotForViewer(slot, 'Atlantis/Central')).toThrow(RangeError);
  });
});

describe('viewer in another zone', () => {
  it('sees the same instants; only the wall-clock reading shifts (NY resource, London viewer)', () => {
    const slots = computeSlots({
      resource: { id: 'r1', timeZone: 'America/New_York', visitMinutes: 60, bufferMinutes: 0 },
      rules: [{ weekday: 1, startMinute: 540, endMinute: 600 }],
      exceptions: [],
      busy: [],
      // Mondays 2026-03-02 (both on winter time), 03-16 (US moved, UK not yet), 03-30 (both moved).
      from: new Date('2026-03-01T00:00:00Z'),
      to: new Date('2026-04-01T00:00:00Z'),
      now: new Date('2000-01-01T00:00:00Z'),
    });
    const london = slots.map((one) => getZonedWallTime(one.startsAt, 'Europe/London'));
    expect(london.map((wall) => [wall.date, wall.minute / 60])).toEqual([
      ['2026-03-02', 14],
      ['2026-03-09', 13],
      ['2026-03-16', 13],
      ['2026-03-23', 13],
      ['2026-03-30', 14],
    ]);
    for (const one of slots) {
      const ny = getZonedWallTime(one.startsAt, 'America/New_York');
      const uk = getZonedWallTime(one.startsAt, 'Europe/London');
      expect(ny.minute).toBe(540);
      expect(uk.minute - ny.minute).toBe(uk.offsetMinutes - ny.offsetMinutes);
    }
    expect(plain(formatSlotForViewer(slots[2]!, 'Europe/London'))).toBe('Mon, Mar 16, 2026, 1:00 – 2:00 PM GMT');
  });
});
