/**
 * Step 1 of an attempt, in one short core transaction: decide whether this job may POST now.
 *
 * A per-endpoint advisory lock, taken as the transaction's last step, serialises the count of
 * live in-flight leases (the per-endpoint concurrency cap) with taking a lease; the circuit
 * breaker's single probe slot is taken with a conditional UPDATE.
 * A claim takes a lease on the delivery that expires by itself, so a worker killed mid-POST
 * frees its slot without anyone cleaning up. Deferring re-sends the same attempt with startAfter
 * (no attempt is consumed).
 */
import type { CoreTx } from '../../db/tenant-scope.ts';
import { sendDeliverJob, type TDeliverJob } from './queues.ts';

/** Limits the claim applies (from config). */
export interface ClaimLimits {
  timeoutMs: number;
  endpointConcurrency: number;
  circuitCooldownMs: number;
}

export interface ClaimedDelivery {
  kind: 'go';
  delivery: { id: string; eventId: string; endpointId: string; attempts: number; roundFirstAttempt: number };
  endpoint: {
    id: string;
    url: string;
    secretEnc: string;
    previousSecretEnc: string | null;
    previousSecretUntil: Date | null;
    isPlatformReceiver: boolean;
  };
  payload: unknown;
  isProbe: boolean;
}

export type ClaimResult =
  | ClaimedDelivery
  | { kind: 'skip'; reason: 'missing' | 'settled' | 'stale' | 'endpoint_gone' | 'endpoint_disabled' | 'event_missing' }
  | { kind: 'deferred'; reason: 'circuit_open' | 'concurrency' | 'leased'; delayMs: number };

interface DeliveryRow {
  id: string;
  event_id: string;
  endpoint_id: string;
  status: string;
  attempts: number;
  round_first_attempt: number;
  lease_ms_left: number | null;
}

interface EndpointRow {
  id: string;
  url: string;
  enabled: boolean;
  state: string;
  secret_enc: string;
  previous_secret_enc: string | null;
  previous_secret_until: Date | null;
  is_platform_receiver: boolean;
  cooldown_ms_left: number | null;
  probe_ms_left: number | null;
}

const SETTLED = new Set(['delivered', 'dead', 'cancelled']);
/** Lease slack beyond the POST timeout: covers signing and the recording transaction. */
const LEASE_SLACK_MS = 10_000;

function jitter(ms: number): number {
  return Math.round(ms * (0.75 + Math.random() * 0.5));
}

