/**
 * Checklist 3: each visit gets its own room (one, however often provisioning runs), each join
 * link works once, only for its participant, and nothing works after a cancel. Links expire with
 * the visit (end + grace): no permanent URL.
 */
import type { Drill } from '../drill.ts';
import { collectLinkToken } from '../leak-collector.ts';

async function refused(fn: () => Promise<unknown>): Promise<boolean> {
  try {
    await fn();
    return false;
  } catch {
    return true;
  }
}

export const singleUseRoomsDrill: Drill = {
  id: 'single-use-rooms',
  title: 'Rooms unique per visit; join links single-use, per participant, revoked on cancel, expiring with the visit',
  checklist: 3,
  async run({ profile }) {
    const { createVisitFixture } = await import('../../../lib/video/testing/visit-fixture.ts');
    const { provisionVideoRoom } = await import('../../../lib/video/provision-video-room.ts');
    const { revokeVideoRoom } = await import('../../../lib/video/revoke-video-room.ts');
    const { revealJoinLink } = await import('../../../lib/video/reveal-join-link.ts');
    const { consumeJoinLink } = await import('../../../lib/video/consume-join-link.ts');
    const request = { ip: '127.0.0.1', userAgent: 'periodic-verify' };
    const f = await createVisitFixture('verify-video');
    const patient = { tenantId: f.tenantId, userId: f.patientUserId, role: 'patient' as const };
    const clinician = { tenantId: f.tenantId, userId: f.clinicianUserId, role: 'clinician' as const };
    const outsider = { tenantId: f.tenantId, userId: f.outsiderUserId, role: 'patient' as const };

    const visits = profile === 'full' ? 10 : 3;
    const roomIds = new Set<string>();
    let duplicateProvisions = 0;
    for (let i = 0; i < visits; i += 1) {
      const appt = await f.createAppointment();
      const outcomes = await Promise.all([0, 1, 2].map(() => provisionVideoRoom({ tenantId: f.tenantId, appointmentId: appt.id })));
      const ids = new Set(outcomes.map((o) => o.roomId).filter(Boolean));
      duplicateProvisions += ids.size - 1;
      for (const id of ids) {
        roomIds.add(id!);
      }
    }
    const appt = await f.createAppointment();
    const room = await provisionVideoRoom({ tenantId: f.tenantId, appointmentId: appt.id });
    // Act a minute before the visit starts: inside the join window however many visits came first.
    const at = { request, now: new Date(appt.startsAt.getTime() - 60_000) };
    const link = await revealJoinLink(patient, appt.id, at);
    if (link.provider !== 'webrtc') {
      return { ok: false, figure: 'expected the built-in provider', evidence: { provider: link.provider } };
    }
    const firstJoin = !(await refused(() => consumeJoinLink(patient, link.roomId, link.token, at)));
    const reuseRefused = await refused(() => consumeJoinLink(patient, link.roomId, link.token, at));
    const clinicianLink = await revealJoinLink(clinician, appt.id, at);
    const stolenRefused = clinicianLink.provider === 'webrtc' && (await refused(() => consumeJoinLink(outsider, clinicianLink.roomId, clinicianLink.token, at)));
    const outsiderRevealRefused = await refused(() => revealJoinLink(outsider, appt.id, at));
    const fresh = await revealJoinLink(patient, appt.id, at);
    // The final leak scan looks for every token revealed here: consumed, stolen and revoked alike.
    for (const revealed of [link, clinicianLink, fresh]) {
      if (revealed.provider === 'webrtc') {
        collectLinkToken(revealed.token);
      }
    }
    await revokeVideoRoom({ tenantId: f.tenantId, appointmentId: appt.id, reason: 'cancelled' });
    const afterCancelRefused = fresh.provider === 'webrtc' && (await refused(() => consumeJoinLink(patient, fresh.roomId, fresh.token, at)));
    const expiresWithVisit = link.validUntil.getTime() > appt.endsAt.getTime() && link.validUntil.getTime() - appt.endsAt.getTime() <= 2 * 3600_000;
    const ok = roomIds.size === visits && duplicateProvisions === 0 && firstJoin && reuseRefused && stolenRefused && outsiderRevealRefused && afterCancelRefused && expiresWithVisit && 'roomId' in room;
    return {
      ok,
      figure: `${visits} visits × 3 concurrent provisions → ${roomIds.size} rooms; reuse, stolen link, outsider and post-cancel joins refused`,
      evidence: { visits, distinctRooms: roomIds.size, duplicateProvisions, firstJoin, reuseRefused, stolenLinkRefused: stolenRefused, outsiderRevealRefused, afterCancelRefused, linkValidMinutesAfterEnd: Math.round((link.validUntil.getTime() - appt.endsAt.getTime()) / 60_000) },
    };
  },
};
