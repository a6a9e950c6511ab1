// Next 16 "proxy" (the file convention formerly called middleware; runs on the Node.js runtime).
//
// Its one job here is security headers: a fresh CSP nonce per request, forwarded to the renderer
// and sent to the browser. It is NOT a security layer for authorization: every page, route handler
// and server action checks the session and role itself (see shared/STYLE.md).

import type { NextRequest } from 'next/server';
import { applySecurityHeaders, createNonce, setSecurityResponseHeaders } from './lib/http/security-headers.ts';
import { gateRouteGroups } from './lib/auth/route-gate.ts';

/**
 * Adds per-request security headers (CSP with nonce, HSTS in production, …) to every matched
 * request, API routes included.
 */
export async function proxy(request: NextRequest) {
  const nonce = createNonce();

  // ── ROUTE-GROUP GATING HOOK ───────────────────────────────────────────────────────────────
  // The auth helper composes its route-group gate here, e.g.:
  //
  //   const gated = gateRouteGroups(request);          // redirect to /signin, or null to pass
  //   if (gated) return setSecurityResponseHeaders(gated, nonce);
  //
  // A gate is a UX convenience (early redirect), never the authorization check itself.
  // Whatever it returns must go through setSecurityResponseHeaders so no response lacks headers.
  // ──────────────────────────────────────────────────────────────────────────────────────────

  const gate = await gateRouteGroups(request);
  if (gate.redirect) {
    return setSecurityResponseHeaders(gate.redirect, nonce);
  }
  const response = applySecurityHeaders(request, nonce);
  if (gate.refreshCookie) {
    response.cookies.set(gate.refreshCookie.name, gate.refreshCookie.value, gate.refreshCookie.options);
  }
  return response;
}

export const config = {
  matcher: [
    // Everything except build assets (immutable, no HTML) and the favicon.
    '/((?!_next/static|_next/image|favicon.ico).*)',
  ],
};
