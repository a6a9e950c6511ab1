/**
 * Fans an event out to the tenant's subscribed webhook endpoints inside the caller's transaction.
 */
import type { CoreTx } from '../db/tenant-scope.ts';

/**
 * Creates the deliveries (and their pg-boss jobs) for `event` inside `tx`, so commit ⇔ delivery.
 * Returns how many deliveries were enqueued.
 */
export async function enqueueDeliveries(_tx: CoreTx, _event: { id: string; tenantId: string; type: string }): Promise<number> {
  // TODO(helper C): replace with the real fan-out (deliveries rows + pg-boss jobs in this tx).
  return 0;
}
