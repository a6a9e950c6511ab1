import { describe, expect, it } from 'vitest';
import { assertValidTimeZone, isValidTimeZone } from './time-zone.ts';

describe('isValidTimeZone', () => {
  it('accepts IANA names, UTC and links Node 20 does not list in supportedValuesOf', () => {
    for (const zone of ['America/New_York', 'Europe/London', 'Australia/Sydney', 'UTC', 'Asia/Kolkata', 'Etc/GMT+5']) {
      expect(isValidTimeZone(zone)).toBe(true);
    }
  });

  it('rejects unknown names, offsets and junk', () => {
    for (const zone of ['Mars/Olympus_Mons', '+05:00', '-0500', '', 'America/New York', '../etc/passwd']) {
      expect(isValidTimeZone(zone)).toBe(false);
    }
  });

  it('assertValidTimeZone throws a RangeError naming the zone', () => {
    expect(() => assertValidTimeZone('Nowhere/Town')).toThrow(/Invalid IANA time zone: "Nowhere\/Town"/);
  });
});
