import { describe, expect, it } from 'vitest';
import { NextRequest } from 'next/server';
import { gateRouteGroups, gatedRouteRole } from './route-gate.ts';
import { decodeSessionToken, encodeSessionToken, idleTimeoutMs, sessionCookieName, type SessionClaims } from './session-token.ts';

const claims = (over: Partial<SessionClaims> = {}): SessionClaims => ({
  userId: '00000000-0000-4000-8000-000000000001',
  tenantId: '00000000-0000-4000-8000-000000000002',
  tenantSlug: 't',
  role: 'patient',
  sessionVersion: 0,
  mfaVerified: false,
  lastActivity: Date.now(),
  issuedAt: Date.now(),
  ...over,
});

async function request(path: string, c?: SessionClaims, init: { method?: string; headers?: Record<string, string> } = {}) {
  const headers = new Headers(init.headers);
  if (c) {
    headers.set('cookie', `${sessionCookieName()}=${await encodeSessionToken(c)}`);
  }
  return new NextRequest(`http://localhost:3000${path}`, { method: init.method ?? 'GET', headers });
}

describe('gatedRouteRole', () => {
  it('maps portal paths to roles and leaves public pages alone', () => {
    expect(gatedRouteRole('/patient')).toBe('patient');
    expect(gatedRouteRole('/patient/visits/x')).toBe('patient');
    expect(gatedRouteRole('/patient/signup')).toBeNull();
    expect(gatedRouteRole('/patients')).toBeNull();
    expect(gatedRouteRole('/clinician/availability')).toBe('clinician');
    expect(gatedRouteRole('/admin/audit')).toBe('admin');
    expect(gatedRouteRole('/mfa/setup')).toBe('any');
    expect(gatedRouteRole('/signin')).toBeNull();
    expect(gatedRouteRole('/')).toBeNull();
  });
});

describe('gateRouteGroups', () => {
  it('sends signed-out visitors to sign-in with a return path', async () => {
    const d = await gateRouteGroups(await request('/patient?x=1'));
    expect(d.redirect?.headers.get('location')).toBe('http://localhost:3000/signin?callbackUrl=%2Fpatient%3Fx%3D1');
  });

  it('sends idle sessions to sign-in and wrong roles to /denied', async () => {
    const idle = await gateRouteGroups(await request('/patient', claims({ lastActivity: Date.now() - idleTimeoutMs() - 1 })));
    expect(idle.redirect?.headers.get('location')).toBe('http://localhost:3000/signin?reason=idle');
    const wrong = await gateRouteGroups(await request('/admin', claims()));
    expect(wrong.redirect?.headers.get('location')).toBe('http://localhost:3000/denied');
  });

  it('refreshes lastActivity on GET navigations only, with HttpOnly SameSite=Lax flags', async () => {
    const old = claims({ lastActivity: Date.now() - 60_000 });
    const d = await gateRouteGroups(await request('/patient', old));
    expect(d.redirect).toBeUndefined();
    expect(d.refreshCookie?.options).toMatchObject({ httpOnly: true, sameSite: 'lax', path: '/' });
    const refreshed = await decodeSessionToken(d.refreshCookie?.value);
    expect(refreshed!.lastActivity).toBeGreaterThan(old.lastActivity);
    expect(refreshed!.issuedAt).toBe(old.issuedAt);
    expect((await gateRouteGroups(await request('/patient', old, { method: 'POST' }))).refreshCookie).toBeUndefined();
    expect((await gateRouteGroups(await request('/patient', old, { headers: { 'next-router-prefetch': '1' } }))).refreshCookie).toBeUndefined();
    expect((await gateRouteGroups(await request('/patient', old, { headers: { 'next-router-segment-prefetch': '/_tree' } }))).refreshCookie).toBeUndefined();
    // A token refreshed moments ago is not re-issued on every navigation.
    expect((await gateRouteGroups(await request('/patient', claims()))).refreshCookie).toBeUndefined();
  });
});
