/**
 * Closes the room of a visit that will not (or no longer) happen: cancelled, completed or no-show.
 * Every outstanding link is revoked, the vendor meeting is deleted, stored vendor secrets and
 * signaling messages are dropped. If the room does not exist yet, a closed tombstone row is left
 * so a provisioning job arriving late (out of order) creates nothing.
 */
import { randomUUID } from 'node:crypto';
import { withIdentityTenant } from '../db/tenant-scope.ts';
import { logger } from '../log/logger.ts';
import type { VideoProvider } from './providers/video-provider.ts';
import { lockAppointmentRoom } from './room-lock.ts';
import { loadVisitAppointment } from './load-visit-participants.ts';
import { loadTenantVideoProvider, loadVideoProviderName } from './video-provider-settings.ts';

export type RevokeReason = 'cancelled' | 'completed' | 'no_show';

export interface RevokeRoomInput {
  tenantId: string;
  appointmentId: string;
  reason: RevokeReason;
}

export interface RevokeOptions {
  provider?: VideoProvider;
  now?: Date;
}

/** Revokes links and closes the room; idempotent. Throws VendorError when the vendor delete fails (retry). */
export async function revokeVideoRoom(input: RevokeRoomInput, options: RevokeOptions = {}): Promise<{ roomId: string | null; revokedLinks: number }> {
  const now = options.now ?? new Date();
  const appointment = await loadVisitAppointment(input.tenantId, input.appointmentId);
  return withIdentityTenant(
    input.tenantId,
    async (tx) => {
      if (appointment) {
        const providerName = options.provider?.name ?? (await loadVideoProviderName(tx, input.tenantId));
        await tx.$executeRaw`
          INSERT INTO video_rooms (id, tenant_id, appointment_id, provider, status, starts_at, ends_at, closed_at)
          VALUES (${randomUUID()}::uuid, ${input.tenantId}::uuid, ${input.appointmentId}::uuid, ${providerName}, 'closed',
                  ${appointment.startsAt}, ${appointment.endsAt}, ${now})
          ON CONFLICT (appointment_id) DO NOTHING`;
      }
      await lockAppointmentRoom(tx, input.appointmentId);
      const room = await tx.videoRoom.findUnique({ where: { appointmentId: input.appointmentId } });
      if (!room) {
        return { roomId: null, revokedLinks: 0 };
      }
      const revoked = await tx.videoLink.updateMany({ where: { roomId: room.id, revokedAt: null, consumedAt: null }, data: { revokedAt: now } });
      if (room.status !== 'closed' && room.externalId !== null && room.provider !== 'webrtc') {
        const provider = options.provider ?? (await loadTenantVideoProvider(tx, input.tenantId));
        if (provider.name === room.provider) {
          await provider.close(room.externalId);
        }
      }
      await tx.videoSignal.deleteMany({ where: { roomId: room.id } });
      if (room.status !== 'closed') {
        await tx.videoRoom.update({ where: { id: room.id }, data: { status: 'closed', closedAt: now, detailsEnc: null } });
      }
      logger.info({ roomId: room.id, appointmentId: input.appointmentId, reason: input.reason, revokedLinks: revoked.count }, 'video room closed');
      return { roomId: room.id, revokedLinks: revoked.count };
    },
    { timeout: 60_000 },
  );
}
