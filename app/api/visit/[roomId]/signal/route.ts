/**
 * Signaling of a built-in room, through our own authenticated server:
 *   GET  — server-sent events: the other participant's messages (offer/answer/ICE/hello/bye).
 *   POST — one message from this participant.
 * Both need the signed-in participant's session AND the page's signal ticket (header
 * x-room-ticket, bound to user and room). Messages are stored in the identity DB so the two
 * participants may be served by different web processes.
 */
import { z } from 'zod';
import { errorToResponse, parseOrThrow } from '@/lib/api/problem.ts';
import { withIdentityTenant } from '@/lib/db/tenant-scope.ts';
import { AppError } from '@/lib/errors/app-error.ts';
import { authorizeRoomParticipant } from '@/lib/video/authorize-room-participant.ts';
import { assertSameOrigin, requireVideoViewer, SIGNAL_TICKET_HEADER } from '@/lib/video/http/video-request.ts';
import { verifyRoomTicket } from '@/lib/video/room-ticket.ts';
import { ZSignalMessage } from '@/lib/video/signal-message.ts';
import { appendSignal, latestSignalId, readSignalsAfter } from '@/lib/video/signal-store.ts';
import type { VideoViewer } from '@/lib/video/video-viewer.ts';

export const dynamic = 'force-dynamic';

const POLL_MS = 200;
const ROOM_CHECK_MS = 5_000;
const HEARTBEAT_MS = 15_000;

async function requireTicket(request: Request, roomId: string): Promise<VideoViewer> {
  const viewer = await requireVideoViewer();
  const ticket = verifyRoomTicket(request.headers.get(SIGNAL_TICKET_HEADER), 'signal');
  if (!ticket || ticket.roomId !== roomId || ticket.userId !== viewer.userId || ticket.tenantId !== viewer.tenantId) {
    throw new AppError('FORBIDDEN', 'You cannot enter this visit room');
  }
  return viewer;
}

async function isRoomOpen(viewer: VideoViewer, roomId: string): Promise<boolean> {
  const room = await withIdentityTenant(viewer.tenantId, (tx) => tx.videoRoom.findUnique({ where: { id: roomId }, select: { status: true } }));
  return room?.status === 'ready';
}

export async function GET(request: Request, { params }: { params: Promise<{ roomId: string }> }): Promise<Response> {
  try {
    const { roomId } = await params;
    const viewer = await requireTicket(request, roomId);
    await authorizeRoomParticipant(viewer, roomId);
    const after = z.coerce.bigint().nonnegative().safeParse(new URL(request.url).searchParams.get('after') ?? undefined);
    let cursor = after.success ? after.data : await latestSignalId(viewer.tenantId, roomId);
    const encoder = new TextEncoder();
    const stream = new ReadableStream<Uint8Array>({
      async start(controller) {
        const send = (data: unknown) => controller.enqueue(encoder.encode(`data: ${JSON.stringify(data)}\n\n`));
        let lastRoomCheck = Date.now();
        let lastBeat = Date.now();
        send({ kind: 'ready', cursor: cursor.toString() });
        try {
          while (!request.signal.aborted) {
            for (const signal of await readSignalsAfter(viewer.tenantId, roomId, viewer.userId, cursor)) {
              cursor = signal.id;
              send({ kind: 'signal', id: signal.id.toString(), message: signal.payload });
            }
            if (Date.now() - lastRoomCheck > ROOM_CHECK_MS) {
              lastRoomCheck = Date.now();
              if (!(await isRoomOpen(viewer, roomId))) {
                send({ kind: 'closed' });
                break;
              }
            }
            if (Date.now() - lastBeat > HEARTBEAT_MS) {
              lastBeat = Date.now();
              controller.enqueue(encoder.encode(': keep-alive\n\n'));
            }
            await new Promise((resolve) => setTimeout(resolve, POLL_MS));
          }
        } catch {
          // Client gone or database hiccup: end the stream; the page reconnects with its cursor.
        }
        try {
          controller.close();
        } catch {
          // already closed by the client
        }
      },
    });
    return new Response(stream, {
      headers: { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-store, no-transform', 'x-accel-buffering': 'no' },
    });
  } catch (error) {
    return errorToResponse(error);
  }
}

export async function POST(request: Request, { params }: { params: Promise<{ roomId: string }> }): Promise<Response> {
  try {
    assertSameOrigin(request);
    const { roomId } = await params;
    const viewer = await requireTicket(request, roomId);
    const message = parseOrThrow(ZSignalMessage, await request.json().catch(() => null), 'signal');
    if (!(await isRoomOpen(viewer, roomId))) {
      throw new AppError('FORBIDDEN', 'This visit room is closed');
    }
    if (!(await appendSignal(viewer.tenantId, roomId, viewer.userId, message))) {
      throw new AppError('RATE_LIMITED', 'Too many signaling messages');
    }
    return new Response(null, { status: 204 });
  } catch (error) {
    return errorToResponse(error);
  }
}
