/**
 * Delivery progress of one tenant, read from the core database as the app would. Reads tolerate a
 * database that is briefly away (the chaos drill restarts it): a failed read is retried.
 */
import { withCoreTenant } from '../../lib/db/tenant-scope.ts';

export interface DeliveryCounts {
  total: number;
  delivered: number;
  dead: number;
  cancelled: number;
  open: number;
  attempts: number;
}

/** Counts the tenant's deliveries by outcome (one query). */
export async function deliveryCounts(tenantId: string): Promise<DeliveryCounts> {
  const [row] = await withCoreTenant(tenantId, (tx) =>
    tx.$queryRaw<Array<{ total: number; delivered: number; dead: number; cancelled: number; attempts: number }>>`
      SELECT count(*)::int AS total,
             count(*) FILTER (WHERE status = 'delivered')::int AS delivered,
             count(*) FILTER (WHERE status = 'dead')::int AS dead,
             count(*) FILTER (WHERE status = 'cancelled')::int AS cancelled,
             coalesce(sum(attempts), 0)::int AS attempts
      FROM deliveries WHERE tenant_id = ${tenantId}::uuid`,
  );
  const r = row ?? { total: 0, delivered: 0, dead: 0, cancelled: 0, attempts: 0 };
  return { ...r, open: r.total - r.delivered - r.dead - r.cancelled };
}

/** Sums the counts of several tenants. */
export async function deliveryCountsOf(tenantIds: string[]): Promise<DeliveryCounts> {
  const all = await Promise.all(tenantIds.map(deliveryCounts));
  return all.reduce((a, c) => ({ total: a.total + c.total, delivered: a.delivered + c.delivered, dead: a.dead + c.dead, cancelled: a.cancelled + c.cancelled, open: a.open + c.open, attempts: a.attempts + c.attempts }));
}

/**
 * Polls until the tenant(s) have `expected` deliveries in all and none is open; returns the final counts and
 * when that was first seen. Throws after `timeoutMs` with the counts at that point.
 */
export async function waitForSettled(tenantIds: string | string[], expected: number, timeoutMs: number): Promise<{ counts: DeliveryCounts; settledAt: number }> {
  const deadline = Date.now() + timeoutMs;
  let last: DeliveryCounts | undefined;
  while (Date.now() < deadline) {
    last = await deliveryCountsOf(typeof tenantIds === 'string' ? [tenantIds] : tenantIds).catch(() => last);
    if (last && last.total >= expected && last.open === 0) {
      return { counts: last, settledAt: Date.now() };
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`deliveries not settled after ${Math.round(timeoutMs / 1000)} s: ${JSON.stringify(last)}`);
}
