/**
 * Datadog Events API v1 sink. The incidentKey becomes the aggregation_key so a failure and its
 * recovery roll up into one event stream entry.
 */
import { createHash } from 'node:crypto';
import { alertFacts, titleForAlert, type AlertMessage, type SinkRequest } from './alert-message.ts';

export const DEFAULT_DATADOG_API_URL = 'https://api.datadoghq.com';

const ALERT_TYPE: Record<AlertMessage['kind'], 'error' | 'warning' | 'success'> = {
  dead_letter: 'error',
  failing: 'warning',
  recovered: 'success',
  provisioning_failed: 'error',
};

/** Datadog caps aggregation_key at 100 characters; longer keys are hashed to stay stable and unique. */
function aggregationKey(incidentKey: string): string {
  return incidentKey.length <= 100 ? incidentKey : createHash('sha256').update(incidentKey).digest('hex');
}

/** Datadog tag values: lowercase, no spaces or commas. */
function tagValue(value: string): string {
  return value.toLowerCase().replace(/[^a-z0-9_./:-]+/g, '_').slice(0, 150);
}

/** Builds the event body `{ title, text, alert_type, tags, aggregation_key, source_type_name }`. */
export function buildDatadogEvent(alert: AlertMessage): Record<string, unknown> {
  const tags = [
    'service:periodic',
    `alert_kind:${alert.kind}`,
    `tenant:${tagValue(alert.tenantSlug ?? alert.tenantId)}`,
  ];
  if (alert.endpointId) {
    tags.push(`endpoint_id:${tagValue(alert.endpointId)}`);
  }
  if (alert.eventType) {
    tags.push(`event_type:${tagValue(alert.eventType)}`);
  }
  const facts = alertFacts(alert)
    .map(([label, value]) => `${label}: ${value}`)
    .join('\n');
  return {
    title: titleForAlert(alert).slice(0, 100),
    text: `${alert.summary}\n\n${facts}\nIncident: ${alert.incidentKey}`.slice(0, 4000),
    alert_type: ALERT_TYPE[alert.kind],
    tags,
    aggregation_key: aggregationKey(alert.incidentKey),
    source_type_name: 'periodic',
  };
}

/** The POST to `${apiUrl}/api/v1/events` with the DD-API-KEY header. */
export function buildDatadogRequest(alert: AlertMessage, apiKey: string, apiUrl?: string): SinkRequest {
  const base = (apiUrl ?? DEFAULT_DATADOG_API_URL).replace(/\/+$/, '');
  return {
    url: `${base}/api/v1/events`,
    headers: { 'content-type': 'application/json', 'DD-API-KEY': apiKey },
    body: JSON.stringify(buildDatadogEvent(alert)),
  };
}
