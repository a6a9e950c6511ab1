/**
 * POST /api/visit/<roomId>/signal/session — the room page's first call. Trades the entry cookie
 * (set by /join) for a signal ticket held only in the page's memory, and clears the cookie: a
 * reload or a second tab cannot re-enter; coming back needs a fresh link from the dashboard.
 */
import { cookies } from 'next/headers';
import { errorToResponse } from '@/lib/api/problem.ts';
import { getConfig } from '@/lib/config.ts';
import { AppError } from '@/lib/errors/app-error.ts';
import { authorizeRoomParticipant } from '@/lib/video/authorize-room-participant.ts';
import { assertSameOrigin, requireVideoViewer } from '@/lib/video/http/video-request.ts';
import { computeJoinWindow } from '@/lib/video/join-window.ts';
import { roomEntryCookieName, signRoomTicket, verifyRoomTicket } from '@/lib/video/room-ticket.ts';

export const dynamic = 'force-dynamic';

export async function POST(request: Request, { params }: { params: Promise<{ roomId: string }> }): Promise<Response> {
  try {
    assertSameOrigin(request);
    const viewer = await requireVideoViewer();
    const { roomId } = await params;
    const jar = await cookies();
    const entry = verifyRoomTicket(jar.get(roomEntryCookieName())?.value, 'entry');
    if (!entry || entry.roomId !== roomId || entry.userId !== viewer.userId || entry.tenantId !== viewer.tenantId) {
      throw new AppError('FORBIDDEN', 'Open the visit with "Join visit" from your dashboard');
    }
    const participant = await authorizeRoomParticipant(viewer, roomId);
    jar.delete(roomEntryCookieName());
    const window = computeJoinWindow(participant.startsAt, participant.endsAt, getConfig().VIDEO_JOIN_EARLY_MINUTES);
    const ticket = signRoomTicket({ kind: 'signal', tenantId: viewer.tenantId, roomId, userId: viewer.userId, linkId: entry.linkId, expiresAt: window.validUntil });
    return Response.json({ ticket, role: participant.role }, { headers: { 'cache-control': 'no-store' } });
  } catch (error) {
    return errorToResponse(error);
  }
}
