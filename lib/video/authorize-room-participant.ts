/**
 * Who may be in a built-in room right now: the visit's own patient or clinician, while the room
 * is ready and the join window is open. Checked on the room page and on every signaling call.
 */
import { getConfig } from '../config.ts';
import { withIdentityTenant } from '../db/tenant-scope.ts';
import { AppError } from '../errors/app-error.ts';
import { computeJoinWindow, isInJoinWindow } from './join-window.ts';
import { loadVisitParticipants, participantRole } from './load-visit-participants.ts';
import type { VideoViewer } from './video-viewer.ts';

export interface RoomParticipant {
  roomId: string;
  appointmentId: string;
  role: 'patient' | 'clinician';
  startsAt: Date;
  endsAt: Date;
}

const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** @throws AppError FORBIDDEN for anyone else, or when the room is closed or outside its window */
export async function authorizeRoomParticipant(viewer: VideoViewer, roomId: string, now = new Date()): Promise<RoomParticipant> {
  const refuse = () => new AppError('FORBIDDEN', 'You cannot enter this visit room');
  if (!UUID_RE.test(roomId)) {
    throw refuse();
  }
  const room = await withIdentityTenant(viewer.tenantId, (tx) =>
    tx.videoRoom.findFirst({ where: { id: roomId, tenantId: viewer.tenantId }, select: { id: true, appointmentId: true, status: true, provider: true } }),
  );
  if (!room || room.status !== 'ready' || room.provider !== 'webrtc') {
    throw refuse();
  }
  const visit = await loadVisitParticipants(viewer.tenantId, room.appointmentId);
  const role = visit ? participantRole(visit, viewer.userId) : null;
  if (!visit || role === null || role !== viewer.role || visit.appointment.status !== 'confirmed') {
    throw refuse();
  }
  const window = computeJoinWindow(visit.appointment.startsAt, visit.appointment.endsAt, getConfig().VIDEO_JOIN_EARLY_MINUTES);
  if (!isInJoinWindow(window, now)) {
    throw refuse();
  }
  return { roomId: room.id, appointmentId: room.appointmentId, role, startsAt: visit.appointment.startsAt, endsAt: visit.appointment.endsAt };
}
