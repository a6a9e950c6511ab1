/**
 * Sign-in throttling for keys that are not a user row: client IPs, and email addresses that
 * match no account (so probing an unknown address locks exactly like a real one and the
 * responses cannot tell them apart). Stored in the global login_throttle table.
 */
import { withIdentityUnscoped } from '../db/tenant-scope.ts';
import { getConfig } from '../config.ts';

/** Failures an IP may accumulate inside one window: several people can share an address. */
export const IP_FAILURE_MULTIPLIER = 5;
const WINDOW_MINUTES = 15;

export interface ThrottleLimits {
  maxFailures: number;
  lockMinutes: number;
}

/** Limits for per-account keys (LOGIN_MAX_FAILURES / LOGIN_LOCK_MINUTES). */
export function accountLimits(): ThrottleLimits {
  const cfg = getConfig();
  return { maxFailures: cfg.LOGIN_MAX_FAILURES, lockMinutes: cfg.LOGIN_LOCK_MINUTES };
}

/** Limits for per-IP keys. */
export function ipLimits(): ThrottleLimits {
  const cfg = getConfig();
  return { maxFailures: cfg.LOGIN_MAX_FAILURES * IP_FAILURE_MULTIPLIER, lockMinutes: cfg.LOGIN_LOCK_MINUTES };
}

/** Key for a client IP. */
export function ipThrottleKey(ip: string): string {
  return `ip:${ip}`;
}

/** Key for an email (by its blind index) that matches no account in the tenant. */
export function unknownAccountThrottleKey(tenantId: string, emailBidx: string): string {
  return `acct:${tenantId}:${emailBidx}`;
}

/** True while `key` is locked out. */
export async function isThrottled(key: string, now = new Date()): Promise<boolean> {
  const row = await withIdentityUnscoped((tx) => tx.loginThrottle.findUnique({ where: { key }, select: { lockedUntil: true } }));
  return Boolean(row?.lockedUntil && row.lockedUntil > now);
}

/**
 * Counts one failure for `key` in a sliding window; at the limit the key is locked for
 * lockMinutes and its count restarts. Returns true if this failure caused a lock.
 */
export async function recordThrottleFailure(key: string, limits: ThrottleLimits): Promise<boolean> {
  return withIdentityUnscoped(async (tx) => {
    const rows = await tx.$queryRaw<Array<{ failures: number }>>`
      INSERT INTO login_throttle (key, failures, window_start) VALUES (${key}, 1, now())
      ON CONFLICT (key) DO UPDATE SET
        failures = CASE WHEN login_throttle.window_start < now() - make_interval(mins => ${WINDOW_MINUTES}) THEN 1 ELSE login_throttle.failures + 1 END,
        window_start = CASE WHEN login_throttle.window_start < now() - make_interval(mins => ${WINDOW_MINUTES}) THEN now() ELSE login_throttle.window_start END
      RETURNING failures`;
    const failures = rows[0]?.failures ?? 0;
    if (failures < limits.maxFailures) {
      return false;
    }
    await tx.$executeRaw`
      UPDATE login_throttle SET failures = 0, window_start = now(),
        locked_until = now() + make_interval(secs => ${limits.lockMinutes * 60})
      WHERE key = ${key}`;
    return true;
  });
}
