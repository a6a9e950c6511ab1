/**
 * Signaling messages live in the identity database (video_signals), not in a process's memory,
 * so the two participants may be served by different web processes. Readers poll by id.
 */
import { withIdentityTenant } from '../db/tenant-scope.ts';
import type { TSignalMessage } from './signal-message.ts';

/** Cap per room: a runaway client cannot fill the table. */
const MAX_SIGNALS_PER_ROOM = 2000;

/** Appends a message from `senderUserId`. Returns false when the room's cap is reached. */
export async function appendSignal(tenantId: string, roomId: string, senderUserId: string, message: TSignalMessage): Promise<boolean> {
  return withIdentityTenant(tenantId, async (tx) => {
    const count = await tx.videoSignal.count({ where: { roomId } });
    if (count >= MAX_SIGNALS_PER_ROOM) {
      return false;
    }
    await tx.videoSignal.create({ data: { tenantId, roomId, senderUserId, payload: message } });
    return true;
  });
}

/** Id of the newest message in the room (0 when none): a reader starts after it. */
export async function latestSignalId(tenantId: string, roomId: string): Promise<bigint> {
  return withIdentityTenant(tenantId, async (tx) => {
    const last = await tx.videoSignal.findFirst({ where: { roomId }, orderBy: { id: 'desc' }, select: { id: true } });
    return last?.id ?? 0n;
  });
}

/** Messages of the other participant(s) after `afterId`, oldest first. */
export async function readSignalsAfter(
  tenantId: string,
  roomId: string,
  readerUserId: string,
  afterId: bigint,
): Promise<Array<{ id: bigint; payload: TSignalMessage }>> {
  return withIdentityTenant(tenantId, async (tx) => {
    const rows = await tx.videoSignal.findMany({
      where: { roomId, id: { gt: afterId }, senderUserId: { not: readerUserId } },
      orderBy: { id: 'asc' },
      take: 100,
      select: { id: true, payload: true },
    });
    return rows.map((r) => ({ id: r.id, payload: r.payload as TSignalMessage }));
  });
}
