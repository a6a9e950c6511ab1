/**
 * Provisioning against real PostgreSQL and the Zoom stand-in: idempotency under redelivery and
 * concurrency, retry/final-failure policy with alerts, reschedule and revoke.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startZoomStandin, ZOOM_STANDIN_DEFAULTS, type ZoomStandin } from '../../test/standins/zoom-standin.ts';
import { startGenericStandin } from '../../test/standins/generic-standin.ts';
import type { AlertStandin } from '../../test/standins/alert-standin-server.ts';
import { withCoreTenant, withIdentityTenant } from '../db/tenant-scope.ts';
import { runProvisionVideoRoomJob, videoDeadLetterJob } from '../../jobs/provision-video-room.ts';
import { revokeVideoRoomJob } from '../../jobs/revoke-video-room.ts';
import { provisionVideoRoom } from './provision-video-room.ts';
import { revokeVideoRoom } from './revoke-video-room.ts';
import { saveVideoSettings } from './video-provider-settings.ts';
import { createVisitFixture, type VisitFixture } from './testing/visit-fixture.ts';

let zoom: ZoomStandin;
let alerts: AlertStandin;
let webrtcVisit: VisitFixture;
let zoomVisit: VisitFixture;

const createCalls = () => zoom.received.filter((r) => r.method === 'POST' && /\/v2\/users\/[^/]+\/meetings$/.test(r.path)).length;
const roomOf = (tenantId: string, appointmentId: string) =>
  withIdentityTenant(tenantId, (tx) => tx.videoRoom.findUnique({ where: { appointmentId } }));

beforeAll(async () => {
  zoom = await startZoomStandin();
  alerts = await startGenericStandin();
  // Read by getConfig() on first use, which happens after this point in this test process.
  process.env.ZOOM_OAUTH_BASE = zoom.url;
  process.env.ZOOM_API_BASE = zoom.url;
  process.env.ALERT_WEBHOOK_URL = alerts.url;
  webrtcVisit = await createVisitFixture('vrtc');
  zoomVisit = await createVisitFixture('vzoom');
  await withIdentityTenant(zoomVisit.tenantId, (tx) =>
    saveVideoSettings(tx, zoomVisit.tenantId, {
      provider: 'zoom',
      credentials: { accountId: ZOOM_STANDIN_DEFAULTS.accountId, clientId: ZOOM_STANDIN_DEFAULTS.clientId, clientSecret: ZOOM_STANDIN_DEFAULTS.clientSecret, hostUserId: ZOOM_STANDIN_DEFAULTS.hostUserId },
    }),
  );
});

afterAll(async () => {
  await zoom?.close();
  await alerts?.close();
});

describe('built-in WebRTC provisioning', () => {
  it('creates one room per appointment, however often and concurrently it runs', async () => {
    const appt = await webrtcVisit.createAppointment();
    const input = { tenantId: webrtcVisit.tenantId, appointmentId: appt.id };
    const results = await Promise.all(Array.from({ length: 6 }, () => provisionVideoRoom(input)));
    const outcomes = results.map((r) => r.outcome).sort();
    expect(outcomes).toEqual(['created', 'reused', 'reused', 'reused', 'reused', 'reused']);
    const roomIds = new Set(results.map((r) => ('roomId' in r ? r.roomId : undefined)));
    expect(roomIds.size).toBe(1);
    const room = await roomOf(webrtcVisit.tenantId, appt.id);
    expect(room).toMatchObject({ provider: 'webrtc', status: 'ready', detailsEnc: null });
    expect(room?.externalId).toMatch(/^rtc_/);
    const count = await withIdentityTenant(webrtcVisit.tenantId, (tx) => tx.videoRoom.count({ where: { appointmentId: appt.id } }));
    expect(count).toBe(1);
  });

  it('skips appointments that are not confirmed or do not exist', async () => {
    const pending = await webrtcVisit.createAppointment({ status: 'pending' });
    expect(await provisionVideoRoom({ tenantId: webrtcVisit.tenantId, appointmentId: pending.id })).toEqual({ outcome: 'skipped', reason: 'not_confirmed' });
    expect(await roomOf(webrtcVisit.tenantId, pending.id)).toBeNull();
    const missing = await provisionVideoRoom({ tenantId: webrtcVisit.tenantId, appointmentId: '00000000-0000-4000-8000-000000000000' });
    expect(missing).toEqual({ outcome: 'skipped', reason: 'appointment_not_found' });
  });

  it('a revoke that overtakes provisioning leaves a tombstone, so the late job creates nothing', async () => {
    const appt = await webrtcVisit.createAppointment();
    await revokeVideoRoom({ tenantId: webrtcVisit.tenantId, appointmentId: appt.id, reason: 'cancelled' });
    const result = await provisionVideoRoom({ tenantId: webrtcVisit.tenantId, appointmentId: appt.id });
    expect(result).toMatchObject({ outcome: 'skipped', reason: 'room_closed' });
    expect((await roomOf(webrtcVisit.tenantId, appt.id))?.externalId).toBeNull();
  });
});

describe('Zoom provisioning (stand-in)', () => {
  it('a redelivered confirmation and concurrent jobs create exactly one meeting', async () => {
    const appt = await zoomVisit.createAppointment({ startsInMinutes: 60 * 24 });
    const before = createCalls();
    const job = { tenantId: zoomVisit.tenantId, appointmentId: appt.id };
    // Two workers at once, then the redelivered event's job.
    await Promise.all([runProvisionVideoRoomJob(job), runProvisionVideoRoomJob(job)]);
    await runProvisionVideoRoomJob(job);
    expect(createCalls() - before).toBe(1);
    const room = await roomOf(zoomVisit.tenantId, appt.id);
    expect(room).toMatchObject({ provider: 'zoom', status: 'ready' });
    expect(zoom.meetings.has(room?.externalId ?? '')).toBe(true);
    // Vendor secrets are sealed, never stored in clear.
    expect(room?.detailsEnc).toMatch(/^sb1\./);
    const meeting = zoom.meetings.get(room?.externalId ?? '');
    expect(meeting?.registrants.size).toBe(2);
    for (const email of meeting?.registrants.keys() ?? []) {
      expect(email).toMatch(/@video\.periodic\.invalid$/);
    }
    expect(meeting?.response.topic).toBe('Telehealth visit');
  });

  it('a reschedule replaces the meeting; a cancel deletes it and closes the room', async () => {
    const appt = await zoomVisit.createAppointment({ startsInMinutes: 60 * 48 });
    const input = { tenantId: zoomVisit.tenantId, appointmentId: appt.id };
    await provisionVideoRoom(input);
    const first = (await roomOf(zoomVisit.tenantId, appt.id))?.externalId ?? '';
    const moved = new Date(appt.startsAt.getTime() + 3 * 3600_000);
    await zoomVisit.setAppointment(appt.id, { startsAt: moved, endsAt: new Date(moved.getTime() + 30 * 60_000) });
    expect(await provisionVideoRoom(input)).toMatchObject({ outcome: 'reprovisioned' });
    const second = await roomOf(zoomVisit.tenantId, appt.id);
    expect(second?.externalId).not.toBe(first);
    expect(zoom.meetings.has(first)).toBe(false);
    expect(second?.startsAt.getTime()).toBe(moved.getTime());

    await zoomVisit.setAppointment(appt.id, { status: 'cancelled' });
    await revokeVideoRoomJob.handle({ ...input, reason: 'cancelled' }, { id: 'test' });
    const closed = await roomOf(zoomVisit.tenantId, appt.id);
    expect(closed).toMatchObject({ status: 'closed', detailsEnc: null });
    expect(zoom.meetings.has(second?.externalId ?? '')).toBe(false);
    // Idempotent: a redelivered cancel is harmless.
    await revokeVideoRoomJob.handle({ ...input, reason: 'cancelled' }, { id: 'test' });
  });

  it('retries vendor outages, then marks the room failed and alerts once retries run out', async () => {
    const appt = await zoomVisit.createAppointment({ startsInMinutes: 60 * 72 });
    const job = { tenantId: zoomVisit.tenantId, appointmentId: appt.id };
    zoom.failNext(2, 503);
    await expect(runProvisionVideoRoomJob(job)).rejects.toThrow(/zoom server 503/);
    const retrying = await roomOf(zoomVisit.tenantId, appt.id);
    expect(retrying).toMatchObject({ status: 'provisioning', lastError: expect.stringMatching(/^zoom server 503/) });
    // pg-boss gives up → the dead-letter handler runs.
    const alertsBefore = alerts.received.length;
    await videoDeadLetterJob.handle(job, { id: 'test' });
    expect(await roomOf(zoomVisit.tenantId, appt.id)).toMatchObject({ status: 'failed', lastError: expect.stringMatching(/^zoom server 503/) });
    expect(alerts.received.length).toBe(alertsBefore + 1);
    const body = JSON.stringify(alerts.received.at(-1)?.body);
    expect(body).toContain('provisioning_failed');
    expect(body).toContain(appt.id);
    const recorded = await withCoreTenant(zoomVisit.tenantId, (tx) => tx.alert.findMany({ where: { kind: 'provisioning_failed' } }));
    expect(recorded.some((a) => a.incidentKey.includes(appt.id))).toBe(true);
    // A later successful attempt (e.g. an admin re-run) recovers the room.
    zoom.failNext(0, 503);
    await runProvisionVideoRoomJob(job);
    expect(await roomOf(zoomVisit.tenantId, appt.id)).toMatchObject({ status: 'ready', lastError: null });
  });

  it('treats rejected credentials as final at once (no retry can fix them)', async () => {
    const visit = await createVisitFixture('vzbad');
    await withIdentityTenant(visit.tenantId, (tx) =>
      saveVideoSettings(tx, visit.tenantId, {
        provider: 'zoom',
        credentials: { accountId: ZOOM_STANDIN_DEFAULTS.accountId, clientId: 'wrong', clientSecret: 'wrong', hostUserId: ZOOM_STANDIN_DEFAULTS.hostUserId },
      }),
    );
    const appt = await visit.createAppointment({ startsInMinutes: 60 * 24 });
    const alertsBefore = alerts.received.length;
    await expect(runProvisionVideoRoomJob({ tenantId: visit.tenantId, appointmentId: appt.id })).resolves.toBeUndefined();
    expect(await roomOf(visit.tenantId, appt.id)).toMatchObject({ status: 'failed', lastError: expect.stringMatching(/^zoom auth 401/) });
    expect(alerts.received.length).toBe(alertsBefore + 1);
  });
});
