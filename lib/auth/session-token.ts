/**
 * The session token: a next-auth JWT (encrypted, JWE A256GCM) in an HttpOnly cookie. This module
 * owns its shape, the cookie's name and flags, and the time policy (idle and absolute limits),
 * so next-auth's callbacks, the proxy gate, requireSession and the activity route agree.
 */
import { decode, encode, type JWT } from 'next-auth/jwt';
import { getConfig } from '../config.ts';
import type { Role } from './roles.ts';

/** Claims Periodic keeps in the session JWT (besides next-auth's own iat/exp/jti). */
export interface SessionClaims {
  userId: string;
  tenantId: string;
  tenantSlug: string;
  role: Role;
  sessionVersion: number;
  /** Second factor passed in this session (TOTP or recovery code). */
  mfaVerified: boolean;
  patientId?: string;
  tokenId?: string;
  resourceId?: string;
  /** Epoch ms of the last user activity the server saw. */
  lastActivity: number;
  /** Epoch ms of sign-in: the absolute lifetime counts from here and is never extended. */
  issuedAt: number;
}

export type SessionTokenState = 'active' | 'idle' | 'expired';

/** True when APP_URL is https: cookies then carry Secure and the __Secure- prefix. */
export function useSecureCookies(): boolean {
  return getConfig().APP_URL.startsWith('https://');
}

/** Name of the session cookie (the __Secure- prefix makes browsers refuse it over http). */
export function sessionCookieName(): string {
  return useSecureCookies() ? '__Secure-periodic.session' : 'periodic.session';
}

/** Flags of every auth cookie: HttpOnly, SameSite=Lax, Secure when served over https. */
export function sessionCookieOptions(): { httpOnly: true; sameSite: 'lax'; path: '/'; secure: boolean } {
  return { httpOnly: true, sameSite: 'lax', path: '/', secure: useSecureCookies() };
}

/** Idle limit in ms (SESSION_IDLE_MINUTES). */
export function idleTimeoutMs(): number {
  return Math.round(getConfig().SESSION_IDLE_MINUTES * 60_000);
}

/** Absolute lifetime in seconds (SESSION_MAX_HOURS); also the cookie's and JWT's max age. */
export function sessionMaxAgeSeconds(): number {
  return Math.round(getConfig().SESSION_MAX_HOURS * 3600);
}

/** Whether a token is still usable at `now`: idle and absolute limits, checked on the server. */
export function evaluateSessionClaims(claims: Pick<SessionClaims, 'lastActivity' | 'issuedAt'>, now = Date.now()): SessionTokenState {
  if (now - claims.issuedAt >= sessionMaxAgeSeconds() * 1000) {
    return 'expired';
  }
  if (now - claims.lastActivity >= idleTimeoutMs()) {
    return 'idle';
  }
  return 'active';
}

function secret(): string {
  return getConfig().NEXTAUTH_SECRET;
}

/** Reads our claims from a decoded JWT; null if any is missing or of the wrong type. */
export function claimsFromJwt(token: JWT | null | undefined): SessionClaims | null {
  if (!token) {
    return null;
  }
  const t = token as Record<string, unknown>;
  const str = (k: string) => (typeof t[k] === 'string' ? (t[k] as string) : undefined);
  const num = (k: string) => (typeof t[k] === 'number' ? (t[k] as number) : undefined);
  const role = str('role');
  const claims = {
    userId: str('userId'),
    tenantId: str('tenantId'),
    tenantSlug: str('tenantSlug'),
    role: role === 'patient' || role === 'clinician' || role === 'admin' ? role : undefined,
    sessionVersion: num('sessionVersion'),
    mfaVerified: t.mfaVerified === true,
    patientId: str('patientId'),
    tokenId: str('tokenId'),
    resourceId: str('resourceId'),
    lastActivity: num('lastActivity'),
    issuedAt: num('issuedAt'),
  };
  if (!claims.userId || !claims.tenantId || !claims.tenantSlug || !claims.role || claims.sessionVersion === undefined || claims.lastActivity === undefined || claims.issuedAt === undefined) {
    return null;
  }
  return claims as SessionClaims;
}

/** Decrypts a session cookie value; null if absent, forged, or past the JWT's exp. */
export async function decodeSessionToken(value: string | undefined): Promise<SessionClaims | null> {
  if (!value) {
    return null;
  }
  try {
    return claimsFromJwt(await decode({ token: value, secret: secret() }));
  } catch {
    return null;
  }
}

/**
 * Encrypts claims into a cookie value. The JWT's exp is set to the end of the absolute lifetime,
 * so a re-issued token (activity refresh, MFA step-up) never lives longer than the first one.
 */
export async function encodeSessionToken(claims: SessionClaims, now = Date.now()): Promise<string> {
  const remainingSeconds = Math.max(1, Math.floor((claims.issuedAt + sessionMaxAgeSeconds() * 1000 - now) / 1000));
  return encode({ token: { ...claims, sub: claims.userId } as JWT, secret: secret(), maxAge: remainingSeconds });
}
