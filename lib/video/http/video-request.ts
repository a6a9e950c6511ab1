/**
 * Shared checks of the video route handlers: the caller is a signed-in patient or clinician (the
 * session is re-validated on every request), and state-changing requests come from our own pages.
 */
import { requireSession } from '../../auth/session.ts';
import { AppError } from '../../errors/app-error.ts';
import type { VideoViewer } from '../video-viewer.ts';

/** Header carrying the in-memory signal ticket of the room page. */
export const SIGNAL_TICKET_HEADER = 'x-room-ticket';

/** The signed-in participant-capable user. @throws AppError UNAUTHORIZED / FORBIDDEN */
export async function requireVideoViewer(): Promise<VideoViewer> {
  const session = await requireSession({ roles: ['patient', 'clinician'], mode: 'api' });
  return { tenantId: session.tenantId, userId: session.userId, role: session.role };
}

/**
 * Refuses cross-site POSTs (defence in depth next to SameSite cookies): browsers send Origin on
 * every POST, so a mismatch means another site's page made the request.
 */
export function assertSameOrigin(request: Request): void {
  const origin = request.headers.get('origin');
  if (origin === null) {
    return;
  }
  const host = request.headers.get('x-forwarded-host') ?? request.headers.get('host');
  let originHost: string;
  try {
    originHost = new URL(origin).host;
  } catch {
    throw new AppError('FORBIDDEN', 'Cross-site request refused');
  }
  if (host === null || originHost !== host) {
    throw new AppError('FORBIDDEN', 'Cross-site request refused');
  }
}
