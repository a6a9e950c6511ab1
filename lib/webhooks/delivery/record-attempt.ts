/**
 * Step 3 of an attempt, in one core transaction: record the attempt (every attempt, success or
 * not), update the rollup, the endpoint's health and circuit, and schedule what comes next —
 * the retry job, or the dead-letter job — in the same commit. The delivery row's attempt counter
 * is advanced with a compare-and-set, so a duplicate run of the same attempt records nothing.
 */
import type { CoreTx } from '../../db/tenant-scope.ts';
import type { PostResult } from '../post-webhook.ts';
import { addAttemptToHourlyStats } from './hourly-stats.ts';
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
  const updated = await tx.$executeRaw`
    UPDATE deliveries SET attempts = ${job.attempt}::int, status = ${status}, lease_until = NULL,
      last_status_code = ${result.statusCode ?? null}::int, last_error = ${describeError(result)},
      delivered_at = CASE WHEN ${result.ok} THEN now() ELSE delivered_at END,
      next_attempt_at = CASE WHEN ${status} = 'retrying' THEN now() + ${delayMs}::float8 * interval '1 millisecond' END,
      updated_at = now()
    WHERE id = ${job.deliveryId}::uuid AND attempts = ${job.attempt - 1}::int
      AND status NOT IN ('delivered', 'dead', 'cancelled')`;
  if (updated === 0) {
    return 'duplicate';
  }
  await tx.deliveryAttempt.create({
    data: {
      tenantId: job.tenantId,
      deliveryId: job.deliveryId,
      endpointId: input.endpointId,
      attempt: job.attempt,
      outcome: result.ok ? 'success' : 'failure',
      statusCode: result.statusCode ?? null,
      latencyMs: result.latencyMs,
      errorClass: result.errorClass ?? null,
      responseBody: result.responseSnippet.slice(0, 2048) || null,
    },
  });
  // Hot rows (the endpoint, its hourly rollup) are touched last so their locks are held only
  // until commit; a success on a healthy endpoint does not write the endpoint row at all.
  const outcome = await updateHealthAndSchedule(tx, input, decision, roundAttempt);
  await addAttemptToHourlyStats(tx, { tenantId: job.tenantId, endpointId: input.endpointId, ok: result.ok, latencyMs: result.latencyMs });
  return outcome;
}

async function updateHealthAndSchedule(
  tx: CoreTx,
  input: { job: TDeliverJob; endpointId: string; isProbe: boolean; result: PostResult; policy: RecordPolicy },
  decision: ReturnType<typeof decideAfterFailure> | undefined,
  roundAttempt: number,
): Promise<RecordOutcome> {
  const { job, result, policy } = input;
  const [seen] = await tx.$queryRaw<Array<{ state: string; consecutive_failures: number; incident_key: string | null }>>`
    SELECT state, consecutive_failures, incident_key FROM webhook_endpoints WHERE id = ${input.endpointId}::uuid`;
  if (result.ok && seen && seen.consecutive_failures === 0 && seen.incident_key === null && seen.state !== 'circuit_open' && seen.state !== 'failing') {
    return 'delivered';
  }
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
