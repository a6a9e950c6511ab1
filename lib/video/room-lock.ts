/**
 * Serializes all room work on one appointment across processes: a transaction-scoped advisory
 * lock (released on commit/rollback, so a crashed worker never leaves it held).
 */
import type { IdentityTx } from '../db/tenant-scope.ts';

/** Blocks until this transaction holds the appointment's room lock. */
export async function lockAppointmentRoom(tx: IdentityTx, appointmentId: string): Promise<void> {
  await tx.$queryRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`video-room:${appointmentId}`}, 0))::text AS locked`;
}
