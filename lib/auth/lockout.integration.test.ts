/**
 * Sign-in lockout and back-off against the real identity database: 10 wrong passwords lock the
 * account, the right password is then refused with the same generic message, unknown accounts
 * and IP floods get the same answer, and the lock lifts when its time is up.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { createTestTenant } from '../../test/support/test-tenant.ts';
import { withIdentityTenant, withIdentityUnscoped } from '../db/tenant-scope.ts';
import { authenticatePassword, SIGN_IN_REFUSED_MESSAGE, SignInRefusedError } from './authenticate-password.ts';
import { createTestUser, randomTestEmail } from './testing/create-test-user.ts';
import { ipThrottleKey, IP_FAILURE_MULTIPLIER } from './login-throttle.ts';

const PASSWORD = 'correct horse battery';
const MAX = Number(process.env.LOGIN_MAX_FAILURES ?? 10);

async function attempt(clinic: string, email: string, password: string, ip: string | null = null) {
  try {
    return { user: await authenticatePassword({ clinic, email, password }, { ip, userAgent: 'vitest' }) };
  } catch (e) {
    return { error: e as Error };
  }
}

describe('sign-in lockout', () => {
  let tenant: { id: string; slug: string };
  beforeAll(async () => {
    tenant = await createTestTenant('lockout');
  });

  it('signs in with the right password and records an audit event', async () => {
    const email = randomTestEmail('ok');
    const userId = await createTestUser(tenant.id, 'patient', email, PASSWORD);
    const res = await attempt(tenant.slug, email.toUpperCase(), PASSWORD);
    expect(res.user?.userId).toBe(userId);
    expect(res.user?.role).toBe('patient');
    const events = await withIdentityTenant(tenant.id, (tx) => tx.auditEvent.findMany({ where: { tenantId: tenant.id, actorUserId: userId } }));
    expect(events.map((e) => e.action)).toContain('auth.sign_in');
  });

  it(`locks the account after ${MAX} wrong passwords and then refuses the right one with the same message`, async () => {
    const email = randomTestEmail('lock');
    const userId = await createTestUser(tenant.id, 'clinician', email, PASSWORD);
    for (let i = 0; i < MAX; i += 1) {
      const res = await attempt(tenant.slug, email, `wrong password ${i}!`);
      expect(res.error).toBeInstanceOf(SignInRefusedError);
      expect(res.error?.message).toBe(SIGN_IN_REFUSED_MESSAGE);
    }
    const locked = await attempt(tenant.slug, email, PASSWORD);
    expect(locked.error).toBeInstanceOf(SignInRefusedError);
    expect(locked.error?.message).toBe(SIGN_IN_REFUSED_MESSAGE);

    const row = await withIdentityTenant(tenant.id, (tx) => tx.user.findUniqueOrThrow({ where: { id: userId }, select: { lockedUntil: true } }));
    expect(row.lockedUntil!.getTime()).toBeGreaterThan(Date.now());
    const actions = await withIdentityTenant(tenant.id, (tx) => tx.auditEvent.findMany({ where: { tenantId: tenant.id, actorUserId: userId }, select: { action: true, metadata: true } }));
    expect(actions.filter((a) => a.action === 'auth.sign_in_failed')).toHaveLength(MAX + 1);
    expect(actions.some((a) => a.action === 'auth.account_locked')).toBe(true);

    // "For a while": once the lock has passed, the right password works again.
    await withIdentityTenant(tenant.id, (tx) => tx.user.update({ where: { id: userId }, data: { lockedUntil: new Date(Date.now() - 1000) } }));
    expect((await attempt(tenant.slug, email, PASSWORD)).user?.userId).toBe(userId);
  });

  it('answers an unknown email, an unknown clinic and a wrong password identically', async () => {
    const email = randomTestEmail('exists');
    await createTestUser(tenant.id, 'patient', email, PASSWORD);
    const messages = [
      (await attempt(tenant.slug, email, 'not the password!!')).error?.message,
      (await attempt(tenant.slug, randomTestEmail('ghost'), PASSWORD)).error?.message,
      (await attempt('no-such-clinic', email, PASSWORD)).error?.message,
    ];
    expect(new Set(messages)).toEqual(new Set([SIGN_IN_REFUSED_MESSAGE]));
  });

  it('throttles a client IP that keeps failing, even with a valid account afterwards', async () => {
    const ip = `198.51.100.${Math.floor(Math.random() * 250) + 1}`;
    const email = randomTestEmail('ipvictim');
    await createTestUser(tenant.id, 'patient', email, PASSWORD);
    // Spread over many unknown accounts, so no single account locks: only the IP counter does.
    for (let i = 0; i < MAX * IP_FAILURE_MULTIPLIER; i += 1) {
      await attempt(tenant.slug, randomTestEmail(`spray${i}`), 'whatever-password', ip);
    }
    const row = await withIdentityUnscoped((tx) => tx.loginThrottle.findUnique({ where: { key: ipThrottleKey(ip) } }));
    expect(row?.lockedUntil?.getTime()).toBeGreaterThan(Date.now());
    expect((await attempt(tenant.slug, email, PASSWORD, ip)).error?.message).toBe(SIGN_IN_REFUSED_MESSAGE);
    // Another address is not affected.
    expect((await attempt(tenant.slug, email, PASSWORD, '203.0.113.9')).user).toBeDefined();
  }, 120_000);
});
