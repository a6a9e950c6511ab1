/**
 * The proxy's route-group gate (a UX convenience, not the authorization check — pages and
 * actions call requireSession themselves). It sends signed-out or idle visitors of the portals
 * to /signin, sends a wrong role to /denied, and on every page load or navigation (GET, not a
 * prefetch) of a live session moves its lastActivity forward by re-issuing the cookie.
 */
import { NextResponse, type NextRequest } from 'next/server';
import { decodeSessionToken, encodeSessionToken, idleTimeoutMs, sessionCookieName, sessionCookieOptions, sessionMaxAgeSeconds } from './session-token.ts';
import { refreshActivity } from './session-activity.ts';
import type { Role } from './roles.ts';

const ROLE_PREFIXES: Array<[string, Role]> = [
  ['/patient', 'patient'],
  ['/clinician', 'clinician'],
  ['/admin', 'admin'],
];
const SIGNED_IN_PREFIXES = ['/mfa', '/account'];
const PUBLIC_EXCEPTIONS = ['/patient/signup'];
const REFRESH_FRACTION = 0.25;

function matchesPrefix(path: string, prefix: string): boolean {
  return path === prefix || path.startsWith(`${prefix}/`);
}

/** The role a path belongs to, 'any' for signed-in-only pages, or null if it is not gated. */
export function gatedRouteRole(pathname: string): Role | 'any' | null {
  if (PUBLIC_EXCEPTIONS.some((p) => matchesPrefix(pathname, p))) {
    return null;
  }
  for (const [prefix, role] of ROLE_PREFIXES) {
    if (matchesPrefix(pathname, prefix)) {
      return role;
    }
  }
  return SIGNED_IN_PREFIXES.some((p) => matchesPrefix(pathname, p)) ? 'any' : null;
}

function isPrefetch(request: NextRequest): boolean {
  const h = request.headers;
  // Next sends next-router-prefetch ('1' or '2') or next-router-segment-prefetch on router prefetches.
  return h.has('next-router-prefetch') || h.has('next-router-segment-prefetch') || h.get('purpose') === 'prefetch' || h.get('sec-purpose')?.includes('prefetch') === true;
}

export interface GateDecision {
  /** Send this instead of rendering (must still get security headers). */
  redirect?: NextResponse;
  /** Put this refreshed session cookie on the pass-through response. */
  refreshCookie?: { name: string; value: string; options: ReturnType<typeof sessionCookieOptions> & { maxAge: number } };
}

/** Decides what the proxy does with `request`; an empty decision means "pass through". */
export async function gateRouteGroups(request: NextRequest): Promise<GateDecision> {
  const { pathname, search } = request.nextUrl;
  const role = gatedRouteRole(pathname);
  if (!role) {
    return {};
  }
  const claims = await decodeSessionToken(request.cookies.get(sessionCookieName())?.value);
  if (!claims) {
    const target = new URL('/signin', request.url);
    target.searchParams.set('callbackUrl', `${pathname}${search}`);
    return { redirect: NextResponse.redirect(target) };
  }
  const refresh = refreshActivity(claims);
  if (refresh.state !== 'active' || !refresh.claims) {
    return { redirect: NextResponse.redirect(new URL(`/signin?reason=${refresh.state}`, request.url)) };
  }
  if (role !== 'any' && claims.role !== role) {
    return { redirect: NextResponse.redirect(new URL('/denied', request.url)) };
  }
  // Refresh only on page loads and navigations. Never on POSTs: a server action may itself
  // clear or re-issue the cookie (sign-out, MFA step-up) and the proxy's copy must not race it.
  // In-page activity is reported by the idle monitor instead.
  if (isPrefetch(request) || (request.method !== 'GET' && request.method !== 'HEAD')) {
    return {};
  }
  const now = Date.now();
  // Re-issue at most every REFRESH_FRACTION of the idle window: fewer Set-Cookies means fewer
  // responses that could race a sign-out in flight, and less JWE work per navigation.
  if (now - claims.lastActivity < Math.min(60_000, idleTimeoutMs() * REFRESH_FRACTION)) {
    return {};
  }
  const maxAge = Math.max(1, Math.floor((claims.issuedAt + sessionMaxAgeSeconds() * 1000 - now) / 1000));
  return {
    refreshCookie: {
      name: sessionCookieName(),
      value: await encodeSessionToken(refresh.claims, now),
      options: { ...sessionCookieOptions(), maxAge },
    },
  };
}
