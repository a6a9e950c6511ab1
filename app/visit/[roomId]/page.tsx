/**
 * /visit/<roomId>: the built-in video room. Only the visit's own patient or clinician, signed in,
 * arriving with the entry cookie that POST /api/visit/<roomId>/join set after consuming their
 * single-use link. Everyone else (a third signed-in user, a reload after the link was used, a
 * closed room) gets a refusal that points back to the dashboard.
 */
import type { Metadata } from 'next';
import { cookies } from 'next/headers';
import { requireSession } from '@/lib/auth/session.ts';
import { getConfig } from '@/lib/config.ts';
import { isAppError } from '@/lib/errors/app-error.ts';
import { authorizeRoomParticipant } from '@/lib/video/authorize-room-participant.ts';
import { parseIceServers } from '@/lib/video/ice-servers.ts';
import { roomEntryCookieName, verifyRoomTicket } from '@/lib/video/room-ticket.ts';
import { Alert } from '@/components/ui/alert.tsx';
import { LinkButton } from '@/components/ui/link-button.tsx';
import { VisitRoom } from '@/components/video/visit-room.tsx';

export const metadata: Metadata = { title: 'Visit room' };

export default async function VisitRoomPage({ params }: { params: Promise<{ roomId: string }> }) {
  const session = await requireSession({ roles: ['patient', 'clinician'] });
  const { roomId } = await params;
  const viewer = { tenantId: session.tenantId, userId: session.userId, role: session.role };
  const home = session.role === 'clinician' ? '/clinician' : '/patient';
  let role: 'patient' | 'clinician';
  try {
    role = (await authorizeRoomParticipant(viewer, roomId)).role;
  } catch (error) {
    if (!isAppError(error)) {
      throw error;
    }
    return <Refused home={home} message="You cannot enter this visit room." />;
  }
  const entry = verifyRoomTicket((await cookies()).get(roomEntryCookieName())?.value, 'entry');
  if (!entry || entry.roomId !== roomId || entry.userId !== viewer.userId || entry.tenantId !== viewer.tenantId) {
    return <Refused home={home} message={'Your join link was already used or has expired. Choose "Join visit" on your dashboard for a fresh one.'} />;
  }
  return (
    <main id="main" className="mx-auto w-full max-w-6xl flex-1 px-4 py-6 sm:px-6">
      <h1 className="sr-only">Visit room</h1>
      <VisitRoom roomId={roomId} role={role} iceServers={parseIceServers(getConfig().VIDEO_ICE_SERVERS)} homeHref={home} />
    </main>
  );
}

function Refused({ home, message }: { home: string; message: string }) {
  return (
    <main id="main" className="mx-auto w-full max-w-xl flex-1 px-4 py-10 sm:px-6">
      <h1 className="mb-4 text-2xl font-semibold text-ink">Visit room</h1>
      <div data-testid="visit-refused">
        <Alert variant="error" title="Access refused">
          {message}
        </Alert>
      </div>
      <LinkButton href={home} className="mt-6" variant="secondary">
        Back to your dashboard
      </LinkButton>
    </main>
  );
}
