/**
 * What to do after a failed attempt — pure, so the whole policy is unit-tested:
 * - 410 Gone: the receiver says the endpoint is gone → disable it and dead-letter now;
 * - last attempt of the round → dead-letter;
 * - otherwise retry after `base × 2^(n−1)` ± jitter (computeRetryDelayMs), but for 429/503 never
 *   sooner than the receiver's Retry-After, capped at {@link RETRY_AFTER_MAX_MS} so a receiver
 *   cannot park a delivery for days.
 */
import { computeRetryDelayMs, retryAfterBoundedMs } from '../backoff.ts';

/** Longest Retry-After we honour (1 h). */
export const RETRY_AFTER_MAX_MS = 3_600_000;

/** Decision after a failed attempt. */
export type FailureDecision =
  | { kind: 'retry'; delayMs: number }
  | { kind: 'dead_letter'; disableEndpoint: boolean };

/**
 * @param input.roundAttempt 1-based attempt number within the current round (replays start a new round)
 * @param input.maxAttempts attempts per round (WEBHOOK_MAX_ATTEMPTS)
 * @param input.baseMs WEBHOOK_RETRY_BASE_MS
 */
export function decideAfterFailure(input: {
  roundAttempt: number;
  maxAttempts: number;
  baseMs: number;
  statusCode?: number;
  retryAfterSeconds?: number;
  random?: () => number;
}): FailureDecision {
  if (input.statusCode === 410) {
    return { kind: 'dead_letter', disableEndpoint: true };
  }
  if (input.roundAttempt >= input.maxAttempts) {
    return { kind: 'dead_letter', disableEndpoint: false };
  }
  const backoff = computeRetryDelayMs({ attempt: input.roundAttempt, baseMs: input.baseMs, random: input.random });
  const honoursRetryAfter = (input.statusCode === 429 || input.statusCode === 503) && input.retryAfterSeconds !== undefined;
  if (!honoursRetryAfter) {
    return { kind: 'retry', delayMs: backoff };
  }
  const asked = retryAfterBoundedMs(input.retryAfterSeconds, { minMs: 0, maxMs: RETRY_AFTER_MAX_MS });
  return { kind: 'retry', delayMs: Math.max(backoff, asked) };
}
