/**
 * Endpoint incidents: one per endpoint outage, so many failing events open ONE PagerDuty incident
 * (dedup_key = incident key) instead of a storm. The incident opens with an early "failing"
 * warning (after the 3rd failed attempt of a delivery, or at the first dead letter), collects the
 * dead letters, and resolves ("recovered") when the endpoint succeeds again and no delivery of it
 * is still deep in retries. Every alert is recorded in the alerts table inside the same
 * transaction as the state change, and fanned out by the alert.send job (which retries).
 */
import { randomUUID } from 'node:crypto';
import type { TAlertKind } from '../../alerts/alert-message.ts';
import type { CoreTx } from '../../db/tenant-scope.ts';
import { sendAlertJob } from './queues.ts';

/** Failed attempts within a round after which the "failing" warning fires. */
export const FAILING_WARNING_AFTER_ATTEMPTS = 3;
/** Within one incident, further dead-letter alerts are sent at most this often (the rest are recorded). */
export const DEAD_LETTER_REPEAT_MS = 10 * 60_000;

/** Records an alert row and (unless suppressed) enqueues its fan-out. */
export async function recordAlert(
  tx: CoreTx,
  input: { tenantId: string; endpointId: string; deliveryId?: string; kind: TAlertKind; incidentKey: string; summary: string; suppressed?: boolean },
): Promise<string> {
  const id = randomUUID();
  await tx.alert.create({
    data: {
      id,
      tenantId: input.tenantId,
      endpointId: input.endpointId,
      deliveryId: input.deliveryId ?? null,
      kind: input.kind,
      incidentKey: input.incidentKey,
      summary: input.summary,
      sinkResults: input.suppressed ? { suppressed: true, reason: 'folded into the open incident' } : {},
    },
  });
  if (!input.suppressed) {
    await sendAlertJob(tx, { tenantId: input.tenantId, alertId: id });
  }
  return id;
}

/**
 * Opens the endpoint's incident if none is open; returns its key and whether it was just opened.
 * The caller must hold the endpoint row lock.
 */
export async function ensureIncident(tx: CoreTx, endpointId: string): Promise<{ incidentKey: string; opened: boolean }> {
  const endpoint = await tx.webhookEndpoint.findUniqueOrThrow({ where: { id: endpointId }, select: { incidentKey: true } });
  if (endpoint.incidentKey) {
    return { incidentKey: endpoint.incidentKey, opened: false };
  }
  // Per endpoint AND outage: after a resolve, the next outage is a new incident.
  const incidentKey = `endpoint:${endpointId}:${Date.now().toString(36)}`;
  await tx.webhookEndpoint.update({ where: { id: endpointId }, data: { incidentKey, incidentOpenedAt: new Date() } });
  return { incidentKey, opened: true };
}

/** Early warning: opens the incident and alerts "failing", once per incident. */
export async function warnEndpointFailing(
  tx: CoreTx,
  input: { tenantId: string; endpointId: string; deliveryId: string; attempts: number },
): Promise<void> {
  const { incidentKey, opened } = await ensureIncident(tx, input.endpointId);
  if (!opened) {
    return;
  }
  await recordAlert(tx, {
    tenantId: input.tenantId,
    endpointId: input.endpointId,
    deliveryId: input.deliveryId,
    kind: 'failing',
    incidentKey,
    summary: `Webhook endpoint ${input.endpointId} is failing: a delivery failed ${input.attempts} attempts in a row`,
  });
}

/**
 * After a success: resolves the open incident unless another delivery of the endpoint is still
 * struggling (≥ FAILING_WARNING_AFTER_ATTEMPTS failed attempts and retrying), which would reopen
 * it a moment later (flapping).
 */
export async function resolveIncidentIfRecovered(tx: CoreTx, input: { tenantId: string; endpointId: string }): Promise<boolean> {
  const endpoint = await tx.webhookEndpoint.findUniqueOrThrow({ where: { id: input.endpointId }, select: { incidentKey: true } });
  if (!endpoint.incidentKey) {
    return false;
  }
  const [struggling] = await tx.$queryRaw<Array<{ n: number }>>`
    SELECT count(*)::int AS n FROM deliveries
    WHERE tenant_id = ${input.tenantId}::uuid AND endpoint_id = ${input.endpointId}::uuid
      AND status IN ('retrying', 'delivering') AND attempts - round_first_attempt + 1 >= ${FAILING_WARNING_AFTER_ATTEMPTS}::int`;
  if ((struggling?.n ?? 0) > 0) {
    return false;
  }
  await tx.webhookEndpoint.update({ where: { id: input.endpointId }, data: { incidentKey: null, incidentOpenedAt: null } });
  await recordAlert(tx, {
    tenantId: input.tenantId,
    endpointId: input.endpointId,
    kind: 'recovered',
    incidentKey: endpoint.incidentKey,
    summary: `Webhook endpoint ${input.endpointId} recovered: deliveries succeed again`,
  });
  return true;
}

/** True when a dead-letter alert of this incident was sent within DEAD_LETTER_REPEAT_MS. */
export async function deadLetterAlertedRecently(tx: CoreTx, tenantId: string, incidentKey: string): Promise<boolean> {
  const recent = await tx.alert.findFirst({
    where: {
      tenantId,
      incidentKey,
      kind: 'dead_letter',
      createdAt: { gt: new Date(Date.now() - DEAD_LETTER_REPEAT_MS) },
      NOT: { sinkResults: { path: ['suppressed'], equals: true } },
    },
    select: { id: true },
  });
  return recent !== null;
}
