/**
 * Rooms whose provisioning failed or is being retried, for the admin dashboard. Ids, provider,
 * status and our error classification only: nothing secret, no PHI.
 */
import { withIdentityTenant } from '../db/tenant-scope.ts';

export interface ProvisioningProblem {
  roomId: string;
  appointmentId: string;
  provider: string;
  status: 'failed' | 'provisioning';
  lastError: string | null;
  startsAt: Date;
  createdAt: Date;
}

/** Failed rooms and rooms still retrying with an error, newest first. */
export async function listProvisioningProblems(tenantId: string, limit = 100): Promise<ProvisioningProblem[]> {
  const rows = await withIdentityTenant(tenantId, (tx) =>
    tx.videoRoom.findMany({
      where: { tenantId, OR: [{ status: 'failed' }, { status: 'provisioning', lastError: { not: null } }] },
      orderBy: { createdAt: 'desc' },
      take: limit,
      select: { id: true, appointmentId: true, provider: true, status: true, lastError: true, startsAt: true, createdAt: true },
    }),
  );
  return rows.map((r) => ({
    roomId: r.id,
    appointmentId: r.appointmentId,
    provider: r.provider,
    status: r.status === 'failed' ? 'failed' : 'provisioning',
    lastError: r.lastError,
    startsAt: r.startsAt,
    createdAt: r.createdAt,
  }));
}
