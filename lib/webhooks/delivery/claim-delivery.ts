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

/** The delivery (locked), its endpoint and its event's payload, read in one statement. */
interface ClaimRow {
  id: string;
  event_id: string;
  endpoint_id: string;
  status: string;
  attempts: number;
  round_first_attempt: number;
  lease_ms_left: number | null;
  ep_id: string | null;
  url: string;
  enabled: boolean;
  state: string;
  secret_enc: string;
  previous_secret_enc: string | null;
  previous_secret_until: Date | null;
  is_platform_receiver: boolean;
  cooldown_ms_left: number | null;
  probe_ms_left: number | null;
  event_found: boolean;
  payload: unknown;
}

const SETTLED = new Set(['delivered', 'dead', 'cancelled']);
/** Lease slack beyond the POST timeout: covers signing and the recording transaction. */
const LEASE_SLACK_MS = 10_000;

function jitter(ms: number): number {
  return Math.round(ms * (0.75 + Math.random() * 0.5));
}

/** Claims `job` for an attempt, or says why not (and re-schedules it when deferring). */
export async function claimDelivery(tx: CoreTx, job: TDeliverJob, limits: ClaimLimits): Promise<ClaimResult> {
  // One round trip for the three reads (delivery locked; endpoint and payload as of the same
  // snapshot): the worker's cost is mostly per statement, so statements are what we save.
  const [row] = await tx.$queryRaw<ClaimRow[]>`
    SELECT d.id, d.event_id, d.endpoint_id, d.status, d.attempts, d.round_first_attempt,
      CASE WHEN d.lease_until > now() THEN (EXTRACT(EPOCH FROM d.lease_until - now()) * 1000)::int END AS lease_ms_left,
      e.id AS ep_id, e.url, e.enabled, e.state, e.secret_enc, e.previous_secret_enc, e.previous_secret_until, e.is_platform_receiver,
      CASE WHEN e.state = 'circuit_open' AND e.circuit_opened_at IS NOT NULL
        THEN GREATEST(0, (EXTRACT(EPOCH FROM e.circuit_opened_at + ${limits.circuitCooldownMs}::float8 * interval '1 millisecond' - now()) * 1000)::int) END AS cooldown_ms_left,
      CASE WHEN e.circuit_probe_until > now() THEN (EXTRACT(EPOCH FROM e.circuit_probe_until - now()) * 1000)::int END AS probe_ms_left,
      ev.id IS NOT NULL AS event_found, ev.payload
    FROM deliveries d
    LEFT JOIN webhook_endpoints e ON e.id = d.endpoint_id
    LEFT JOIN events ev ON ev.id = d.event_id
    WHERE d.id = ${job.deliveryId}::uuid
    FOR UPDATE OF d`;
  if (!row) {
    return { kind: 'skip', reason: 'missing' };
  }
  if (SETTLED.has(row.status)) {
    return { kind: 'skip', reason: 'settled' };
  }
  if (row.attempts >= job.attempt || row.attempts < job.attempt - 1) {
    // Already recorded (a crash after recording, or a duplicate job) or not this job's turn.
    return { kind: 'skip', reason: 'stale' };
  }
  if (row.ep_id === null || !row.enabled) {
    await tx.$executeRaw`
      UPDATE deliveries SET status = 'cancelled', lease_until = NULL, next_attempt_at = NULL,
        last_error = ${row.ep_id !== null ? 'endpoint_disabled' : 'endpoint_deleted'}, updated_at = now()
      WHERE id = ${row.id}::uuid`;
    return { kind: 'skip', reason: row.ep_id !== null ? 'endpoint_disabled' : 'endpoint_gone' };
  }
  if (row.lease_ms_left !== null) {
    // Another run of this same attempt is in flight (a duplicate job); wait for it to settle.
    return defer(tx, job, 'leased', row.lease_ms_left + 250);
  }
  let isProbe = false;
  if (row.state === 'circuit_open') {
    if ((row.cooldown_ms_left ?? 0) > 0) {
      return defer(tx, job, 'circuit_open', jitter(row.cooldown_ms_left ?? limits.circuitCooldownMs));
    }
    if (row.probe_ms_left !== null) {
      return defer(tx, job, 'circuit_open', jitter(Math.max(row.probe_ms_left, 500)));
    }
    // Take the single probe slot atomically (two claims may race here without a row lock).
    const took = await tx.$executeRaw`
      UPDATE webhook_endpoints SET circuit_probe_until = now() + ${limits.timeoutMs + LEASE_SLACK_MS}::float8 * interval '1 millisecond'
      WHERE id = ${row.ep_id}::uuid AND state = 'circuit_open' AND (circuit_probe_until IS NULL OR circuit_probe_until <= now())`;
    if (took === 0) {
      return defer(tx, job, 'circuit_open', jitter(1000));
    }
    isProbe = true;
  }
  if (!row.event_found) {
    await tx.$executeRaw`UPDATE deliveries SET status = 'cancelled', lease_until = NULL, last_error = 'event_missing' WHERE id = ${row.id}::uuid`;
    return { kind: 'skip', reason: 'event_missing' };
  }
  // Per-endpoint mutex for the cap, taken last so it is held only until commit. The count of live
  // leases runs inside the lease UPDATE, i.e. in a snapshot taken after the lock was granted (a
  // count in the lock's own statement could miss a lease committed while it waited).
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`webhook-endpoint:${row.ep_id}`}))`;
  const leased = await tx.$executeRaw`
    UPDATE deliveries SET status = 'delivering', updated_at = now(),
      lease_until = now() + ${limits.timeoutMs + LEASE_SLACK_MS}::float8 * interval '1 millisecond'
    WHERE id = ${row.id}::uuid
      AND (SELECT count(*) FROM deliveries
           WHERE tenant_id = ${job.tenantId}::uuid AND endpoint_id = ${row.ep_id}::uuid AND lease_until > now()) < ${limits.endpointConcurrency}::int`;
  if (leased === 0) {
    return defer(tx, job, 'concurrency', jitter(Math.min(1000, Math.max(100, limits.timeoutMs / 4))));
  }
  return {
    kind: 'go',
    delivery: {
      id: row.id,
      eventId: row.event_id,
      endpointId: row.endpoint_id,
      attempts: row.attempts,
      roundFirstAttempt: row.round_first_attempt,
    },
    endpoint: {
      id: row.ep_id,
      url: row.url,
      secretEnc: row.secret_enc,
      previousSecretEnc: row.previous_secret_enc,
      previousSecretUntil: row.previous_secret_until,
      isPlatformReceiver: row.is_platform_receiver,
    },
    payload: row.payload,
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
