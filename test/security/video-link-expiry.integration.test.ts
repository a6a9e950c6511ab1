/**
 * Expired join links: a link revealed inside the join window and never used is refused once its
 * visit is over (valid_until = end + grace), and a room's links are never permanent. Consumed and
 * revoked links are probed in lib/video/join-link.integration.test.ts and e2e/video/visit.spec.ts.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { isAppError } from '../../lib/errors/app-error.ts';
import { consumeJoinLink } from '../../lib/video/consume-join-link.ts';
import { provisionVideoRoom } from '../../lib/video/provision-video-room.ts';
import { revealJoinLink } from '../../lib/video/reveal-join-link.ts';
import { createVisitFixture, type VisitFixture } from '../../lib/video/testing/visit-fixture.ts';

let f: VisitFixture;
const patient = () => ({ tenantId: f.tenantId, userId: f.patientUserId, role: 'patient' as const });

async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return 'ok';
  } catch (error) {
    return isAppError(error) ? error.code : `unexpected ${(error as Error).message}`;
  }
}

beforeAll(async () => {
  f = await createVisitFixture('vexpiry');
});

describe('expired join links', () => {
  it('a link revealed before the visit is refused after it expires, and works just before', async () => {
    const appt = await f.createAppointment({ startsInMinutes: 60 * 24 * 3 });
    await provisionVideoRoom({ tenantId: f.tenantId, appointmentId: appt.id });
    const beforeStart = { now: new Date(appt.startsAt.getTime() - 60_000) };
    const stale = await revealJoinLink(patient(), appt.id, beforeStart);
    if (stale.provider !== 'webrtc') {
      throw new Error('expected the built-in provider');
    }
    // Never permanent: valid from shortly before the visit until a bounded grace after its end.
    expect(stale.validUntil.getTime()).toBeGreaterThan(appt.endsAt.getTime());
    expect(stale.validUntil.getTime() - appt.endsAt.getTime()).toBeLessThanOrEqual(2 * 3600_000);
    expect(await codeOf(consumeJoinLink(patient(), stale.roomId, stale.token, { now: new Date(stale.validUntil.getTime() + 1000) }))).toBe('FORBIDDEN');
    expect(await codeOf(consumeJoinLink(patient(), stale.roomId, stale.token, { now: new Date(appt.endsAt.getTime() + 24 * 3600_000) }))).toBe('FORBIDDEN');

    // Control: a fresh link of the same visit, used a second before it expires, opens the room.
    const fresh = await revealJoinLink(patient(), appt.id, beforeStart);
    if (fresh.provider !== 'webrtc') {
      throw new Error('expected the built-in provider');
    }
    expect(await codeOf(consumeJoinLink(patient(), fresh.roomId, fresh.token, { now: new Date(fresh.validUntil.getTime() - 1000) }))).toBe('ok');
  });
});
