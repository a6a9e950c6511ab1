/**
 * Single-use, per-participant join links: reveal (audited, revokes older ones), consume once,
 * refusal of reuse, of other users and after cancel; access to the room itself.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { withIdentityTenant } from '../db/tenant-scope.ts';
import { isAppError } from '../errors/app-error.ts';
import { authorizeRoomParticipant } from './authorize-room-participant.ts';
import { consumeJoinLink, LINK_REFUSED_MESSAGE } from './consume-join-link.ts';
import { hashLinkToken } from './link-token.ts';
import { provisionVideoRoom } from './provision-video-room.ts';
import { revealJoinLink } from './reveal-join-link.ts';
import { revokeVideoRoom } from './revoke-video-room.ts';
import { createVisitFixture, type VisitFixture } from './testing/visit-fixture.ts';

let f: VisitFixture;
const patient = () => ({ tenantId: f.tenantId, userId: f.patientUserId, role: 'patient' as const });
const clinician = () => ({ tenantId: f.tenantId, userId: f.clinicianUserId, role: 'clinician' as const });
const outsider = () => ({ tenantId: f.tenantId, userId: f.outsiderUserId, role: 'patient' as const });

async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return 'ok';
  } catch (error) {
    return isAppError(error) ? error.code : `unexpected ${(error as Error).message}`;
  }
}

async function readyVisit(): Promise<{ appointmentId: string; roomId: string }> {
  const appt = await f.createAppointment();
  const result = await provisionVideoRoom({ tenantId: f.tenantId, appointmentId: appt.id });
  if (!('roomId' in result) || !result.roomId) {
    throw new Error('not provisioned');
  }
  return { appointmentId: appt.id, roomId: result.roomId };
}

beforeAll(async () => {
  f = await createVisitFixture('vlink');
});

describe('join links', () => {
  it('each participant gets their own token; only its hash is stored; the reveal is audited', async () => {
    const { appointmentId, roomId } = await readyVisit();
    const p = await revealJoinLink(patient(), appointmentId);
    const c = await revealJoinLink(clinician(), appointmentId);
    if (p.provider !== 'webrtc' || c.provider !== 'webrtc') {
      throw new Error('expected webrtc');
    }
    expect(p.roomId).toBe(roomId);
    expect(p.token).not.toBe(c.token);
    expect(Buffer.from(p.token.slice(4), 'base64url').length).toBeGreaterThanOrEqual(16);
    const links = await withIdentityTenant(f.tenantId, (tx) => tx.videoLink.findMany({ where: { roomId } }));
    expect(links).toHaveLength(2);
    expect(links.map((l) => l.tokenHash).sort()).toEqual([hashLinkToken(p.token), hashLinkToken(c.token)].sort());
    expect(JSON.stringify(links)).not.toContain(p.token);
    const audits = await withIdentityTenant(f.tenantId, (tx) => tx.auditEvent.findMany({ where: { action: 'video.link_revealed', targetId: roomId } }));
    expect(audits).toHaveLength(2);
    expect(JSON.stringify(audits.map((a) => a.metadata))).not.toContain(p.token);
  });

  it('the first join consumes the link; reuse, other users and stale reveals are refused', async () => {
    const { appointmentId, roomId } = await readyVisit();
    const first = await revealJoinLink(patient(), appointmentId);
    const second = await revealJoinLink(patient(), appointmentId);
    if (first.provider !== 'webrtc' || second.provider !== 'webrtc') {
      throw new Error('expected webrtc');
    }
    // Revealing again revoked the first, unconsumed token.
    expect(await codeOf(consumeJoinLink(patient(), roomId, first.token))).toBe('FORBIDDEN');
    // Someone else presenting the patient's token is refused (bound to the user).
    expect(await codeOf(consumeJoinLink(outsider(), roomId, second.token))).toBe('FORBIDDEN');
    expect(await codeOf(consumeJoinLink(clinician(), roomId, second.token))).toBe('FORBIDDEN');
    const joined = await consumeJoinLink(patient(), roomId, second.token);
    expect(joined.roomId).toBe(roomId);
    // Reuse of a consumed link.
    await expect(consumeJoinLink(patient(), roomId, second.token)).rejects.toThrow(LINK_REFUSED_MESSAGE);
    // Concurrent double-use of a fresh token: exactly one success.
    const third = await revealJoinLink(patient(), appointmentId);
    if (third.provider !== 'webrtc') {
      throw new Error('expected webrtc');
    }
    const codes = await Promise.all([1, 2, 3, 4].map(() => codeOf(consumeJoinLink(patient(), roomId, third.token))));
    expect(codes.filter((c) => c === 'ok')).toHaveLength(1);
  });

  it('a third user can neither reveal a link nor enter the room', async () => {
    const { appointmentId, roomId } = await readyVisit();
    expect(await codeOf(revealJoinLink(outsider(), appointmentId))).toBe('NOT_FOUND');
    expect(await codeOf(authorizeRoomParticipant(outsider(), roomId))).toBe('FORBIDDEN');
    expect((await authorizeRoomParticipant(patient(), roomId)).role).toBe('patient');
    expect((await authorizeRoomParticipant(clinician(), roomId)).role).toBe('clinician');
    // A role claim that does not match the visit is refused too.
    expect(await codeOf(revealJoinLink({ ...clinician(), role: 'patient' }, appointmentId))).toBe('NOT_FOUND');
  });

  it('links open N minutes before the visit, not earlier', async () => {
    const appt = await f.createAppointment({ startsInMinutes: 60 * 24 * 5 });
    await provisionVideoRoom({ tenantId: f.tenantId, appointmentId: appt.id });
    expect(await codeOf(revealJoinLink(patient(), appt.id))).toBe('UNPROCESSABLE');
    const late = new Date(appt.endsAt.getTime() + 2 * 3600_000);
    expect(await codeOf(revealJoinLink(patient(), appt.id, { now: late }))).toBe('UNPROCESSABLE');
  });

  it('cancel revokes every link and closes the room', async () => {
    const { appointmentId, roomId } = await readyVisit();
    const link = await revealJoinLink(clinician(), appointmentId);
    if (link.provider !== 'webrtc') {
      throw new Error('expected webrtc');
    }
    await f.setAppointment(appointmentId, { status: 'cancelled' });
    const revoked = await revokeVideoRoom({ tenantId: f.tenantId, appointmentId, reason: 'cancelled' });
    expect(revoked).toEqual({ roomId, revokedLinks: 1 });
    expect(await codeOf(consumeJoinLink(clinician(), roomId, link.token))).toBe('FORBIDDEN');
    expect(await codeOf(authorizeRoomParticipant(clinician(), roomId))).toBe('FORBIDDEN');
    expect(await codeOf(revealJoinLink(clinician(), appointmentId))).toBe('CONFLICT');
  });

  it('a room still being prepared answers UNAVAILABLE, not a broken link', async () => {
    const appt = await f.createAppointment();
    expect(await codeOf(revealJoinLink(patient(), appt.id))).toBe('UNAVAILABLE');
  });
});
