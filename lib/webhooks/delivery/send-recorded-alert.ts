/**
 * Handler logic of alert.send: renders a recorded alert (ids, event type, counts, our own error
 * class — never PHI, never a response body) and sends it to every configured sink at once.
 * Per-sink results are stored on the alert row; a retry (pg-boss, with backoff) sends only to the
 * sinks that have not accepted it yet, so Slack does not get the same alert twice because
 * PagerDuty was down.
 */
import { loadAlertSinkConfig } from '../../alerts/alert-config.ts';
import type { AlertMessage, AlertSinkConfig } from '../../alerts/alert-message.ts';
import { ZAlertKind } from '../../alerts/alert-message.ts';
import { sendAlert, type AlertSinkName, type AlertSinkResult } from '../../alerts/send-alert.ts';
import { withCoreTenant } from '../../db/tenant-scope.ts';
import type { TAlertJob } from './queues.ts';

type SinkResults = Partial<Record<AlertSinkName, AlertSinkResult>> & { suppressed?: boolean };

const SINK_KEYS: Record<AlertSinkName, Array<keyof AlertSinkConfig>> = {
  slack: ['slackWebhookUrl'],
  pagerduty: ['pagerdutyRoutingKey', 'pagerdutyEventsUrl'],
  datadog: ['datadogApiKey', 'datadogApiUrl'],
  webhook: ['genericWebhookUrl'],
};
const PRIMARY_KEY: Record<AlertSinkName, keyof AlertSinkConfig> = {
  slack: 'slackWebhookUrl',
  pagerduty: 'pagerdutyRoutingKey',
  datadog: 'datadogApiKey',
  webhook: 'genericWebhookUrl',
};

/** Thrown when a sink still refuses after its own retries, so pg-boss retries the job later. */
export class AlertSinksFailedError extends Error {
  constructor(sinks: string[]) {
    super(`alert sinks failed: ${sinks.join(', ')}`);
    this.name = 'AlertSinksFailedError';
  }
}

/** Sends (or finishes sending) the alert; returns the merged per-sink results. */
export async function sendRecordedAlert(job: TAlertJob, sinks: AlertSinkConfig = loadAlertSinkConfig()): Promise<SinkResults> {
  const loaded = await withCoreTenant(job.tenantId, async (tx) => {
    const alert = await tx.alert.findUnique({ where: { id: job.alertId } });
    if (!alert) {
      return undefined;
    }
    const endpoint = alert.endpointId ? await tx.webhookEndpoint.findUnique({ where: { id: alert.endpointId }, select: { url: true } }) : null;
    const delivery = alert.deliveryId
      ? await tx.delivery.findUnique({ where: { id: alert.deliveryId }, select: { eventId: true, eventType: true, attempts: true, lastError: true } })
      : null;
    const tenant = await tx.tenant.findUnique({ where: { id: job.tenantId }, select: { slug: true } });
    return { alert, endpoint, delivery, tenant };
  });
  if (!loaded) {
    return {};
  }
  const { alert, endpoint, delivery, tenant } = loaded;
  const previous = (alert.sinkResults ?? {}) as SinkResults;
  if (previous.suppressed) {
    return previous;
  }
  const message: AlertMessage = {
    kind: ZAlertKind.parse(alert.kind),
    incidentKey: alert.incidentKey,
    tenantId: alert.tenantId,
    summary: alert.summary,
    ...(tenant ? { tenantSlug: tenant.slug } : {}),
    ...(alert.endpointId ? { endpointId: alert.endpointId } : {}),
    ...(endpoint ? { endpointUrl: safeUrl(endpoint.url) } : {}),
    ...(delivery ? { eventId: delivery.eventId, eventType: delivery.eventType, attempts: delivery.attempts } : {}),
    ...(delivery?.lastError ? { lastError: delivery.lastError.slice(0, 500) } : {}),
    ...(alert.deliveryId ? { deliveryId: alert.deliveryId } : {}),
  };
  const pending = pendingSinks(sinks, previous);
  const fresh = await sendAlert(message, pending);
  const merged: SinkResults = { ...previous, ...fresh };
  await withCoreTenant(job.tenantId, (tx) => tx.alert.update({ where: { id: alert.id }, data: { sinkResults: merged as object } }));
  const failed = (Object.keys(fresh) as AlertSinkName[]).filter((name) => !fresh[name]?.ok);
  if (failed.length > 0) {
    throw new AlertSinksFailedError(failed);
  }
  return merged;
}

/** Only the configured sinks that have not yet accepted this alert. */
function pendingSinks(sinks: AlertSinkConfig, previous: SinkResults): AlertSinkConfig {
  const out: AlertSinkConfig = {};
  for (const name of Object.keys(SINK_KEYS) as AlertSinkName[]) {
    if (!sinks[PRIMARY_KEY[name]] || previous[name]?.ok) {
      continue;
    }
    for (const key of SINK_KEYS[name]) {
      if (sinks[key] !== undefined) {
        out[key] = sinks[key];
      }
    }
  }
  return out;
}

function safeUrl(url: string): string | undefined {
  try {
    const parsed = new URL(url);
    return `${parsed.origin}${parsed.pathname}`;
  } catch {
    return undefined;
  }
}
