/**
 * Second sign-in step: a TOTP code or a single-use recovery code. Wrong codes count toward the
 * same account lockout as wrong passwords; a lock ends the half-signed-in session.
 */
import { withIdentityTenant } from '../../db/tenant-scope.ts';
import { loadTenantKeys } from '../../identity/tenant-keys.ts';
import { openPhi } from '../../identity/phi-fields.ts';
import { recordAudit } from '../../audit/record-audit.ts';
import { AppError } from '../../errors/app-error.ts';
import { clearAccountFailures, isAccountLocked, registerAccountFailure } from '../account-lockout.ts';
import type { SessionContext } from '../session.ts';
import { isTotpShaped, verifyTotpCode } from './totp.ts';
import { consumeRecoveryCode, isRecoveryCodeShaped } from './recovery-codes.ts';

export type SecondFactorOutcome = { ok: true; method: 'totp' | 'recovery_code'; recoveryCodesLeft: number } | { ok: false; locked: boolean };

/** Checks `code` for the user in `ctx`; on success the caller marks the session MFA-verified. */
export async function verifySecondFactor(ctx: SessionContext, code: string): Promise<SecondFactorOutcome> {
  return withIdentityTenant(ctx.tenantId, async (tx) => {
    const user = await tx.user.findFirst({
      where: { id: ctx.userId, tenantId: ctx.tenantId },
      select: { mfaEnabled: true, mfaSecretEnc: true, mfaLastStep: true, lockedUntil: true, recoveryCodes: true },
    });
    if (!user || !user.mfaEnabled || !user.mfaSecretEnc) {
      throw new AppError('BAD_REQUEST', 'Two-step verification is not set up for this account.');
    }
    const audit = (action: string, metadata: Record<string, string | number | boolean> = {}) =>
      recordAudit(tx, { tenantId: ctx.tenantId, actorUserId: ctx.userId, actorRole: ctx.role, action, targetType: 'user', targetId: ctx.userId, metadata });
    if (isAccountLocked(user)) {
      await audit('auth.mfa_failed', { reason: 'locked' });
      return { ok: false, locked: true };
    }
    if (isTotpShaped(code)) {
      const keys = await loadTenantKeys(tx, ctx.tenantId);
      const step = await verifyTotpCode(openPhi(keys, 'user.mfa_secret', user.mfaSecretEnc), code, user.mfaLastStep);
      if (step !== null) {
        // Conditional on the old step, so the same code racing in twice wins only once.
        const claimed = await tx.user.updateMany({ where: { id: ctx.userId, mfaLastStep: user.mfaLastStep }, data: { mfaLastStep: step } });
        if (claimed.count === 1) {
          await clearAccountFailures(tx, ctx.userId);
          await audit('auth.mfa_verified', { method: 'totp' });
          return { ok: true, method: 'totp', recoveryCodesLeft: user.recoveryCodes.length };
        }
      }
    } else if (isRecoveryCodeShaped(code) && (await consumeRecoveryCode(tx, ctx.userId, code))) {
      await clearAccountFailures(tx, ctx.userId);
      await audit('auth.recovery_code_used', { codesLeft: user.recoveryCodes.length - 1 });
      await audit('auth.mfa_verified', { method: 'recovery_code' });
      return { ok: true, method: 'recovery_code', recoveryCodesLeft: user.recoveryCodes.length - 1 };
    }
    const locked = await registerAccountFailure(tx, ctx.userId);
    await audit('auth.mfa_failed', { reason: 'bad_code' });
    if (locked) {
      await audit('auth.account_locked', { stage: 'mfa' });
    }
    return { ok: false, locked };
  });
}
