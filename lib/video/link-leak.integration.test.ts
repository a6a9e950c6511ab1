/**
 * Links never leak: after a full built-in and Zoom flow (confirm event, provision, reveal, join,
 * cancel event, revoke), no link token, join URL or room URL appears in a dump of the core
 * database, in any recorded webhook body (events, delivery attempts, queued jobs), or in the
 * log lines written during the run. The identity database holds only hashes and sealed blobs.
 */
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startZoomStandin, ZOOM_STANDIN_DEFAULTS, type ZoomStandin } from '../../test/standins/zoom-standin.ts';
import { cancelAppointment } from '../core/appointments/cancel-appointment.ts';
import { confirmAppointment } from '../core/appointments/confirm-appointment.ts';
import { withCoreTenant, withIdentityTenant } from '../db/tenant-scope.ts';
import { logger } from '../log/logger.ts';
import { runProvisionVideoRoomJob } from '../../jobs/provision-video-room.ts';
import { revokeVideoRoomJob } from '../../jobs/revoke-video-room.ts';
import { consumeJoinLink } from './consume-join-link.ts';
import { revealJoinLink } from './reveal-join-link.ts';
import { saveVideoSettings } from './video-provider-settings.ts';
import { createVisitFixture } from './testing/visit-fixture.ts';
import { dumpDatabase, findSecrets } from './testing/scan-for-secrets.ts';

let zoom: ZoomStandin;
const logLines: string[] = [];
let restoreLog: () => void = () => {};

beforeAll(async () => {
  zoom = await startZoomStandin();
  process.env.ZOOM_OAUTH_BASE = zoom.url;
  process.env.ZOOM_API_BASE = zoom.url;
  // Tee the real logger's destination (not a mock: every line is still written).
  const stream = (logger as unknown as Record<symbol, { write(s: string): boolean }>)[pino.symbols.streamSym];
  if (!stream) {
    throw new Error('pino stream not found');
  }
  const write = stream.write.bind(stream);
  stream.write = (line: string) => {
    logLines.push(line);
    return write(line);
  };
  restoreLog = () => {
    stream.write = write;
  };
});

afterAll(async () => {
  restoreLog();
  await zoom?.close();
});

describe('join links and room URLs never leak', () => {
  it('are absent from the core dump, webhook bodies and logs', async () => {
    const secrets: string[] = [];
    // Built-in room.
    const rtc = await createVisitFixture('vleak');
    const a = await rtc.createAppointment({ status: 'pending' });
    await confirmAppointment(rtc.tenantId, a.id);
    await runProvisionVideoRoomJob({ tenantId: rtc.tenantId, appointmentId: a.id });
    for (const viewer of [
      { tenantId: rtc.tenantId, userId: rtc.patientUserId, role: 'patient' as const },
      { tenantId: rtc.tenantId, userId: rtc.clinicianUserId, role: 'clinician' as const },
    ]) {
      const link = await revealJoinLink(viewer, a.id);
      if (link.provider !== 'webrtc') {
        throw new Error('expected webrtc');
      }
      secrets.push(link.token, `/visit/${link.roomId}`);
      await consumeJoinLink(viewer, link.roomId, link.token);
    }
    // Zoom room.
    const zv = await createVisitFixture('vleakz');
    await withIdentityTenant(zv.tenantId, (tx) => saveVideoSettings(tx, zv.tenantId, { provider: 'zoom', credentials: { ...ZOOM_STANDIN_DEFAULTS } }));
    const b = await zv.createAppointment({ status: 'pending' });
    await confirmAppointment(zv.tenantId, b.id);
    await runProvisionVideoRoomJob({ tenantId: zv.tenantId, appointmentId: b.id });
    for (const viewer of [
      { tenantId: zv.tenantId, userId: zv.patientUserId, role: 'patient' as const },
      { tenantId: zv.tenantId, userId: zv.clinicianUserId, role: 'clinician' as const },
    ]) {
      const link = await revealJoinLink(viewer, b.id);
      if (link.provider === 'webrtc') {
        throw new Error('expected zoom');
      }
      secrets.push(link.url);
    }
    for (const meeting of zoom.meetings.values()) {
      secrets.push(String(meeting.response.password));
      for (const r of meeting.registrants.values()) {
        secrets.push(r.join_url);
      }
    }
    // Cancel both: events written, rooms revoked.
    await cancelAppointment(rtc.tenantId, a.id);
    await cancelAppointment(zv.tenantId, b.id);
    await revokeVideoRoomJob.handle({ tenantId: rtc.tenantId, appointmentId: a.id, reason: 'cancelled' }, { id: 't' });
    await revokeVideoRoomJob.handle({ tenantId: zv.tenantId, appointmentId: b.id, reason: 'cancelled' }, { id: 't' });

    expect(secrets.length).toBeGreaterThanOrEqual(7);
    const coreDump = await dumpDatabase(process.env.TEST_CORE_ADMIN_URL ?? '');
    const identityDump = await dumpDatabase(process.env.TEST_IDENTITY_ADMIN_URL ?? '');
    // The dumps are real: they contain the run's appointments and events.
    expect(coreDump.text).toContain(a.id);
    expect(coreDump.text).toContain('appointment.status.cancelled');
    const webhookBodies = await withCoreTenant(rtc.tenantId, async (tx) => {
      const events = await tx.event.findMany({ select: { payload: true } });
      const attempts = await tx.deliveryAttempt.findMany({ select: { responseBody: true } });
      return JSON.stringify([events, attempts]);
    });
    expect(webhookBodies).toContain('appointment.status.confirmed');
    expect(logLines.length).toBeGreaterThan(0);
    // Positive control: the scanner does find what is there.
    expect(findSecrets([a.id], { coreDump: coreDump.text })).toHaveLength(1);
    expect(findSecrets(secrets, { coreDump: coreDump.text, webhookBodies, logs: logLines.join('\n'), identityDump: identityDump.text })).toEqual([]);
  });
});
