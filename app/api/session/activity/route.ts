/**
 * Idle-timeout bookkeeping for the client monitor. GET: when does this session go idle (no
 * refresh). POST: the user is active — move lastActivity forward. Idle sessions get 401.
 */
import { cookies } from 'next/headers';
import { NextResponse } from 'next/server';
import { decodeSessionToken, idleTimeoutMs, sessionCookieName, evaluateSessionClaims } from '@/lib/auth/session-token.ts';
import { refreshActivity } from '@/lib/auth/session-activity.ts';
import { writeSessionCookie } from '@/lib/auth/session-cookie.ts';
import { isSameOriginRequest } from '@/lib/auth/same-origin.ts';

const NO_STORE = { 'Cache-Control': 'no-store' };

async function readClaims() {
  return decodeSessionToken((await cookies()).get(sessionCookieName())?.value);
}

export async function GET(): Promise<Response> {
  const claims = await readClaims();
  if (!claims || evaluateSessionClaims(claims) !== 'active') {
    return NextResponse.json({ active: false }, { status: 401, headers: NO_STORE });
  }
  return NextResponse.json({ active: true, idleDeadline: claims.lastActivity + idleTimeoutMs() }, { headers: NO_STORE });
}

export async function POST(request: Request): Promise<Response> {
  if (!isSameOriginRequest(request)) {
    return NextResponse.json({ active: false }, { status: 403, headers: NO_STORE });
  }
  const claims = await readClaims();
  const refresh = claims ? refreshActivity(claims) : { state: 'none' as const };
  if (refresh.state !== 'active' || !('claims' in refresh) || !refresh.claims) {
    return NextResponse.json({ active: false }, { status: 401, headers: NO_STORE });
  }
  await writeSessionCookie(refresh.claims);
  return NextResponse.json({ active: true, idleDeadline: refresh.idleDeadline }, { headers: NO_STORE });
}
