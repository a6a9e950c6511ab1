import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeRetryDelayMs, DEFAULT_RETRY_BASE_MS, retryAfterBoundedMs } from './backoff.ts';

describe('computeRetryDelayMs', () => {
  it('doubles from the base without jitter', () => {
    const delays = [1, 2, 3, 4].map((attempt) => computeRetryDelayMs({ attempt, baseMs: 1000, jitterRatio: 0 }));
    expect(delays).toEqual([1000, 2000, 4000, 8000]);
  });

  it('defaults make 5 attempts span 30 minutes (2+4+8+16) at mid jitter', () => {
    const total = [1, 2, 3, 4].reduce((sum, attempt) => sum + computeRetryDelayMs({ attempt, random: () => 0.5 }), 0);
    expect(DEFAULT_RETRY_BASE_MS).toBe(120_000);
    expect(total).toBe(30 * 60_000);
  });

  it('jitter spans ±20 % by default', () => {
    expect(computeRetryDelayMs({ attempt: 1, baseMs: 1000, random: () => 0 })).toBe(800);
    expect(computeRetryDelayMs({ attempt: 1, baseMs: 1000, random: () => 0.999999 })).toBe(1200);
  });

  it('always stays within the jitter band (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 20 }),
        fc.integer({ min: 0, max: 1_000_000 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 0.9999999, noNaN: true }),
        (attempt, baseMs, jitterRatio, r) => {
          const delay = computeRetryDelayMs({ attempt, baseMs, jitterRatio, random: () => r });
          const exp = baseMs * 2 ** (attempt - 1);
          expect(delay).toBeGreaterThanOrEqual(Math.floor(exp * (1 - jitterRatio)) - 1);
          expect(delay).toBeLessThanOrEqual(Math.ceil(exp * (1 + jitterRatio)) + 1);
          expect(Number.isInteger(delay)).toBe(true);
        },
      ),
    );
  });

  it('refuses nonsense input', () => {
    expect(() => computeRetryDelayMs({ attempt: 0 })).toThrow(RangeError);
    expect(() => computeRetryDelayMs({ attempt: 1.5 })).toThrow(RangeError);
    expect(() => computeRetryDelayMs({ attempt: 1, baseMs: -1 })).toThrow(RangeError);
    expect(() => computeRetryDelayMs({ attempt: 1, jitterRatio: 2 })).toThrow(RangeError);
  });
});

describe('retryAfterBoundedMs', () => {
  const bounds = { minMs: 1000, maxMs: 3_600_000 };
  it('honours a reasonable Retry-After', () => {
    expect(retryAfterBoundedMs(120, bounds)).toBe(120_000);
  });
  it('clamps to the bounds', () => {
    expect(retryAfterBoundedMs(0, bounds)).toBe(1000);
    expect(retryAfterBoundedMs(86_400 * 7, bounds)).toBe(3_600_000);
  });
  it('falls back to the minimum for missing or bad values', () => {
    expect(retryAfterBoundedMs(undefined, bounds)).toBe(1000);
    expect(retryAfterBoundedMs(Number.NaN, bounds)).toBe(1000);
    expect(retryAfterBoundedMs(-5, bounds)).toBe(1000);
  });
  it('refuses inverted bounds', () => {
    expect(() => retryAfterBoundedMs(1, { minMs: 10, maxMs: 1 })).toThrow(RangeError);
  });
});
