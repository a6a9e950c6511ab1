/**
 * Retry timing for webhook deliveries.
 *
 * Formula, for the delay before the next try after `attempt` failed attempts (1-based):
 *
 *     delay = baseMs × 2^(attempt − 1) × (1 + jitterRatio × (2 × random() − 1))
 *
 * i.e. exponential growth with symmetric jitter of ±jitterRatio, so the mean stays on the
 * exponential curve while concurrent failures (an endpoint that was down for everyone) spread out
 * instead of retrying in lock-step.
 *
 * With the default base of 2 minutes and 5 attempts, the four waits are 2, 4, 8 and 16 minutes:
 * 30 minutes on average from the first failure to the last attempt (±20 %).
 */

/** Default base delay: 2 min, so 5 attempts span about 30 minutes (2 + 4 + 8 + 16). */
export const DEFAULT_RETRY_BASE_MS = 120_000;

/** Default jitter: ±20 % of the exponential delay. */
export const DEFAULT_JITTER_RATIO = 0.2;

/**
 * Delay before the next attempt.
 *
 * @param input.attempt number of attempts that have already failed (1 = the first try failed)
 * @param input.baseMs delay after the first failure, before jitter (default {@link DEFAULT_RETRY_BASE_MS})
 * @param input.jitterRatio relative jitter, 0..1 (default 0.2 = ±20 %)
 * @param input.random source of randomness in [0, 1) (default Math.random; inject for tests)
 * @returns whole milliseconds, never negative
 * @throws RangeError for a non-positive or non-integer attempt, negative base or a ratio outside 0..1
 */
export function computeRetryDelayMs(input: {
  attempt: number;
  baseMs?: number;
  jitterRatio?: number;
  random?: () => number;
}): number {
  const { attempt, baseMs = DEFAULT_RETRY_BASE_MS, jitterRatio = DEFAULT_JITTER_RATIO, random = Math.random } = input;
  if (!Number.isInteger(attempt) || attempt < 1) {
    throw new RangeError('computeRetryDelayMs: attempt must be an integer >= 1');
  }
  if (!Number.isFinite(baseMs) || baseMs < 0) {
    throw new RangeError('computeRetryDelayMs: baseMs must be a finite number >= 0');
  }
  if (!(jitterRatio >= 0 && jitterRatio <= 1)) {
    throw new RangeError('computeRetryDelayMs: jitterRatio must be between 0 and 1');
  }
  const exponential = baseMs * 2 ** (attempt - 1);
  const jitter = exponential * jitterRatio * (2 * random() - 1);
  return Math.max(0, Math.round(exponential + jitter));
}

/**
 * Turns a receiver's Retry-After (seconds) into a delay we are willing to honour: at least
 * `minMs` (so a `Retry-After: 0` cannot make us hammer an endpoint) and at most `maxMs` (so a
 * receiver cannot park a delivery for days). A missing, negative or non-finite value gives `minMs`.
 */
export function retryAfterBoundedMs(
  retryAfterSeconds: number | undefined,
  bounds: { minMs: number; maxMs: number },
): number {
  if (bounds.minMs > bounds.maxMs) {
    throw new RangeError('retryAfterBoundedMs: minMs must not exceed maxMs');
  }
  if (retryAfterSeconds === undefined || !Number.isFinite(retryAfterSeconds) || retryAfterSeconds < 0) {
    return bounds.minMs;
  }
  return Math.min(bounds.maxMs, Math.max(bounds.minMs, Math.round(retryAfterSeconds * 1000)));
}
