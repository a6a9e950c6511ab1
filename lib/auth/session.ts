/**
 * The server-side session and authorization API. Every page, server action and route handler
 * calls requireSession (or getSessionContext) itself; the proxy gate is only a convenience.
 * Each call decrypts the session cookie, applies the idle and absolute limits, and re-reads the
 * user row (disabled? sessions revoked via session_version? role changed? MFA state) — one small
 * indexed read per request, memoised per render with React's cache().
 */
import { cache } from 'react';
import { cookies, headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { withIdentityTenant } from '../db/tenant-scope.ts';
import { AppError } from '../errors/app-error.ts';
import { decodeSessionToken, evaluateSessionClaims, sessionCookieName, type SessionClaims } from './session-token.ts';
import { isMfaRequired, type Role } from './roles.ts';

/** Who is calling, as every domain function needs it. Ids only; no PHI. */
export interface SessionContext {
  userId: string;
  tenantId: string;
  tenantSlug: string;
  role: Role;
  /** Patients: their identity-side patient id. */
  patientId?: string;
  /** Patients: the opaque token the core knows them by. */
  tokenId?: string;
  /** Clinicians: their core resource (schedule) id. */
  resourceId?: string;
}

export type SessionState =
  | { status: 'none' | 'idle' | 'expired' | 'revoked' }
  | { status: 'mfa_setup' | 'mfa_verify' | 'ok'; claims: SessionClaims; context: SessionContext };

/** Where a refused page request is sent, by reason. */
const SIGNIN_REDIRECT: Record<'none' | 'idle' | 'expired' | 'revoked', string> = {
  none: '/signin',
  idle: '/signin?reason=idle',
  expired: '/signin?reason=expired',
  revoked: '/signin?reason=revoked',
};

/**
 * Checks a session cookie value at `now`: decrypts it, applies the idle and absolute limits,
 * and compares it with the live user row (disabled, session_version, role, MFA state).
 */
export async function evaluateSessionCookie(cookieValue: string | undefined, now = Date.now()): Promise<SessionState> {
  const claims = await decodeSessionToken(cookieValue);
  if (!claims) {
    return { status: 'none' };
  }
  const timing = evaluateSessionClaims(claims, now);
  if (timing !== 'active') {
    return { status: timing };
  }
  const user = await withIdentityTenant(claims.tenantId, (tx) =>
    tx.user.findFirst({
      where: { id: claims.userId, tenantId: claims.tenantId },
      select: { role: true, sessionVersion: true, disabledAt: true, mfaEnabled: true, resourceId: true, patientId: true },
    }),
  );
  if (!user || user.disabledAt || user.sessionVersion !== claims.sessionVersion || user.role !== claims.role) {
    return { status: 'revoked' };
  }
  const context: SessionContext = {
    userId: claims.userId,
    tenantId: claims.tenantId,
    tenantSlug: claims.tenantSlug,
    role: user.role,
    patientId: user.patientId ?? undefined,
    tokenId: claims.tokenId,
    // The live row wins: an admin may (re)link a clinician to a schedule after sign-in.
    resourceId: user.resourceId ?? undefined,
  };
  if (user.mfaEnabled && !claims.mfaVerified) {
    return { status: 'mfa_verify', claims, context };
  }
  if (!user.mfaEnabled && isMfaRequired(user.role)) {
    return { status: 'mfa_setup', claims, context };
  }
  return { status: 'ok', claims, context };
}

/** The current request's session state (memoised per request render). */
export const loadSessionState = cache(async (): Promise<SessionState> => {
  const jar = await cookies();
  return evaluateSessionCookie(jar.get(sessionCookieName())?.value);
});

export interface RequireSessionOptions {
  /** Allowed roles; anyone signed in when omitted. */
  roles?: readonly Role[];
  /** For the MFA pages themselves: accept a session whose second factor is still pending. */
  allowPendingMfa?: boolean;
  /**
   * How to refuse: 'page' redirects (sign-in, MFA, /denied); 'action' and 'api' throw AppError
   * UNAUTHORIZED / FORBIDDEN. Default: 'action' inside a server action request, else 'page'.
   */
  mode?: 'page' | 'action' | 'api';
}

async function detectMode(): Promise<'page' | 'action'> {
  try {
    return (await headers()).get('next-action') ? 'action' : 'page';
  } catch {
    return 'action';
  }
}

/**
 * The signed-in caller, or a refusal: pages are redirected (to /signin, /mfa/setup, /mfa/verify
 * or /denied); actions and API routes get AppError UNAUTHORIZED or FORBIDDEN.
 */
export async function requireSession(opts: RequireSessionOptions = {}): Promise<SessionContext> {
  const mode = opts.mode ?? (await detectMode());
  const state = await loadSessionState();
  if (!('context' in state)) {
    if (mode === 'page') {
      redirect(SIGNIN_REDIRECT[state.status]);
    }
    throw new AppError('UNAUTHORIZED', 'Your session has ended. Sign in again.');
  }
  if (state.status !== 'ok' && !opts.allowPendingMfa) {
    if (mode === 'page') {
      redirect(state.status === 'mfa_setup' ? '/mfa/setup' : '/mfa/verify');
    }
    throw new AppError('UNAUTHORIZED', 'Complete two-step verification first.');
  }
  if (opts.roles && !opts.roles.includes(state.context.role)) {
    if (mode === 'page') {
      redirect('/denied');
    }
    throw new AppError('FORBIDDEN', 'You do not have access to this.');
  }
  return state.context;
}

/** The fully signed-in caller (second factor done), or null. Never redirects or throws for auth. */
export async function getSessionContext(): Promise<SessionContext | null> {
  const state = await loadSessionState();
  return state.status === 'ok' && 'context' in state ? state.context : null;
}
