/**
 * PagerDuty Events API v2 sink. `recovered` resolves the incident with the same dedup_key
 * (our incidentKey); every other kind triggers (or re-triggers, deduplicated) it.
 */
import { alertFacts, describeEndpointUrl, type AlertMessage, type SinkRequest } from './alert-message.ts';

export const DEFAULT_PAGERDUTY_EVENTS_URL = 'https://events.pagerduty.com';

type Severity = 'critical' | 'error' | 'warning' | 'info';

const SEVERITY: Record<Exclude<AlertMessage['kind'], 'recovered'>, Severity> = {
  dead_letter: 'error',
  failing: 'warning',
  provisioning_failed: 'error',
};

/** Builds the Events API v2 body: a trigger with payload, or a bare resolve. */
export function buildPagerDutyEvent(alert: AlertMessage, routingKey: string): Record<string, unknown> {
  if (alert.kind === 'recovered') {
    // A resolve needs only these three; PagerDuty ignores a payload on resolve.
    return { routing_key: routingKey, event_action: 'resolve', dedup_key: alert.incidentKey };
  }
  const endpointUrl = describeEndpointUrl(alert.endpointUrl);
  return {
    routing_key: routingKey,
    event_action: 'trigger',
    dedup_key: alert.incidentKey,
    payload: {
      summary: alert.summary,
      // "The unique location of the affected system": the receiving host when there is one.
      source: endpointUrl ? new URL(endpointUrl).host : 'periodic',
      severity: SEVERITY[alert.kind],
      component: alert.kind === 'provisioning_failed' ? 'video-provisioning' : 'webhook-delivery',
      group: alert.tenantSlug ?? alert.tenantId,
      class: alert.kind,
      custom_details: Object.fromEntries(alertFacts(alert)),
    },
  };
}

/** The POST to `${eventsUrl}/v2/enqueue`. */
export function buildPagerDutyRequest(alert: AlertMessage, routingKey: string, eventsUrl?: string): SinkRequest {
  const base = (eventsUrl ?? DEFAULT_PAGERDUTY_EVENTS_URL).replace(/\/+$/, '');
  return {
    url: `${base}/v2/enqueue`,
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(buildPagerDutyEvent(alert, routingKey)),
  };
}
