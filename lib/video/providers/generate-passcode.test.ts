import { describe, expect, it } from 'vitest';
import { generatePasscode } from './generate-passcode.ts';

describe('generatePasscode', () => {
  it('always fits Zoom rules and contains every character class', () => {
    const seen = new Set<string>();
    for (let i = 0; i < 2_000; i += 1) {
      const passcode = generatePasscode();
      expect(passcode).toMatch(/^[a-zA-Z0-9@\-_*]{10}$/);
      expect(passcode).toMatch(/[a-z]/);
      expect(passcode).toMatch(/[A-Z]/);
      expect(passcode).toMatch(/[0-9]/);
      expect(passcode).toMatch(/[@\-_*]/);
      seen.add(passcode);
    }
    expect(seen.size).toBe(2_000);
  });

  it('refuses lengths Zoom would reject', () => {
    expect(() => generatePasscode(11)).toThrow(RangeError);
    expect(() => generatePasscode(3)).toThrow(RangeError);
    expect(generatePasscode(6)).toHaveLength(6);
  });
});
