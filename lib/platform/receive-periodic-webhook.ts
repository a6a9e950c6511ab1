/**
 * The platform's webhook receiver logic (route: app/api/webhooks/periodic). In order:
 * 1. read `data.tenant_id` from the body to know whose endpoint secret to use (nothing else is
 *    trusted yet);
 * 2. verify the Standard Webhooks signature and timestamp (300 s, constant-time) against that
 *    tenant's platform-receiver endpoint secrets (current and, during rotation, previous);
 * 3. require X-Periodic-Idempotency-Key = webhook-id (the signed id), then validate the payload;
 * 4. dedupe: INSERT into identity `received_webhooks` ON CONFLICT DO NOTHING — the primary key makes
 *    the effect happen exactly once even when two deliveries race;
 * 5. run handlePeriodicEvent in the same transaction (a failure rolls the dedupe row back).
 */
import { z } from 'zod';
import { withCoreTenant, withIdentityTenant } from '../db/tenant-scope.ts';
import { ZEventPayload, type TEventPayload } from '../core/events/event-types.ts';
import { logger } from '../log/logger.ts';
import { activeEndpointSecrets } from '../webhooks/delivery/endpoint-secrets.ts';
import { verifyWebhook } from '../webhooks/signature.ts';
import { handlePeriodicEvent } from './handle-periodic-event.ts';

/** Timestamp tolerance, either direction (Standard Webhooks recommendation). */
export const RECEIVER_TOLERANCE_SECONDS = 300;

export interface ReceiverResponse {
  status: number;
  body: { ok: boolean; duplicate?: boolean; error?: string };
}

const ZTenantProbe = z.object({ data: z.object({ tenant_id: z.uuid() }) });

/** Processes one incoming request; never throws for bad input (4xx), only for our own failures. */
export async function receivePeriodicWebhook(input: { headers: Headers; rawBody: string }): Promise<ReceiverResponse> {
  let json: unknown;
  try {
    json = JSON.parse(input.rawBody);
  } catch {
    return { status: 400, body: { ok: false, error: 'body is not JSON' } };
  }
  const probe = ZTenantProbe.safeParse(json);
  if (!probe.success) {
    return { status: 400, body: { ok: false, error: 'missing data.tenant_id' } };
  }
  const tenantId = probe.data.data.tenant_id;
  const endpoint = await withCoreTenant(tenantId, (tx) =>
    tx.webhookEndpoint.findFirst({
      where: { tenantId, isPlatformReceiver: true },
      select: { id: true, secretEnc: true, previousSecretEnc: true, previousSecretUntil: true },
    }),
  );
  if (!endpoint) {
    return { status: 401, body: { ok: false, error: 'unknown receiver' } };
  }
  const verified = activeEndpointSecrets(endpoint).some(
    (secret) => verifyWebhook({ secret, headers: input.headers, body: input.rawBody, toleranceSeconds: RECEIVER_TOLERANCE_SECONDS }).ok,
  );
  if (!verified) {
    return { status: 401, body: { ok: false, error: 'invalid signature' } };
  }
  const messageId = input.headers.get('webhook-id') ?? '';
  const idempotencyKey = input.headers.get('x-periodic-idempotency-key');
  if (!idempotencyKey || idempotencyKey !== messageId) {
    // The signature covers webhook-id, not this header: insist they agree before deduping on it.
    return { status: 400, body: { ok: false, error: 'X-Periodic-Idempotency-Key must equal webhook-id' } };
  }
  const event = ZEventPayload.safeParse(json);
  if (!event.success) {
    return { status: 422, body: { ok: false, error: 'payload does not match the event contract' } };
  }
  const firstTime = await recordOnce(tenantId, idempotencyKey, event.data);
  return { status: 200, body: { ok: true, duplicate: !firstTime } };
}

async function recordOnce(tenantId: string, idempotencyKey: string, event: TEventPayload): Promise<boolean> {
  return withIdentityTenant(tenantId, async (tx) => {
    const inserted = await tx.$executeRaw`
      INSERT INTO received_webhooks (idempotency_key, tenant_id, event_type, appointment_id)
      VALUES (${idempotencyKey}, ${tenantId}::uuid, ${event.type}, ${event.data.appointment_id}::uuid)
      ON CONFLICT (idempotency_key) DO NOTHING`;
    if (inserted === 0) {
      return false;
    }
    await handlePeriodicEvent(event);
    return true;
  }).catch((err: unknown) => {
    logger.error({ err: { message: err instanceof Error ? err.message : String(err) }, idempotencyKey }, 'periodic receiver failed');
    throw err;
  });
}
