/**
 * Provisions the private room of one confirmed visit, idempotently: redelivered events, pg-boss
 * retries and concurrent workers all end with one room (and one vendor meeting).
 *
 * How: the room row is inserted first (video_rooms.appointment_id is unique; a conflict reuses the
 * existing row), then a transaction-scoped advisory lock on the appointment serializes everyone
 * who gets this far. Whoever holds the lock re-reads the row: if it already has an external id the
 * room exists and nothing is created. Vendor calls happen under the lock and the external id is
 * written in the same transaction, so a second worker waits and then sees it. Zoom has no
 * idempotent create, which is why the "already has an externalId" check is the guard.
 */
import { randomUUID } from 'node:crypto';
import { withIdentityTenant, type IdentityTx } from '../db/tenant-scope.ts';
import { logger } from '../log/logger.ts';
import { buildProvisionInput } from './provision-input.ts';
import type { VideoProvider } from './providers/video-provider.ts';
import { lockAppointmentRoom } from './room-lock.ts';
import { sealRoomDetails } from './room-details.ts';
import { loadVisitParticipants, type VisitParticipants } from './load-visit-participants.ts';
import { loadTenantVideoProvider, loadVideoProviderName } from './video-provider-settings.ts';

export interface ProvisionRoomInput {
  tenantId: string;
  appointmentId: string;
}

export type ProvisionOutcome =
  | { outcome: 'created' | 'reused' | 'reprovisioned'; roomId: string; provider: string }
  | { outcome: 'skipped'; reason: 'appointment_not_found' | 'not_confirmed' | 'no_participants' | 'room_closed'; roomId?: string };

export interface ProvisionOptions {
  /** Overrides the tenant's configured provider (tests, benchmarks). */
  provider?: VideoProvider;
}

/** Vendor calls run inside the transaction; allow them their own timeouts plus margin. */
const PROVISION_TX_TIMEOUT_MS = 90_000;

/**
 * Ensures the appointment has a ready room matching its current times. Throws what the vendor
 * threw (VendorError: retryable or not); the caller (the job) records failures.
 */
export async function provisionVideoRoom(input: ProvisionRoomInput, options: ProvisionOptions = {}): Promise<ProvisionOutcome> {
  const visit = await loadVisitParticipants(input.tenantId, input.appointmentId);
  if (!visit) {
    return { outcome: 'skipped', reason: 'appointment_not_found' };
  }
  if (visit.appointment.status !== 'confirmed') {
    return { outcome: 'skipped', reason: 'not_confirmed' };
  }
  const participants = listParticipants(visit);
  if (participants.length === 0) {
    return { outcome: 'skipped', reason: 'no_participants' };
  }
  return withIdentityTenant(
    input.tenantId,
    async (tx) => {
      const providerName = options.provider?.name ?? (await loadVideoProviderName(tx, input.tenantId));
      await insertRoomIfMissing(tx, input.tenantId, visit, providerName);
      await lockAppointmentRoom(tx, input.appointmentId);
      const room = await tx.videoRoom.findUniqueOrThrow({ where: { appointmentId: input.appointmentId } });
      if (room.status === 'closed') {
        return { outcome: 'skipped', reason: 'room_closed', roomId: room.id } as const;
      }
      const timesMatch =
        room.startsAt.getTime() === visit.appointment.startsAt.getTime() && room.endsAt.getTime() === visit.appointment.endsAt.getTime();
      if (room.externalId !== null && timesMatch) {
        if (room.status !== 'ready') {
          await tx.videoRoom.update({ where: { id: room.id }, data: { status: 'ready', lastError: null } });
        }
        return { outcome: 'reused', roomId: room.id, provider: room.provider } as const;
      }
      const provider = options.provider ?? (await loadTenantVideoProvider(tx, input.tenantId));
      let outcome: 'created' | 'reprovisioned' = 'created';
      if (room.externalId !== null) {
        // Rescheduled: the vendor meeting has the old time. Replace it; outstanding links carry
        // the old window, so they go too (participants reveal fresh ones).
        outcome = 'reprovisioned';
        if (room.provider === provider.name) {
          await provider.close(room.externalId);
        }
        await tx.videoLink.updateMany({ where: { roomId: room.id, consumedAt: null, revokedAt: null }, data: { revokedAt: new Date() } });
      }
      const created = await provider.provision(buildProvisionInput(room.id, visit.appointment, participants));
      await tx.videoRoom.update({
        where: { id: room.id },
        data: {
          provider: created.provider,
          externalId: created.externalId,
          detailsEnc: created.provider === 'webrtc' ? null : sealRoomDetails(room.id, created.details),
          status: 'ready',
          lastError: null,
          startsAt: visit.appointment.startsAt,
          endsAt: visit.appointment.endsAt,
        },
      });
      logger.info({ roomId: room.id, appointmentId: input.appointmentId, provider: created.provider, outcome }, 'video room provisioned');
      return { outcome, roomId: room.id, provider: created.provider } as const;
    },
    { timeout: PROVISION_TX_TIMEOUT_MS },
  );
}

function listParticipants(visit: VisitParticipants): Array<{ userId: string; role: 'patient' | 'clinician' }> {
  const list: Array<{ userId: string; role: 'patient' | 'clinician' }> = [];
  if (visit.clinicianUserId) {
    list.push({ userId: visit.clinicianUserId, role: 'clinician' });
  }
  if (visit.patientUserId) {
    list.push({ userId: visit.patientUserId, role: 'patient' });
  }
  return list;
}

/** First writer wins; everyone else reuses the row (unique appointment_id). */
async function insertRoomIfMissing(tx: IdentityTx, tenantId: string, visit: VisitParticipants, provider: string): Promise<void> {
  const { id, startsAt, endsAt } = visit.appointment;
  await tx.$executeRaw`
    INSERT INTO video_rooms (id, tenant_id, appointment_id, provider, status, starts_at, ends_at)
    VALUES (${randomUUID()}::uuid, ${tenantId}::uuid, ${id}::uuid, ${provider}, 'provisioning', ${startsAt}, ${endsAt})
    ON CONFLICT (appointment_id) DO NOTHING`;
}
