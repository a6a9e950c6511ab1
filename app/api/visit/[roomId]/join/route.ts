/**
 * POST /api/visit/<roomId>/join  { token }  — consumes the caller's single-use link token and sets
 * the short-lived HttpOnly room entry cookie (bound to user, room and link). The token travels in
 * the body, never in a URL, so it does not reach history or access logs.
 */
import { cookies } from 'next/headers';
import { z } from 'zod';
import { errorToResponse, parseOrThrow } from '@/lib/api/problem.ts';
import { requestMetaFromHeaders } from '@/lib/audit/request-meta.ts';
import { getConfig } from '@/lib/config.ts';
import { consumeJoinLink } from '@/lib/video/consume-join-link.ts';
import { assertSameOrigin, requireVideoViewer } from '@/lib/video/http/video-request.ts';
import { ENTRY_TICKET_SECONDS, roomEntryCookieName, signRoomTicket } from '@/lib/video/room-ticket.ts';

export const dynamic = 'force-dynamic';

const ZJoinBody = z.object({ token: z.string().min(1).max(200) }).strict();

export async function POST(request: Request, { params }: { params: Promise<{ roomId: string }> }): Promise<Response> {
  try {
    assertSameOrigin(request);
    const viewer = await requireVideoViewer();
    const { roomId } = await params;
    const body = parseOrThrow(ZJoinBody, await request.json().catch(() => null), 'join request');
    const joined = await consumeJoinLink(viewer, roomId, body.token, { request: requestMetaFromHeaders((n) => request.headers.get(n)) });
    const expiresAt = new Date(Date.now() + ENTRY_TICKET_SECONDS * 1000);
    const jar = await cookies();
    jar.set(roomEntryCookieName(), signRoomTicket({ kind: 'entry', tenantId: viewer.tenantId, roomId, userId: viewer.userId, linkId: joined.linkId, expiresAt }), {
      httpOnly: true,
      sameSite: 'strict',
      secure: getConfig().APP_URL.startsWith('https://'),
      path: '/',
      maxAge: ENTRY_TICKET_SECONDS,
    });
    return Response.json({ ok: true, roomPath: `/visit/${roomId}` }, { headers: { 'cache-control': 'no-store' } });
  } catch (error) {
    return errorToResponse(error);
  }
}
