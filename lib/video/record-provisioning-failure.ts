/**
 * What happens when provisioning fails: every failed attempt leaves its error class on the room
 * row (so the admin page shows "retrying: zoom server 503"); a final failure (retries exhausted,
 * or an error no retry can fix) marks the room failed and alerts like a dead-lettered webhook.
 * Error text is our own classification only: vendor free text may echo request data.
 */
import { randomUUID } from 'node:crypto';
import { loadAlertSinkConfig } from '../alerts/alert-config.ts';
import { sendAlert } from '../alerts/send-alert.ts';
import { withCoreTenant, withIdentityTenant } from '../db/tenant-scope.ts';
import { logger } from '../log/logger.ts';
import { VendorError } from './providers/video-provider.ts';
import { loadVisitAppointment } from './load-visit-participants.ts';

/** A short, log-safe description of a provisioning error. */
export function describeProvisioningError(error: unknown): string {
  if (error instanceof VendorError) {
    return `${error.provider} ${error.kind}${error.status === undefined ? '' : ` ${error.status}`}${error.vendorCode ? ` (code ${error.vendorCode})` : ''}`;
  }
  if (error instanceof Error) {
    return `internal ${error.name}`;
  }
  return 'internal error';
}

/** Whether another attempt could succeed (vendor said so, or it was not a vendor error at all). */
export function isRetryableProvisioningError(error: unknown): boolean {
  return error instanceof VendorError ? error.retryable : true;
}

export interface FailureInput {
  tenantId: string;
  appointmentId: string;
  /** Our classification (describeProvisioningError); undefined keeps the last recorded one. */
  lastError?: string;
  /** Final: mark the room failed and alert. */
  final: boolean;
  attempts?: number;
}

/** Records a failed attempt; on a final failure also alerts (never throws for alert problems). */
export async function recordProvisioningFailure(input: FailureInput): Promise<void> {
  const appointment = await loadVisitAppointment(input.tenantId, input.appointmentId);
  const roomId = await withIdentityTenant(input.tenantId, async (tx) => {
    if (appointment) {
      // The provisioning transaction rolled back, so the row may not exist: create it to carry the error.
      await tx.$executeRaw`
        INSERT INTO video_rooms (id, tenant_id, appointment_id, provider, status, starts_at, ends_at)
        VALUES (${randomUUID()}::uuid, ${input.tenantId}::uuid, ${input.appointmentId}::uuid,
                COALESCE((SELECT provider FROM video_settings WHERE tenant_id = ${input.tenantId}::uuid), 'webrtc'),
                'provisioning', ${appointment.startsAt}, ${appointment.endsAt})
        ON CONFLICT (appointment_id) DO NOTHING`;
    }
    const room = await tx.videoRoom.findUnique({ where: { appointmentId: input.appointmentId } });
    if (!room || room.status === 'closed' || room.status === 'ready') {
      return null;
    }
    const lastError = input.lastError ?? room.lastError ?? 'retries exhausted';
    await tx.videoRoom.update({ where: { id: room.id }, data: { lastError, status: input.final ? 'failed' : room.status } });
    return room.id;
  });
  if (!input.final || roomId === null) {
    return;
  }
  await alertProvisioningFailed(input, roomId);
}

async function alertProvisioningFailed(input: FailureInput, roomId: string): Promise<void> {
  const lastError = (await withIdentityTenant(input.tenantId, (tx) => tx.videoRoom.findUnique({ where: { id: roomId }, select: { lastError: true } })))?.lastError ?? undefined;
  const incidentKey = `video-room:${input.appointmentId}:provisioning_failed`;
  const summary = `Video room for appointment ${input.appointmentId} could not be provisioned${lastError ? `: ${lastError}` : ''}`;
  logger.error({ tenantId: input.tenantId, appointmentId: input.appointmentId, roomId, lastError }, 'video room provisioning failed');
  let sinkResults: Record<string, unknown> = {};
  try {
    sinkResults = await sendAlert(
      {
        kind: 'provisioning_failed',
        incidentKey,
        tenantId: input.tenantId,
        eventType: 'appointment.status.confirmed',
        attempts: input.attempts,
        lastError: lastError?.slice(0, 500),
        summary: summary.slice(0, 1024),
      },
      loadAlertSinkConfig(),
    );
  } catch (error) {
    logger.error({ errorClass: (error as Error).name }, 'provisioning alert could not be built');
  }
  // Alert history lives with the webhook alerts in the core (ids only, no PHI).
  await withCoreTenant(input.tenantId, (tx) =>
    tx.alert.create({ data: { tenantId: input.tenantId, kind: 'provisioning_failed', incidentKey, summary: summary.slice(0, 1024), sinkResults: sinkResults as object } }),
  ).catch((error: unknown) => logger.error({ errorClass: (error as Error).name }, 'provisioning alert not recorded'));
}
