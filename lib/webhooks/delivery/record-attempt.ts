/**
 * Step 3 of an attempt, in one core transaction: record the attempt (every attempt, success or
 * not), update the rollup, the endpoint's health and circuit, and schedule what comes next —
 * the retry job, or the dead-letter job — in the same commit. The delivery row's attempt counter
 * is advanced with a compare-and-set, so a duplicate run of the same attempt records nothing.
 */
import type { CoreTx } from '../../db/tenant-scope.ts';
import type { PostResult } from '../post-webhook.ts';
import { hourlyStatsUpsertFrom } from './hourly-stats.ts';
import { FAILING_WARNING_AFTER_ATTEMPTS, resolveIncidentIfRecovered, warnEndpointFailing } from './incidents.ts';
import { sendDeadLetterJob, sendDeliverJob, type TDeliverJob } from './queues.ts';
import { decideAfterFailure } from './retry-policy.ts';

export interface RecordPolicy {
  maxAttempts: number;
  retryBaseMs: number;
  circuitThreshold: number;
}

export type RecordOutcome = 'delivered' | 'retry_scheduled' | 'dead_lettered' | 'duplicate';

/** Short error text for the delivery row: our classification, never the receiver's body. */
function describeError(result: PostResult): string | null {
  if (result.ok) {
    return null;
  }
  return result.statusCode !== undefined ? `${result.errorClass ?? 'http_status'} ${result.statusCode}` : (result.errorClass ?? 'network');
}

/** Records the result of attempt `job.attempt` and schedules the next step. */
export async function recordAttempt(
  tx: CoreTx,
  input: { job: TDeliverJob; endpointId: string; roundFirstAttempt: number; isProbe: boolean; result: PostResult; policy: RecordPolicy },
): Promise<RecordOutcome> {
  const { job, result, policy } = input;
  const roundAttempt = job.attempt - input.roundFirstAttempt + 1;
  const decision = result.ok
    ? undefined
    : decideAfterFailure({
        roundAttempt,
        maxAttempts: policy.maxAttempts,
        baseMs: policy.retryBaseMs,
        statusCode: result.statusCode,
        retryAfterSeconds: result.retryAfterSeconds,
      });
  const status = result.ok ? 'delivered' : decision?.kind === 'retry' ? 'retrying' : 'failed';
  const delayMs = decision?.kind === 'retry' ? decision.delayMs : 0;
  // One statement for the common case: the compare-and-set on the delivery, the attempt row, the
  // hourly rollup (all three only when the compare-and-set matched) and the endpoint's health as
  // the fast path needs it. A success on a healthy endpoint then commits right away, so the hot
  // rollup row is still locked only until that commit.
  const ok = result.ok;
  const [seen] = await tx.$queryRaw<Array<{ state: string | null; consecutive_failures: number | null; incident_key: string | null }>>`
    WITH u AS (
      UPDATE deliveries SET attempts = ${job.attempt}::int, status = ${status}, lease_until = NULL,
        last_status_code = ${result.statusCode ?? null}::int, last_error = ${describeError(result)},
        delivered_at = CASE WHEN ${ok} THEN now() ELSE delivered_at END,
        next_attempt_at = CASE WHEN ${status} = 'retrying' THEN now() + ${delayMs}::float8 * interval '1 millisecond' END,
        updated_at = now()
      WHERE id = ${job.deliveryId}::uuid AND attempts = ${job.attempt - 1}::int
        AND status NOT IN ('delivered', 'dead', 'cancelled')
      RETURNING id
    ), attempt_row AS (
      INSERT INTO delivery_attempts (tenant_id, delivery_id, endpoint_id, attempt, outcome, status_code, latency_ms, error_class, response_body)
      SELECT ${job.tenantId}::uuid, u.id, ${input.endpointId}::uuid, ${job.attempt}::int, ${ok ? 'success' : 'failure'},
        ${result.statusCode ?? null}::int, ${result.latencyMs}::int, ${result.errorClass ?? null}, ${result.responseSnippet.slice(0, 2048) || null}
      FROM u
    ), rollup AS (
      ${hourlyStatsUpsertFrom('u', { tenantId: job.tenantId, endpointId: input.endpointId, ok, latencyMs: result.latencyMs })}
    )
    SELECT e.state, e.consecutive_failures, e.incident_key
    FROM u LEFT JOIN webhook_endpoints e ON e.id = ${input.endpointId}::uuid`;
  if (!seen) {
    return 'duplicate';
  }
  if (ok && seen.consecutive_failures === 0 && seen.incident_key === null && seen.state !== 'circuit_open' && seen.state !== 'failing') {
    return 'delivered';
  }
  return updateHealthAndSchedule(tx, input, decision, roundAttempt);
}

