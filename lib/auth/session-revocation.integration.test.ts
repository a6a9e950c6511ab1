/**
 * Server-side session checks (what requireSession runs on every request): sign-out everywhere
 * via session_version, disabled accounts, idle and absolute limits, MFA step-up states.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { createTestTenant } from '../../test/support/test-tenant.ts';
import { withIdentityTenant } from '../db/tenant-scope.ts';
import { evaluateSessionCookie } from './session.ts';
import { encodeSessionToken, idleTimeoutMs, sessionMaxAgeSeconds } from './session-token.ts';
import { claimsForNewSession } from './auth-options.ts';
import { authenticatePassword } from './authenticate-password.ts';
import { signOutEverywhere, setUserDisabled } from './users/manage-user.ts';
import { createTestUser, randomTestEmail } from './testing/create-test-user.ts';

const PASSWORD = 'quiet lanterns at dusk';

describe('session evaluation', () => {
  let tenant: { id: string; slug: string };
  beforeAll(async () => {
    tenant = await createTestTenant('sessions');
  });

  async function signIn(role: 'patient' | 'clinician' | 'admin') {
    const email = randomTestEmail(role);
    await createTestUser(tenant.id, role, email, PASSWORD);
    const user = await authenticatePassword({ clinic: tenant.slug, email, password: PASSWORD }, { ip: null, userAgent: null });
    return { user, claims: claimsForNewSession(user) };
  }

  it('accepts a fresh patient session and rejects it after sign-out everywhere', async () => {
    const { claims } = await signIn('patient');
    const cookie = await encodeSessionToken(claims);
    const ok = await evaluateSessionCookie(cookie);
    expect(ok.status).toBe('ok');
    expect('context' in ok && ok.context.tokenId).toMatch(/^tk_/);

    await signOutEverywhere({ userId: claims.userId, tenantId: tenant.id, tenantSlug: tenant.slug, role: 'patient' }, claims.userId);
    expect((await evaluateSessionCookie(cookie)).status).toBe('revoked');
    // A token carrying the new version (i.e. a fresh sign-in) works again.
    const fresh = await encodeSessionToken({ ...claims, sessionVersion: claims.sessionVersion + 1 });
    expect((await evaluateSessionCookie(fresh)).status).toBe('ok');
  });

  it('rejects sessions of disabled users', async () => {
    const { claims } = await signIn('patient');
    const admin = await signIn('admin');
    const cookie = await encodeSessionToken(claims);
    await setUserDisabled({ userId: admin.user.userId, tenantId: tenant.id, tenantSlug: tenant.slug, role: 'admin' }, claims.userId, true);
    expect((await evaluateSessionCookie(cookie)).status).toBe('revoked');
  });

  it('enforces the idle and absolute limits on the server', async () => {
    const { claims } = await signIn('patient');
    const now = Date.now();
    const cookie = await encodeSessionToken(claims, now);
    expect((await evaluateSessionCookie(cookie, now + idleTimeoutMs() - 1000)).status).toBe('ok');
    expect((await evaluateSessionCookie(cookie, now + idleTimeoutMs() + 1)).status).toBe('idle');
    const active = await encodeSessionToken({ ...claims, issuedAt: now - sessionMaxAgeSeconds() * 1000 + 5000, lastActivity: now }, now);
    expect((await evaluateSessionCookie(active, now + 10_000)).status).toBe('expired');
  });

  it('holds clinicians and admins at MFA set-up, and MFA users at verification', async () => {
    const clinician = await signIn('clinician');
    expect((await evaluateSessionCookie(await encodeSessionToken(clinician.claims))).status).toBe('mfa_setup');
    await withIdentityTenant(tenant.id, (tx) => tx.user.update({ where: { id: clinician.user.userId }, data: { mfaEnabled: true, mfaSecretEnc: 'x' } }));
    expect((await evaluateSessionCookie(await encodeSessionToken(clinician.claims))).status).toBe('mfa_verify');
    expect((await evaluateSessionCookie(await encodeSessionToken({ ...clinician.claims, mfaVerified: true }))).status).toBe('ok');
  });

  it('rejects forged or garbage cookies', async () => {
    expect((await evaluateSessionCookie('not-a-jwt')).status).toBe('none');
    expect((await evaluateSessionCookie(undefined)).status).toBe('none');
  });
});
