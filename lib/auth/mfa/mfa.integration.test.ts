/** TOTP enrolment and verification against the database: replay, recovery codes, lockout. */
import { beforeAll, describe, expect, it } from 'vitest';
import { generate } from 'otplib';
import { createTestTenant } from '../../../test/support/test-tenant.ts';
import { withIdentityTenant } from '../../db/tenant-scope.ts';
import { isAppError } from '../../errors/app-error.ts';
import type { SessionContext } from '../session.ts';
import { createTestUser, randomTestEmail } from '../testing/create-test-user.ts';
import { confirmMfaEnrolment, getOrCreateMfaEnrolment } from './enrol-mfa.ts';
import { verifySecondFactor } from './verify-mfa.ts';

const nowSec = () => Math.floor(Date.now() / 1000);

describe('MFA', () => {
  let tenant: { id: string; slug: string };
  beforeAll(async () => {
    tenant = await createTestTenant('mfa');
  });

  async function enrolledClinician() {
    const userId = await createTestUser(tenant.id, 'clinician', randomTestEmail('doc'), 'amber rivers to sea');
    const ctx: SessionContext = { userId, tenantId: tenant.id, tenantSlug: tenant.slug, role: 'clinician' };
    const enrolment = await getOrCreateMfaEnrolment(ctx);
    return { ctx, enrolment, secret: enrolment.secret! };
  }

  it('keeps the pending secret stable and encrypted until confirmed', async () => {
    const { ctx, enrolment } = await enrolledClinician();
    expect(enrolment.alreadyEnabled).toBe(false);
    expect(enrolment.qrDataUrl).toMatch(/^data:image\/png/);
    expect((await getOrCreateMfaEnrolment(ctx)).secret).toBe(enrolment.secret);
    const row = await withIdentityTenant(tenant.id, (tx) => tx.user.findUniqueOrThrow({ where: { id: ctx.userId }, select: { mfaSecretEnc: true, mfaEnabled: true } }));
    expect(row.mfaEnabled).toBe(false);
    expect(row.mfaSecretEnc).not.toContain(enrolment.secret!);
  });

  it('refuses a wrong enrolment code, accepts the right one, and stores recovery codes hashed', async () => {
    const { ctx, secret } = await enrolledClinician();
    const err = await confirmMfaEnrolment(ctx, '000000').catch((e) => e);
    expect(isAppError(err) && err.code).toBe('BAD_REQUEST');
    const codes = await confirmMfaEnrolment(ctx, await generate({ secret, epoch: nowSec() }));
    expect(codes).toHaveLength(10);
    const row = await withIdentityTenant(tenant.id, (tx) => tx.user.findUniqueOrThrow({ where: { id: ctx.userId }, select: { mfaEnabled: true, recoveryCodes: true } }));
    expect(row.mfaEnabled).toBe(true);
    expect(row.recoveryCodes).toHaveLength(10);
    for (const c of codes) {
      expect(row.recoveryCodes.join(' ')).not.toContain(c.replace(/-/g, ''));
    }
    expect((await getOrCreateMfaEnrolment(ctx)).alreadyEnabled).toBe(true);
  });

  it('verifies TOTP at sign-in and refuses the same code twice (replay)', async () => {
    const { ctx, secret } = await enrolledClinician();
    await confirmMfaEnrolment(ctx, await generate({ secret, epoch: nowSec() }));
    // The enrolment code's step is used up: the next step's code (within drift) is accepted once.
    const next = await generate({ secret, epoch: nowSec() + 30 });
    expect(await verifySecondFactor(ctx, next)).toMatchObject({ ok: true, method: 'totp' });
    expect(await verifySecondFactor(ctx, next)).toMatchObject({ ok: false });
  });

  it('accepts each recovery code exactly once', async () => {
    const { ctx, secret } = await enrolledClinician();
    const codes = await confirmMfaEnrolment(ctx, await generate({ secret, epoch: nowSec() }));
    const code = codes[3]!;
    expect(await verifySecondFactor(ctx, code.toLowerCase())).toMatchObject({ ok: true, method: 'recovery_code', recoveryCodesLeft: 9 });
    expect(await verifySecondFactor(ctx, code)).toMatchObject({ ok: false });
    // Concurrent use of another code: exactly one wins.
    const other = codes[5]!;
    const both = await Promise.all([verifySecondFactor(ctx, other), verifySecondFactor(ctx, other)]);
    expect(both.filter((r) => r.ok)).toHaveLength(1);
    const actions = await withIdentityTenant(tenant.id, (tx) => tx.auditEvent.findMany({ where: { tenantId: tenant.id, actorUserId: ctx.userId }, select: { action: true } }));
    expect(actions.filter((a) => a.action === 'auth.recovery_code_used')).toHaveLength(2);
  });

  it('counts wrong codes toward the account lockout', async () => {
    const { ctx, secret } = await enrolledClinician();
    await confirmMfaEnrolment(ctx, await generate({ secret, epoch: nowSec() }));
    let last: Awaited<ReturnType<typeof verifySecondFactor>> | undefined;
    for (let i = 0; i < Number(process.env.LOGIN_MAX_FAILURES ?? 10); i += 1) {
      last = await verifySecondFactor(ctx, '123456');
    }
    expect(last).toEqual({ ok: false, locked: true });
    // Locked: even the right code is refused.
    expect(await verifySecondFactor(ctx, await generate({ secret, epoch: nowSec() + 30 }))).toEqual({ ok: false, locked: true });
  });
});
