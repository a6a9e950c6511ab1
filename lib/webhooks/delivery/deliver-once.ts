/**
 * One delivery attempt, end to end: claim (short transaction) → signed POST with a hard timeout
 * through the SSRF-guarded dispatcher (no transaction held open) → record (short transaction).
 *
 * Crash safety: if the process dies after the POST but before recording, pg-boss re-runs the job
 * after its expiry and the receiver sees the same event again with the same idempotency key
 * (at-least-once; receivers dedupe). If it dies after recording, the re-run sees the attempt
 * already recorded and does nothing.
 */
import { Agent } from 'undici';
import { getConfig } from '../../config.ts';
import { withCoreTenant } from '../../db/tenant-scope.ts';
import { logger } from '../../log/logger.ts';
import { postWebhook } from '../post-webhook.ts';
import { createGuardedDispatcher } from '../ssrf-guard.ts';
import { buildWebhookHeaders, serializeEventPayload } from './build-request.ts';
import { claimDelivery, type ClaimResult } from './claim-delivery.ts';
import { activeEndpointSecrets } from './endpoint-secrets.ts';
import type { TDeliverJob } from './queues.ts';
import { recordAttempt, type RecordOutcome } from './record-attempt.ts';

const holder = globalThis as typeof globalThis & { __periodicWebhookDispatcher?: Agent; __periodicPlatformDispatcher?: Agent };

/** The process's guarded dispatcher (connection reuse across deliveries; SSRF check per connect). */
export function webhookDispatcher(): Agent {
  holder.__periodicWebhookDispatcher ??= createGuardedDispatcher({
    allowPrivate: getConfig().WEBHOOK_ALLOW_PRIVATE_TARGETS,
    connectTimeoutMs: getConfig().WEBHOOK_TIMEOUT_MS,
  });
  return holder.__periodicWebhookDispatcher;
}

/**
 * Dispatcher for one endpoint. The platform's own receiver at exactly `${APP_URL}/api/webhooks/periodic`
 * is operator configuration, not tenant input, so it may live on a private address (a dev machine,
 * a private network behind the load balancer); every other URL goes through the SSRF guard.
 */
function dispatcherFor(endpoint: { url: string; isPlatformReceiver: boolean }): Agent {
  if (endpoint.isPlatformReceiver && endpoint.url === new URL('/api/webhooks/periodic', getConfig().APP_URL).toString()) {
    holder.__periodicPlatformDispatcher ??= new Agent({ connect: { timeout: getConfig().WEBHOOK_TIMEOUT_MS } });
    return holder.__periodicPlatformDispatcher;
  }
  return webhookDispatcher();
}

export type DeliverOutcome = RecordOutcome | Exclude<ClaimResult['kind'], 'go'>;

/** Performs attempt `job.attempt` of a delivery; see the module comment for the guarantees. */
export async function deliverOnce(job: TDeliverJob): Promise<DeliverOutcome> {
  const cfg = getConfig();
  const claim = await withCoreTenant(job.tenantId, (tx) =>
    claimDelivery(tx, job, {
      timeoutMs: cfg.WEBHOOK_TIMEOUT_MS,
      endpointConcurrency: cfg.WEBHOOK_ENDPOINT_CONCURRENCY,
      circuitCooldownMs: cfg.WEBHOOK_CIRCUIT_COOLDOWN_MS,
    }),
  );
  if (claim.kind !== 'go') {
    return claim.kind;
  }
  const body = serializeEventPayload(claim.payload);
  const headers = buildWebhookHeaders({ eventId: claim.delivery.eventId, body, secrets: activeEndpointSecrets(claim.endpoint) });
  const result = await postWebhook({ url: claim.endpoint.url, body, headers, timeoutMs: cfg.WEBHOOK_TIMEOUT_MS, dispatcher: dispatcherFor(claim.endpoint) });
  const outcome = await withCoreTenant(job.tenantId, (tx) =>
    recordAttempt(tx, {
      job,
      endpointId: claim.endpoint.id,
      roundFirstAttempt: claim.delivery.roundFirstAttempt,
      isProbe: claim.isProbe,
      result,
      policy: { maxAttempts: cfg.WEBHOOK_MAX_ATTEMPTS, retryBaseMs: cfg.WEBHOOK_RETRY_BASE_MS, circuitThreshold: cfg.WEBHOOK_CIRCUIT_THRESHOLD },
    }),
  );
  logger.debug(
    { deliveryId: job.deliveryId, attempt: job.attempt, outcome, status: result.statusCode, errorClass: result.errorClass, latencyMs: result.latencyMs },
    'webhook attempt',
  );
  return outcome;
}