async function updateHealthAndSchedule(
  tx: CoreTx,
  input: { job: TDeliverJob; endpointId: string; isProbe: boolean; result: PostResult; policy: RecordPolicy },
  decision: ReturnType<typeof decideAfterFailure> | undefined,
  roundAttempt: number,
): Promise<RecordOutcome> {
  const { job, result, policy } = input;
  // The endpoint row lock orders health updates of concurrent attempts.
  const [endpoint] = await tx.$queryRaw<Array<{ state: string; consecutive_failures: number; enabled: boolean }>>`
    SELECT state, consecutive_failures, enabled FROM webhook_endpoints WHERE id = ${input.endpointId}::uuid FOR UPDATE`;
  if (result.ok) {
    if (endpoint) {
      await tx.$executeRaw`
        UPDATE webhook_endpoints SET consecutive_failures = 0, circuit_opened_at = NULL, circuit_probe_until = NULL,
          state = CASE WHEN enabled THEN 'healthy' ELSE state END, updated_at = now()
        WHERE id = ${input.endpointId}::uuid`;
      await resolveIncidentIfRecovered(tx, { tenantId: job.tenantId, endpointId: input.endpointId });
    }
    return 'delivered';
  }
  if (endpoint) {
    await updateEndpointAfterFailure(tx, input.endpointId, endpoint, input.isProbe, policy, decision?.kind === 'dead_letter' && decision.disableEndpoint);
    if (roundAttempt >= FAILING_WARNING_AFTER_ATTEMPTS) {
      await warnEndpointFailing(tx, { tenantId: job.tenantId, endpointId: input.endpointId, deliveryId: job.deliveryId, attempts: roundAttempt });
    }
  }
  if (decision?.kind === 'retry') {
    await sendDeliverJob(tx, { ...job, attempt: job.attempt + 1 }, decision.delayMs);
    return 'retry_scheduled';
  }
  await sendDeadLetterJob(tx, job);
  return 'dead_lettered';
}

async function updateEndpointAfterFailure(
  tx: CoreTx,
  endpointId: string,
  endpoint: { state: string; consecutive_failures: number; enabled: boolean },
  isProbe: boolean,
  policy: RecordPolicy,
  gone: boolean,
): Promise<void> {
  if (gone) {
    await tx.$executeRaw`
      UPDATE webhook_endpoints SET enabled = false, state = 'disabled', disabled_reason = 'gone_410',
        consecutive_failures = consecutive_failures + 1, circuit_probe_until = NULL, updated_at = now()
      WHERE id = ${endpointId}::uuid`;
    return;
  }
  const failures = endpoint.consecutive_failures + 1;
  // A failed probe re-opens the circuit (a fresh cooldown); reaching the threshold opens it.
  const openCircuit = endpoint.enabled && (isProbe || endpoint.state === 'circuit_open' || failures >= policy.circuitThreshold);
  const nextState = !endpoint.enabled ? endpoint.state : openCircuit ? 'circuit_open' : failures >= FAILING_WARNING_AFTER_ATTEMPTS ? 'failing' : endpoint.state;
  await tx.$executeRaw`
    UPDATE webhook_endpoints SET consecutive_failures = ${failures}::int, state = ${nextState},
      circuit_opened_at = CASE WHEN ${openCircuit} AND (${isProbe} OR state <> 'circuit_open') THEN now() ELSE circuit_opened_at END,
      circuit_probe_until = CASE WHEN ${isProbe} THEN NULL ELSE circuit_probe_until END,
      updated_at = now()
    WHERE id = ${endpointId}::uuid`;
}
