import { NextRequest, NextResponse } from 'next/server';
import { describe, expect, it } from 'vitest';
import {
  applySecurityHeaders,
  buildContentSecurityPolicy,
  buildSecurityHeaders,
  createNonce,
  NONCE_HEADER,
  setSecurityResponseHeaders,
} from './security-headers.ts';

const PROD = { isDevelopment: false, isProduction: true };
const DEV = { isDevelopment: true, isProduction: false };

describe('createNonce', () => {
  it('returns 128-bit base64 values that differ per call', () => {
    const nonces = new Set(Array.from({ length: 50 }, () => createNonce()));
    expect(nonces.size).toBe(50);
    for (const nonce of nonces) {
      expect(nonce).toMatch(/^[A-Za-z0-9+/]{22}==$/);
    }
  });
});

describe('buildContentSecurityPolicy', () => {
  it('locks scripts to the nonce with strict-dynamic and no eval in production', () => {
    const csp = buildContentSecurityPolicy('abc', PROD);
    expect(csp).toContain("script-src 'self' 'nonce-abc' 'strict-dynamic'");
    expect(csp).not.toContain('unsafe-eval');
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).toContain('media-src \'self\' blob: mediastream:');
    expect(csp).not.toMatch(/script-src[^;]*'unsafe-inline'/);
  });

  it("adds 'unsafe-eval' only in development", () => {
    expect(buildContentSecurityPolicy('abc', DEV)).toContain("'strict-dynamic' 'unsafe-eval'");
  });
});

describe('buildSecurityHeaders', () => {
  it('sends HSTS only in production', () => {
    expect(buildSecurityHeaders('n', PROD)['Strict-Transport-Security']).toBe(
      'max-age=63072000; includeSubDomains; preload',
    );
    expect(buildSecurityHeaders('n', DEV)['Strict-Transport-Security']).toBeUndefined();
  });

  it('sets the fixed hardening headers', () => {
    const headers = buildSecurityHeaders('n', PROD);
    expect(headers['Referrer-Policy']).toBe('no-referrer');
    expect(headers['X-Content-Type-Options']).toBe('nosniff');
    expect(headers['X-Frame-Options']).toBe('DENY');
    expect(headers['Permissions-Policy']).toBe('camera=(self), microphone=(self), geolocation=()');
    expect(headers['Cross-Origin-Opener-Policy']).toBe('same-origin');
  });
});

describe('applySecurityHeaders', () => {
  it('forwards the nonce and CSP on the request and sets headers on the response', () => {
    const request = new NextRequest('http://localhost/patient', { headers: { [NONCE_HEADER]: 'forged' } });
    const response = applySecurityHeaders(request, 'fresh', PROD);
    const csp = response.headers.get('Content-Security-Policy');
    expect(csp).toContain("'nonce-fresh'");
    // NextResponse.next encodes overridden request headers as x-middleware-request-* headers.
    expect(response.headers.get(`x-middleware-request-${NONCE_HEADER}`)).toBe('fresh');
    expect(response.headers.get('x-middleware-request-content-security-policy')).toBe(csp);
    expect(response.headers.get(NONCE_HEADER)).toBeNull();
  });

  it('decorates a gate-produced redirect too', () => {
    const redirect = setSecurityResponseHeaders(NextResponse.redirect('http://localhost/signin', 307), 'n', PROD);
    expect(redirect.headers.get('X-Frame-Options')).toBe('DENY');
    expect(redirect.headers.get('Content-Security-Policy')).toContain("'nonce-n'");
  });
});
