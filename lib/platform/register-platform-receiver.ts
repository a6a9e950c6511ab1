/**
 * Registers the platform's own receiver (app/api/webhooks/periodic) as a webhook endpoint of a
 * tenant: the platform consumes core's events exactly like any customer would (dogfooding), so
 * video provisioning gets the same delivery guarantees. Idempotent: one per tenant.
 */
import { randomUUID } from 'node:crypto';
import { withCoreTenant } from '../db/tenant-scope.ts';
import { sealEndpointSecret } from '../webhooks/delivery/endpoint-secrets.ts';
import { generateWebhookSecret } from '../webhooks/signature.ts';
import { platformReceiverUrl } from './platform-receiver-url.ts';

/**
 * Ensures the tenant has its platform-receiver endpoint (all event types).
 *
 * @param opts.url override of `${APP_URL}/api/webhooks/periodic` (tests point it at a local server)
 * @returns the endpoint id and whether it was created now
 */
export async function registerPlatformReceiver(tenantId: string, opts: { url?: string } = {}): Promise<{ endpointId: string; created: boolean }> {
  const url = opts.url ?? platformReceiverUrl();
  return withCoreTenant(tenantId, async (tx) => {
    // Serialise concurrent setups of the same tenant (seed + test, two web processes).
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`platform-receiver:${tenantId}`}))`;
    const existing = await tx.webhookEndpoint.findFirst({ where: { tenantId, isPlatformReceiver: true }, select: { id: true, url: true } });
    if (existing) {
      if (existing.url !== url) {
        await tx.webhookEndpoint.update({ where: { id: existing.id }, data: { url } });
      }
      return { endpointId: existing.id, created: false };
    }
    const id = randomUUID();
    await tx.webhookEndpoint.create({
      data: {
        id,
        tenantId,
        url,
        description: 'Periodic platform receiver (video provisioning)',
        eventTypes: [],
        secretEnc: sealEndpointSecret(id, generateWebhookSecret()),
        isPlatformReceiver: true,
      },
    });
    return { endpointId: id, created: true };
  });
}
