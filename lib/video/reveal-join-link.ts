/**
 * Reveals a participant's join link, only to the signed-in patient or clinician of that visit.
 * Built-in rooms: mints a fresh single-use token (older unconsumed ones of that user are revoked),
 * stores only its hash and returns the token to the caller, which posts it to /api/visit/<room>/join.
 * Vendor rooms: returns that participant's own vendor URL. Every reveal is audited; the token or
 * URL itself is never written anywhere.
 */
import { recordAudit } from '../audit/record-audit.ts';
import type { RequestMeta } from '../audit/request-meta.ts';
import { getConfig } from '../config.ts';
import { withIdentityTenant } from '../db/tenant-scope.ts';
import { AppError } from '../errors/app-error.ts';
import { computeJoinWindow, isInJoinWindow } from './join-window.ts';
import { hashLinkToken, mintLinkToken } from './link-token.ts';
import { loadVisitParticipants, participantRole } from './load-visit-participants.ts';
import { openRoomDetails } from './room-details.ts';
import { loadTenantVideoProvider } from './video-provider-settings.ts';
import type { VideoViewer } from './video-viewer.ts';
import { ZoomProvider } from './providers/zoom-provider.ts';

export type RevealedJoinLink =
  | { provider: 'webrtc'; roomId: string; token: string; validUntil: Date }
  | { provider: 'zoom' | 'teams'; url: string };

export interface RevealOptions {
  now?: Date;
  /** Request IP/UA for the audit entry (read from headers() when omitted). */
  request?: RequestMeta;
}

/**
 * @throws AppError NOT_FOUND (not this user's visit), CONFLICT (not confirmed), UNPROCESSABLE
 * (outside the join window), UNAVAILABLE (room still being prepared or failed)
 */
export async function revealJoinLink(viewer: VideoViewer, appointmentId: string, options: RevealOptions = {}): Promise<RevealedJoinLink> {
  const now = options.now ?? new Date();
  const visit = await loadVisitParticipants(viewer.tenantId, appointmentId);
  const role = visit ? participantRole(visit, viewer.userId) : null;
  // Another user's visit is indistinguishable from a missing one (no IDOR oracle).
  if (!visit || role === null || role !== viewer.role) {
    throw new AppError('NOT_FOUND', 'Visit not found');
  }
  if (visit.appointment.status !== 'confirmed') {
    throw new AppError('CONFLICT', 'This visit is not confirmed', { reason: 'not_confirmed' });
  }
  const window = computeJoinWindow(visit.appointment.startsAt, visit.appointment.endsAt, getConfig().VIDEO_JOIN_EARLY_MINUTES);
  if (!isInJoinWindow(window, now)) {
    const early = now < window.validFrom;
    throw new AppError('UNPROCESSABLE', early ? 'The visit room opens shortly before the visit' : 'This visit has ended', { reason: early ? 'too_early' : 'ended' });
  }
  const revealed = await withIdentityTenant(viewer.tenantId, async (tx) => {
    const room = await tx.videoRoom.findUnique({ where: { appointmentId } });
    if (!room || room.status !== 'ready') {
      throw new AppError('UNAVAILABLE', 'The visit room is being prepared; try again in a moment', { reason: 'room_not_ready' });
    }
    const audit = async (provider: string, linkId?: string) =>
      recordAudit(tx, {
        tenantId: viewer.tenantId,
        actorUserId: viewer.userId,
        actorRole: viewer.role,
        action: 'video.link_revealed',
        targetType: 'video_room',
        targetId: room.id,
        metadata: { appointmentId, provider, linkId: linkId ?? null },
        request: options.request,
      });
    if (room.provider === 'webrtc') {
      await tx.videoLink.updateMany({
        where: { roomId: room.id, userId: viewer.userId, consumedAt: null, revokedAt: null },
        data: { revokedAt: now },
      });
      const token = mintLinkToken();
      const link = await tx.videoLink.create({
        data: { tenantId: viewer.tenantId, roomId: room.id, userId: viewer.userId, tokenHash: hashLinkToken(token), validFrom: window.validFrom, validUntil: window.validUntil },
        select: { id: true },
      });
      await audit('webrtc', link.id);
      return { provider: 'webrtc', roomId: room.id, token, validUntil: window.validUntil } as const;
    }
    if (!room.detailsEnc || !room.externalId) {
      throw new AppError('UNAVAILABLE', 'The visit room is being prepared; try again in a moment', { reason: 'room_not_ready' });
    }
    const details = openRoomDetails(room.id, room.detailsEnc);
    let url = details.joinUrls[viewer.userId];
    if (role === 'clinician' && room.provider === 'zoom') {
      // Zoom's host link expires about two hours after issue: fetch a fresh one at reveal time.
      const provider = await loadTenantVideoProvider(tx, viewer.tenantId);
      if (provider instanceof ZoomProvider) {
        url = await provider.getHostUrl(room.externalId);
      }
    }
    if (!url) {
      throw new AppError('UNAVAILABLE', 'No join link exists for you in this room', { reason: 'no_participant_link' });
    }
    await audit(room.provider);
    return { provider: room.provider === 'teams' ? 'teams' : 'zoom', url } as const;
  });
  return revealed;
}
