import { describe, expect, it } from 'vitest';
import { decideAfterFailure, RETRY_AFTER_MAX_MS } from './retry-policy.ts';

const mid = () => 0.5;

describe('decideAfterFailure', () => {
  it('retries with base × 2^(n−1) until the last attempt, then dead-letters', () => {
    const delays = [1, 2, 3, 4].map((roundAttempt) => decideAfterFailure({ roundAttempt, maxAttempts: 5, baseMs: 1000, random: mid }));
    expect(delays).toEqual([1000, 2000, 4000, 8000].map((delayMs) => ({ kind: 'retry', delayMs })));
    expect(decideAfterFailure({ roundAttempt: 5, maxAttempts: 5, baseMs: 1000 })).toEqual({ kind: 'dead_letter', disableEndpoint: false });
  });

  it('jitters around the exponential curve', () => {
    const low = decideAfterFailure({ roundAttempt: 2, maxAttempts: 5, baseMs: 1000, random: () => 0 });
    const high = decideAfterFailure({ roundAttempt: 2, maxAttempts: 5, baseMs: 1000, random: () => 0.9999 });
    expect(low).toEqual({ kind: 'retry', delayMs: 1600 });
    expect(high.kind === 'retry' && high.delayMs).toBe(2400);
  });

  it('honours Retry-After on 429 and 503 when it asks for longer, within bounds', () => {
    expect(decideAfterFailure({ roundAttempt: 1, maxAttempts: 5, baseMs: 1000, statusCode: 429, retryAfterSeconds: 30, random: mid })).toEqual({ kind: 'retry', delayMs: 30_000 });
    expect(decideAfterFailure({ roundAttempt: 1, maxAttempts: 5, baseMs: 1000, statusCode: 503, retryAfterSeconds: 1e9, random: mid })).toEqual({ kind: 'retry', delayMs: RETRY_AFTER_MAX_MS });
    // A shorter Retry-After never makes us retry sooner than the backoff.
    expect(decideAfterFailure({ roundAttempt: 3, maxAttempts: 5, baseMs: 1000, statusCode: 429, retryAfterSeconds: 0, random: mid })).toEqual({ kind: 'retry', delayMs: 4000 });
    // Other statuses ignore Retry-After.
    expect(decideAfterFailure({ roundAttempt: 1, maxAttempts: 5, baseMs: 1000, statusCode: 500, retryAfterSeconds: 30, random: mid })).toEqual({ kind: 'retry', delayMs: 1000 });
  });

  it('410 Gone dead-letters at once and disables the endpoint', () => {
    expect(decideAfterFailure({ roundAttempt: 1, maxAttempts: 5, baseMs: 1000, statusCode: 410 })).toEqual({ kind: 'dead_letter', disableEndpoint: true });
  });
});
