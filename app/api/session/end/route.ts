/** Ends this browser's session (the idle monitor calls it at the deadline); audits the reason. */
import { NextResponse } from 'next/server';
import { z } from 'zod';
import { endCurrentSession } from '@/lib/auth/sign-out.ts';
import { isSameOriginRequest } from '@/lib/auth/same-origin.ts';

const ZBody = z.object({ reason: z.enum(['idle', 'user']).default('user') });

export async function POST(request: Request): Promise<Response> {
  if (!isSameOriginRequest(request)) {
    return new NextResponse(null, { status: 403 });
  }
  const body = ZBody.safeParse(await request.json().catch(() => ({})));
  await endCurrentSession(body.success ? body.data.reason : 'user');
  return new NextResponse(null, { status: 204, headers: { 'Cache-Control': 'no-store' } });
}
