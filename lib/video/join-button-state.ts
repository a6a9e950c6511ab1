/**
 * What the "Join visit" button of one appointment should show to the signed-in viewer.
 */
import { getConfig } from '../config.ts';
import { withIdentityTenant } from '../db/tenant-scope.ts';
import { computeJoinWindow } from './join-window.ts';
import { loadVisitParticipants, participantRole } from './load-visit-participants.ts';
import type { VideoViewer } from './video-viewer.ts';

export type JoinButtonState =
  | { kind: 'hidden' }
  | { kind: 'opens_later'; opensAt: Date }
  | { kind: 'preparing' }
  | { kind: 'unavailable' }
  | { kind: 'ready'; provider: string };

/** Hidden unless the viewer is a participant of a confirmed visit whose window has not ended. */
export async function loadJoinButtonState(viewer: VideoViewer, appointmentId: string, now = new Date()): Promise<JoinButtonState> {
  const visit = await loadVisitParticipants(viewer.tenantId, appointmentId);
  if (!visit || participantRole(visit, viewer.userId) === null || visit.appointment.status !== 'confirmed') {
    return { kind: 'hidden' };
  }
  const window = computeJoinWindow(visit.appointment.startsAt, visit.appointment.endsAt, getConfig().VIDEO_JOIN_EARLY_MINUTES);
  if (now >= window.validUntil) {
    return { kind: 'hidden' };
  }
  if (now < window.validFrom) {
    return { kind: 'opens_later', opensAt: window.validFrom };
  }
  const room = await withIdentityTenant(viewer.tenantId, (tx) =>
    tx.videoRoom.findUnique({ where: { appointmentId }, select: { status: true, provider: true } }),
  );
  if (!room || room.status === 'provisioning') {
    return { kind: 'preparing' };
  }
  if (room.status !== 'ready') {
    return { kind: 'unavailable' };
  }
  return { kind: 'ready', provider: room.provider };
}
