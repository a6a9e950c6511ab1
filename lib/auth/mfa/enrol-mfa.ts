/**
 * MFA enrolment: a pending secret is kept encrypted on the user row (mfa_enabled still false)
 * until the user proves their app produces codes for it; then MFA is switched on and recovery
 * codes are issued once.
 */
import { withIdentityTenant } from '../../db/tenant-scope.ts';
import { loadTenantKeys } from '../../identity/tenant-keys.ts';
import { openPhi, sealPhi } from '../../identity/phi-fields.ts';
import { recordAudit } from '../../audit/record-audit.ts';
import { AppError } from '../../errors/app-error.ts';
import type { SessionContext } from '../session.ts';
import { buildTotpUri, generateTotpSecret, renderTotpQr, verifyTotpCode } from './totp.ts';
import { generateRecoveryCodes } from './recovery-codes.ts';

export interface MfaEnrolment {
  alreadyEnabled: boolean;
  /** Base32 secret for manual entry (only while enrolling). */
  secret?: string;
  otpauthUri?: string;
  qrDataUrl?: string;
}

/** Returns the user's pending enrolment, creating its secret on first visit. */
export async function getOrCreateMfaEnrolment(ctx: SessionContext): Promise<MfaEnrolment> {
  return withIdentityTenant(ctx.tenantId, async (tx) => {
    const user = await tx.user.findFirst({ where: { id: ctx.userId, tenantId: ctx.tenantId }, select: { mfaEnabled: true, mfaSecretEnc: true, emailEnc: true } });
    if (!user) {
      throw new AppError('UNAUTHORIZED', 'Your session has ended. Sign in again.');
    }
    if (user.mfaEnabled) {
      return { alreadyEnabled: true };
    }
    const keys = await loadTenantKeys(tx, ctx.tenantId);
    let secret = user.mfaSecretEnc ? openPhi(keys, 'user.mfa_secret', user.mfaSecretEnc) : undefined;
    if (!secret) {
      secret = generateTotpSecret();
      await tx.user.update({ where: { id: ctx.userId }, data: { mfaSecretEnc: sealPhi(keys, 'user.mfa_secret', secret), mfaLastStep: null } });
    }
    const account = `${openPhi(keys, 'user.email', user.emailEnc)} (${ctx.tenantSlug})`;
    const otpauthUri = buildTotpUri(secret, account);
    return { alreadyEnabled: false, secret, otpauthUri, qrDataUrl: await renderTotpQr(otpauthUri) };
  });
}

/**
 * Confirms enrolment with a code from the app; returns the recovery codes (shown once).
 * A wrong code throws BAD_REQUEST and changes nothing.
 */
export async function confirmMfaEnrolment(ctx: SessionContext, code: string): Promise<string[]> {
  return withIdentityTenant(ctx.tenantId, async (tx) => {
    const user = await tx.user.findFirst({ where: { id: ctx.userId, tenantId: ctx.tenantId }, select: { mfaEnabled: true, mfaSecretEnc: true, mfaLastStep: true } });
    if (!user || !user.mfaSecretEnc) {
      throw new AppError('BAD_REQUEST', 'Start the set-up again: reload this page.');
    }
    if (user.mfaEnabled) {
      throw new AppError('CONFLICT', 'Two-step verification is already on.');
    }
    const keys = await loadTenantKeys(tx, ctx.tenantId);
    const step = await verifyTotpCode(openPhi(keys, 'user.mfa_secret', user.mfaSecretEnc), code, user.mfaLastStep);
    if (step === null) {
      throw new AppError('BAD_REQUEST', 'That code did not match. Check the time on your phone and enter the current code.');
    }
    const { codes, hashes } = generateRecoveryCodes();
    await tx.user.update({ where: { id: ctx.userId }, data: { mfaEnabled: true, mfaLastStep: step, recoveryCodes: hashes } });
    await recordAudit(tx, { tenantId: ctx.tenantId, actorUserId: ctx.userId, actorRole: ctx.role, action: 'auth.mfa_enrolled', targetType: 'user', targetId: ctx.userId });
    return codes;
  });
}
