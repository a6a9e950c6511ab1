/**
 * Video provisioning latency for the built-in provider, next to a bare INSERT of a room row on the
 * same database in the same run:
 *   - confirm → link available: the appointment is confirmed in the core, the platform's event
 *     handler enqueues `video.provision`, the running worker provisions, and we poll until the
 *     room is ready (reveal would succeed). Includes pg-boss pickup latency (worker polling).
 *   - provisioning handler alone (provisionVideoRoom, in process).
 * Needs the env of a running stack (npm run bench provides it; TEST_* admin URLs for the tenant).
 */
import { randomUUID } from 'node:crypto';
import type { BenchRow } from './bench-row.ts';
import { percentile } from './bench-row.ts';

const SAMPLES = Number(process.env.BENCH_VIDEO_SAMPLES ?? 30);

/** Runs the video benchmark; see the module comment. */
export async function benchVideo(): Promise<BenchRow[]> {
  const { createVisitFixture } = await import('../../lib/video/testing/visit-fixture.ts');
  const { confirmAppointment } = await import('../../lib/core/appointments/confirm-appointment.ts');
  const { buildEventPayload } = await import('../../lib/core/events/record-event.ts');
  const { handleVideoEvent } = await import('../../lib/platform/video-event-handler.ts');
  const { provisionVideoRoom } = await import('../../lib/video/provision-video-room.ts');
  const { withIdentityTenant } = await import('../../lib/db/tenant-scope.ts');

  const fixture = await createVisitFixture('bench');
  const roomReady = (appointmentId: string) =>
    withIdentityTenant(fixture.tenantId, (tx) => tx.videoRoom.findFirst({ where: { appointmentId, status: 'ready' }, select: { id: true } }));

  // Baseline: a bare INSERT of a room row (no lock, no provider, no appointment read).
  const baseline: number[] = [];
  for (let i = 0; i < SAMPLES; i += 1) {
    const t0 = performance.now();
    await withIdentityTenant(fixture.tenantId, (tx) =>
      tx.videoRoom.create({ data: { id: randomUUID(), tenantId: fixture.tenantId, appointmentId: randomUUID(), provider: 'webrtc', status: 'closed', startsAt: new Date(), endsAt: new Date() } }),
    );
    baseline.push(performance.now() - t0);
  }

  // Handler alone.
  const handler: number[] = [];
  for (let i = 0; i < SAMPLES; i += 1) {
    const appt = await fixture.createAppointment({ startsInMinutes: 60 * 24 });
    const t0 = performance.now();
    await provisionVideoRoom({ tenantId: fixture.tenantId, appointmentId: appt.id });
    handler.push(performance.now() - t0);
  }

  // Confirm → ready through the job queue and the stack's worker.
  const endToEnd: number[] = [];
  let timedOut = 0;
  for (let i = 0; i < SAMPLES; i += 1) {
    const appt = await fixture.createAppointment({ startsInMinutes: 60 * 24, status: 'pending' });
    const t0 = performance.now();
    const confirmed = await confirmAppointment(fixture.tenantId, appt.id);
    await handleVideoEvent(buildEventPayload(confirmed, 'appointment.status.confirmed', new Date()));
    let ready = false;
    while (!ready && performance.now() - t0 < 15_000) {
      ready = (await roomReady(appt.id)) !== null;
      if (!ready) {
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
    }
    if (!ready) {
      timedOut += 1;
      continue;
    }
    endToEnd.push(performance.now() - t0);
  }

  const b50 = percentile(baseline, 50);
  const b99 = percentile(baseline, 99);
  const row = (name: string, values: number[], p: number, base: number): BenchRow => {
    const value = percentile(values, p);
    return { name, value, unit: 'ms', baseline: base, baselineName: `bare room-row INSERT p${p}`, ratio: value / base };
  };
  const rows: BenchRow[] = [
    row('built-in: confirm → link available p50 (event handler → pg-boss → worker)', endToEnd, 50, b50),
    row('built-in: confirm → link available p99 (event handler → pg-boss → worker)', endToEnd, 99, b99),
    row('built-in: provisioning handler p50 (in process)', handler, 50, b50),
    row('built-in: provisioning handler p99 (in process)', handler, 99, b99),
  ];
  if (timedOut > 0) {
    rows.push({ name: 'confirm → link available: samples not ready within 15 s (is the worker running?)', value: timedOut, unit: 'count' });
  }
  return rows;
}
