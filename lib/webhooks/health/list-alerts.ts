/** Alert history for the dashboard (newest first). */
import { withCoreTenant } from '../../db/tenant-scope.ts';

export interface AlertView {
  id: string;
  kind: string;
  incidentKey: string;
  endpointId: string | null;
  deliveryId: string | null;
  summary: string;
  sinks: Record<string, unknown>;
  createdAt: string;
}

/** The latest `limit` alerts of the tenant. */
export async function listAlerts(tenantId: string, limit = 100): Promise<AlertView[]> {
  const rows = await withCoreTenant(tenantId, (tx) => tx.alert.findMany({ where: { tenantId }, orderBy: { createdAt: 'desc' }, take: Math.min(limit, 500) }));
  return rows.map((a) => ({
    id: a.id,
    kind: a.kind,
    incidentKey: a.incidentKey,
    endpointId: a.endpointId,
    deliveryId: a.deliveryId,
    summary: a.summary,
    sinks: (a.sinkResults ?? {}) as Record<string, unknown>,
    createdAt: a.createdAt.toISOString(),
  }));
}
