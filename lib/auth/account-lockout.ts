/**
 * Per-account lockout on the user row (users.failed_attempts / locked_until): wrong passwords
 * and wrong second-factor codes both count. At LOGIN_MAX_FAILURES the account is locked for
 * LOGIN_LOCK_MINUTES; a successful sign-in resets the count.
 */
import type { IdentityTx } from '../db/tenant-scope.ts';
import { accountLimits } from './login-throttle.ts';

/** True while the user's lock is in force. */
export function isAccountLocked(user: { lockedUntil: Date | null }, now = new Date()): boolean {
  return Boolean(user.lockedUntil && user.lockedUntil > now);
}

/** Counts a failure; returns true if it locked the account. `tx` must be scoped to the user's tenant. */
export async function registerAccountFailure(tx: IdentityTx, userId: string): Promise<boolean> {
  const limits = accountLimits();
  const row = await tx.user.update({ where: { id: userId }, data: { failedAttempts: { increment: 1 } }, select: { failedAttempts: true } });
  if (row.failedAttempts < limits.maxFailures) {
    return false;
  }
  await tx.user.update({
    where: { id: userId },
    data: { failedAttempts: 0, lockedUntil: new Date(Date.now() + limits.lockMinutes * 60_000) },
  });
  return true;
}

/** Clears the failure count after a successful authentication step. */
export async function clearAccountFailures(tx: IdentityTx, userId: string): Promise<void> {
  await tx.user.updateMany({ where: { id: userId, OR: [{ failedAttempts: { gt: 0 } }, { lockedUntil: { not: null } }] }, data: { failedAttempts: 0, lockedUntil: null } });
}