/** Claims `job` for an attempt, or says why not (and re-schedules it when deferring). */
export async function claimDelivery(tx: CoreTx, job: TDeliverJob, limits: ClaimLimits): Promise<ClaimResult> {
  const [delivery] = await tx.$queryRaw<DeliveryRow[]>`
    SELECT id, event_id, endpoint_id, status, attempts, round_first_attempt,
           CASE WHEN lease_until > now() THEN (EXTRACT(EPOCH FROM lease_until - now()) * 1000)::int END AS lease_ms_left
    FROM deliveries WHERE id = ${job.deliveryId}::uuid FOR UPDATE`;
  if (!delivery) {
    return { kind: 'skip', reason: 'missing' };
  }
  if (SETTLED.has(delivery.status)) {
    return { kind: 'skip', reason: 'settled' };
  }
  if (delivery.attempts >= job.attempt || delivery.attempts < job.attempt - 1) {
    // Already recorded (a crash after recording, or a duplicate job) or not this job's turn.
    return { kind: 'skip', reason: 'stale' };
  }
  const [endpoint] = await tx.$queryRaw<EndpointRow[]>`
    SELECT id, url, enabled, state, secret_enc, previous_secret_enc, previous_secret_until, is_platform_receiver,
      CASE WHEN state = 'circuit_open' AND circuit_opened_at IS NOT NULL
        THEN GREATEST(0, (EXTRACT(EPOCH FROM circuit_opened_at + ${limits.circuitCooldownMs}::float8 * interval '1 millisecond' - now()) * 1000)::int) END AS cooldown_ms_left,
      CASE WHEN circuit_probe_until > now() THEN (EXTRACT(EPOCH FROM circuit_probe_until - now()) * 1000)::int END AS probe_ms_left
    FROM webhook_endpoints WHERE id = ${delivery.endpoint_id}::uuid`;
  if (!endpoint || !endpoint.enabled) {
    await tx.$executeRaw`
      UPDATE deliveries SET status = 'cancelled', lease_until = NULL, next_attempt_at = NULL,
        last_error = ${endpoint ? 'endpoint_disabled' : 'endpoint_deleted'}, updated_at = now()
      WHERE id = ${delivery.id}::uuid`;
    return { kind: 'skip', reason: endpoint ? 'endpoint_disabled' : 'endpoint_gone' };
  }
  if (delivery.lease_ms_left !== null) {
    // Another run of this same attempt is in flight (a duplicate job); wait for it to settle.
    return defer(tx, job, 'leased', delivery.lease_ms_left + 250);
  }
  let isProbe = false;
  if (endpoint.state === 'circuit_open') {
    if ((endpoint.cooldown_ms_left ?? 0) > 0) {
      return defer(tx, job, 'circuit_open', jitter(endpoint.cooldown_ms_left ?? limits.circuitCooldownMs));
    }
    if (endpoint.probe_ms_left !== null) {
      return defer(tx, job, 'circuit_open', jitter(Math.max(endpoint.probe_ms_left, 500)));
    }
    // Take the single probe slot atomically (two claims may race here without a row lock).
    const took = await tx.$executeRaw`
      UPDATE webhook_endpoints SET circuit_probe_until = now() + ${limits.timeoutMs + LEASE_SLACK_MS}::float8 * interval '1 millisecond'
      WHERE id = ${endpoint.id}::uuid AND state = 'circuit_open' AND (circuit_probe_until IS NULL OR circuit_probe_until <= now())`;
    if (took === 0) {
      return defer(tx, job, 'circuit_open', jitter(1000));
    }
    isProbe = true;
  }
  const event = await tx.event.findUnique({ where: { id: delivery.event_id }, select: { payload: true } });
  if (!event) {
    await tx.$executeRaw`UPDATE deliveries SET status = 'cancelled', lease_until = NULL, last_error = 'event_missing' WHERE id = ${delivery.id}::uuid`;
    return { kind: 'skip', reason: 'event_missing' };
  }
  // Per-endpoint mutex for the cap, taken last so it is held only until commit (two statements).
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`webhook-endpoint:${endpoint.id}`}))`;
  const [inflight] = await tx.$queryRaw<Array<{ n: number }>>`
    SELECT count(*)::int AS n FROM deliveries
    WHERE tenant_id = ${job.tenantId}::uuid AND endpoint_id = ${endpoint.id}::uuid AND lease_until > now()`;
  if ((inflight?.n ?? 0) >= limits.endpointConcurrency) {
    return defer(tx, job, 'concurrency', jitter(Math.min(1000, Math.max(100, limits.timeoutMs / 4))));
  }
  await tx.$executeRaw`
    UPDATE deliveries SET status = 'delivering', updated_at = now(),
      lease_until = now() + ${limits.timeoutMs + LEASE_SLACK_MS}::float8 * interval '1 millisecond'
    WHERE id = ${delivery.id}::uuid`;
  return {
    kind: 'go',
    delivery: {
      id: delivery.id,
      eventId: delivery.event_id,
      endpointId: delivery.endpoint_id,
      attempts: delivery.attempts,
      roundFirstAttempt: delivery.round_first_attempt,
    },
    endpoint: {
      id: endpoint.id,
      url: endpoint.url,
      secretEnc: endpoint.secret_enc,
      previousSecretEnc: endpoint.previous_secret_enc,
      previousSecretUntil: endpoint.previous_secret_until,
      isPlatformReceiver: endpoint.is_platform_receiver,
    },
    payload: event.payload,
    isProbe,
  };
}

async function defer(tx: CoreTx, job: TDeliverJob, reason: 'circuit_open' | 'concurrency' | 'leased', delayMs: number): Promise<ClaimResult> {
  await sendDeliverJob(tx, job, delayMs);
  await tx.$executeRaw`
    UPDATE deliveries SET next_attempt_at = now() + ${delayMs}::float8 * interval '1 millisecond', updated_at = now()
    WHERE id = ${job.deliveryId}::uuid`;
  return { kind: 'deferred', reason, delayMs };
}
