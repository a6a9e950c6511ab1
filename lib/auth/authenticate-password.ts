/**
 * First sign-in step: clinic code + email + password. Every refusal — unknown clinic, unknown
 * email, wrong password, locked, disabled, throttled IP — throws the same SignInRefusedError with
 * the same message after the same argon2 work, so responses do not reveal whether an account
 * exists. The real reason goes to the audit trail (ids only) and never to the client.
 */
import { z } from 'zod';
import { withIdentityTenant } from '../db/tenant-scope.ts';
import { loadTenantKeys } from '../identity/tenant-keys.ts';
import { emailIndex } from '../identity/phi-fields.ts';
import { recordAudit } from '../audit/record-audit.ts';
import type { RequestMeta } from '../audit/request-meta.ts';
import { logger } from '../log/logger.ts';
import { burnPasswordVerification, verifyPassword } from './password.ts';
import { resolveTenantBySlug } from './resolve-tenant.ts';
import { clearAccountFailures, isAccountLocked, registerAccountFailure } from './account-lockout.ts';
import { accountLimits, ipLimits, ipThrottleKey, isThrottled, recordThrottleFailure, unknownAccountThrottleKey } from './login-throttle.ts';
import type { Role } from './roles.ts';

/** The one message every refused sign-in shows. */
export const SIGN_IN_REFUSED_MESSAGE =
  'We could not sign you in with those details. After repeated failed attempts sign-in is paused for a while; check your clinic code, email and password and try again later.';

export class SignInRefusedError extends Error {
  constructor() {
    super(SIGN_IN_REFUSED_MESSAGE);
    this.name = 'SignInRefusedError';
  }
}

export const ZPasswordSignIn = z.object({
  clinic: z.string().trim().min(1).max(63),
  email: z.string().trim().min(3).max(254),
  password: z.string().min(1).max(1024),
});
export type TPasswordSignIn = z.infer<typeof ZPasswordSignIn>;

/** Who signed in; becomes the session claims. */
export interface AuthenticatedUser {
  userId: string;
  tenantId: string;
  tenantSlug: string;
  role: Role;
  sessionVersion: number;
  mfaEnabled: boolean;
  patientId?: string;
  tokenId?: string;
  resourceId?: string;
}

async function refuse(password: string, request: RequestMeta, countIp: boolean): Promise<never> {
  await burnPasswordVerification(password);
  if (countIp && request.ip) {
    await recordThrottleFailure(ipThrottleKey(request.ip), ipLimits());
  }
  throw new SignInRefusedError();
}

/** Checks the password step; returns the user or throws SignInRefusedError. */
export async function authenticatePassword(input: TPasswordSignIn, request: RequestMeta): Promise<AuthenticatedUser> {
  const parsed = ZPasswordSignIn.safeParse(input);
  if (!parsed.success) {
    return refuse(typeof input?.password === 'string' ? input.password : '', request, false);
  }
  const { clinic, email, password } = parsed.data;
  if (request.ip && (await isThrottled(ipThrottleKey(request.ip)))) {
    logger.warn({ event: 'sign_in_ip_throttled' }, 'sign-in refused: IP throttled');
    return refuse(password, request, false);
  }
  const tenant = await resolveTenantBySlug(clinic);
  if (!tenant) {
    logger.info({ event: 'sign_in_unknown_clinic' }, 'sign-in refused: unknown clinic code');
    return refuse(password, request, true);
  }

  const outcome = await withIdentityTenant(tenant.id, async (tx) => {
    const keys = await loadTenantKeys(tx, tenant.id);
    const bidx = emailIndex(keys, email);
    const user = await tx.user.findFirst({
      where: { tenantId: tenant.id, emailBidx: bidx },
      select: {
        id: true, role: true, passwordHash: true, sessionVersion: true, mfaEnabled: true, resourceId: true,
        patientId: true, lockedUntil: true, disabledAt: true, patient: { select: { tokenId: true } },
      },
    });
    const audit = (action: string, actor: string | null, metadata: Record<string, string | number | boolean>) =>
      recordAudit(tx, { tenantId: tenant.id, actorUserId: actor, actorRole: user?.role ?? null, action, targetType: 'user', targetId: actor ?? undefined, metadata, request });

    if (!user) {
      const key = unknownAccountThrottleKey(tenant.id, bidx);
      if (!(await isThrottled(key))) {
        await recordThrottleFailure(key, accountLimits());
      }
      await burnPasswordVerification(password);
      await audit('auth.sign_in_failed', null, { reason: 'unknown_account' });
      return { ok: false as const };
    }
    if (user.disabledAt || isAccountLocked(user)) {
      await burnPasswordVerification(password);
      await audit('auth.sign_in_failed', user.id, { reason: user.disabledAt ? 'disabled' : 'locked' });
      return { ok: false as const };
    }
    if (!(await verifyPassword(user.passwordHash, password))) {
      const locked = await registerAccountFailure(tx, user.id);
      await audit('auth.sign_in_failed', user.id, { reason: 'bad_password' });
      if (locked) {
        await audit('auth.account_locked', user.id, { lockMinutes: accountLimits().lockMinutes });
      }
      return { ok: false as const };
    }
    await clearAccountFailures(tx, user.id);
    await audit('auth.sign_in', user.id, { stage: 'password', mfaPending: user.mfaEnabled });
    const signedIn: AuthenticatedUser = {
      userId: user.id,
      tenantId: tenant.id,
      tenantSlug: tenant.slug,
      role: user.role,
      sessionVersion: user.sessionVersion,
      mfaEnabled: user.mfaEnabled,
      patientId: user.patientId ?? undefined,
      tokenId: user.patient?.tokenId ?? undefined,
      resourceId: user.resourceId ?? undefined,
    };
    return { ok: true as const, user: signedIn };
  });

  if (!outcome.ok) {
    if (request.ip) {
      await recordThrottleFailure(ipThrottleKey(request.ip), ipLimits());
    }
    throw new SignInRefusedError();
  }
  return outcome.user;
}
