/**
 * Writing the session cookie from server actions and route handlers (the only places Next lets
 * us set cookies): MFA step-up and activity refresh re-issue it; sign-out clears it.
 */
import { cookies } from 'next/headers';
import { encodeSessionToken, sessionCookieName, sessionCookieOptions, sessionMaxAgeSeconds, type SessionClaims } from './session-token.ts';

/** Re-issues the session cookie with `claims` (exp still bound to the original sign-in time). */
export async function writeSessionCookie(claims: SessionClaims, now = Date.now()): Promise<void> {
  const value = await encodeSessionToken(claims, now);
  const remaining = Math.max(1, Math.floor((claims.issuedAt + sessionMaxAgeSeconds() * 1000 - now) / 1000));
  (await cookies()).set(sessionCookieName(), value, { ...sessionCookieOptions(), maxAge: remaining });
}

/** Removes the session cookie. */
export async function clearSessionCookie(): Promise<void> {
  (await cookies()).set(sessionCookieName(), '', { ...sessionCookieOptions(), maxAge: 0 });
}
