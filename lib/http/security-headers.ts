// Security headers for every response, set from proxy.ts.
//
// The Content-Security-Policy carries a fresh nonce per request. Next.js reads the CSP header on
// the *request*, extracts `'nonce-…'`, and stamps that nonce on its own framework scripts, page
// bundles and inline bootstrap scripts during server rendering. So the proxy sets the CSP twice:
// on the forwarded request (for Next) and on the response (for the browser). It also forwards the
// nonce as `x-nonce` so a server component can pass it to a `<Script nonce>` it renders itself.

import { NextResponse, type NextRequest } from 'next/server';

/** Request header through which server components can read this request's nonce. */
export const NONCE_HEADER = 'x-nonce';

/** Runtime facts the policy depends on; passed in so tests need not touch `process.env`. */
export interface SecurityHeaderEnv {
  /** `next dev`: React needs `eval` to rebuild server error stacks in the browser. */
  isDevelopment: boolean;
  /** Production serves over HTTPS behind a proxy, so HSTS is meaningful and safe to pin. */
  isProduction: boolean;
}

/** Reads the environment the way Next sets it (`next dev` → development, `next start` → production). */
export function readSecurityHeaderEnv(): SecurityHeaderEnv {
  return {
    isDevelopment: process.env.NODE_ENV === 'development',
    // PERIODIC_ENV, not NODE_ENV: `next start` sets NODE_ENV=production even on http://localhost.
    isProduction: process.env.PERIODIC_ENV === 'production',
  };
}

/**
 * Creates an unguessable, single-use nonce (128 random bits, base64).
 * Uses Web Crypto so it works in any runtime the proxy may be moved to.
 */
export function createNonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  let binary = '';
  for (const byte of bytes) {
    binary += String.fromCharCode(byte);
  }
  return btoa(binary);
}

/**
 * Builds the Content-Security-Policy value for one request.
 *
 * Why `style-src 'unsafe-inline'`: Next injects inline `<style>` tags and React renders `style`
 * attributes (e.g. the route announcer, error overlays); style attributes cannot carry a nonce, so
 * a nonce-only style policy breaks them. Inline styles cannot run script, and scripts stay
 * nonce-locked with `'strict-dynamic'`, which is where XSS protection comes from.
 */
export function buildContentSecurityPolicy(nonce: string, env: SecurityHeaderEnv): string {
  const scriptSrc = ["'self'", `'nonce-${nonce}'`, "'strict-dynamic'"];
  if (env.isDevelopment) {
    scriptSrc.push("'unsafe-eval'");
  }
  const directives: Array<[string, string[]]> = [
    ['default-src', ["'self'"]],
    ['script-src', scriptSrc],
    ['style-src', ["'self'", "'unsafe-inline'"]],
    ['img-src', ["'self'", 'data:', 'blob:']],
    ['font-src', ["'self'"]],
    ['connect-src', ["'self'"]],
    // Video visits render local and remote camera streams (blob:/mediastream: URLs).
    ['media-src', ["'self'", 'blob:', 'mediastream:']],
    ['object-src', ["'none'"]],
    ['base-uri', ["'self'"]],
    ['form-action', ["'self'"]],
    ['frame-ancestors', ["'none'"]],
  ];
  return directives.map(([name, values]) => `${name} ${values.join(' ')}`).join('; ');
}

/**
 * Builds every security response header for one request, CSP included.
 * HSTS is only sent in production: on a developer's http://localhost it would be ignored at best
 * and pin a dev host to HTTPS at worst.
 */
export function buildSecurityHeaders(nonce: string, env: SecurityHeaderEnv): Record<string, string> {
  const headers: Record<string, string> = {
    'Content-Security-Policy': buildContentSecurityPolicy(nonce, env),
    'Referrer-Policy': 'no-referrer',
    'X-Content-Type-Options': 'nosniff',
    'X-Frame-Options': 'DENY',
    // Camera and microphone only for our own video-visit pages; never for embedded origins.
    'Permissions-Policy': 'camera=(self), microphone=(self), geolocation=()',
    'Cross-Origin-Opener-Policy': 'same-origin',
  };
  if (env.isProduction) {
    headers['Strict-Transport-Security'] = 'max-age=63072000; includeSubDomains; preload';
  }
  return headers;
}

/**
 * Copies the security headers onto an existing response (e.g. a redirect produced by an auth
 * gate) so that no response leaves the proxy without them. Returns the same response.
 * Typed as NextResponse on purpose: a plain `Response.redirect()` has immutable headers and
 * would throw here, so gates must build their responses with `NextResponse.redirect()` etc.
 */
export function setSecurityResponseHeaders<T extends NextResponse>(
  response: T,
  nonce: string,
  env: SecurityHeaderEnv = readSecurityHeaderEnv(),
): T {
  for (const [name, value] of Object.entries(buildSecurityHeaders(nonce, env))) {
    response.headers.set(name, value);
  }
  return response;
}

/**
 * Lets the request through to the app with a fresh nonce: the nonce and CSP are put on the
 * forwarded request (so Next stamps its scripts) and all security headers on the response.
 * A client-sent `x-nonce` is overwritten, never trusted.
 */
export function applySecurityHeaders(
  request: NextRequest,
  nonce: string = createNonce(),
  env: SecurityHeaderEnv = readSecurityHeaderEnv(),
): NextResponse {
  const csp = buildContentSecurityPolicy(nonce, env);
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set(NONCE_HEADER, nonce);
  requestHeaders.set('Content-Security-Policy', csp);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  return setSecurityResponseHeaders(response, nonce, env);
}
