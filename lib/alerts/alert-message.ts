/**
 * The one message shape every alert sink renders.
 *
 * NEVER PUT PHI IN AN ALERT. Alerts leave our boundary (Slack, PagerDuty, Datadog, a customer
 * webhook) where no BAA may cover them. An alert carries only opaque ids (tenant, endpoint, event,
 * delivery), an event type, counts and our own error text — never a patient's name, email, phone,
 * date of birth, note, token map or video link. The schema is strict (unknown keys are refused)
 * so a caller cannot smuggle extra fields through, and `summary`/`lastError` are length-capped.
 * `lastError` must be our classification (e.g. "timeout", "http_status 500"), not a response body.
 */
import { z } from 'zod';

/** What happened. `recovered` resolves the incident opened by an earlier alert with the same incidentKey. */
export const ZAlertKind = z.enum(['dead_letter', 'failing', 'recovered', 'provisioning_failed']);
export type TAlertKind = z.infer<typeof ZAlertKind>;

export const ZAlertMessage = z
  .object({
    kind: ZAlertKind,
    /** Stable key of the incident: PagerDuty dedup_key and Datadog aggregation_key (e.g. `endpoint:<id>:failing`). */
    incidentKey: z.string().min(1).max(255),
    tenantId: z.string().min(1).max(100),
    tenantSlug: z.string().min(1).max(100).optional(),
    endpointId: z.string().min(1).max(100).optional(),
    /** Rendered without query string or credentials (see describeEndpointUrl). */
    endpointUrl: z.url().max(2048).optional(),
    eventType: z.string().min(1).max(100).optional(),
    eventId: z.string().min(1).max(100).optional(),
    deliveryId: z.string().min(1).max(100).optional(),
    attempts: z.number().int().min(0).max(1000).optional(),
    lastError: z.string().max(500).optional(),
    /** One line for humans; PagerDuty caps summaries at 1024 characters. */
    summary: z.string().min(1).max(1024),
  })
  .strict();

/** A validated alert. See the module comment: never PHI. */
export type AlertMessage = z.infer<typeof ZAlertMessage>;

/** Where alerts go. Every sink is optional; unset sinks are skipped. */
export interface AlertSinkConfig {
  slackWebhookUrl?: string;
  pagerdutyRoutingKey?: string;
  /** default https://events.pagerduty.com */
  pagerdutyEventsUrl?: string;
  datadogApiKey?: string;
  /** default https://api.datadoghq.com (use your site, e.g. https://api.datadoghq.eu) */
  datadogApiUrl?: string;
  genericWebhookUrl?: string;
}

/** A request a sink wants sent; send-alert.ts does the HTTP. */
export interface SinkRequest {
  url: string;
  headers: Record<string, string>;
  body: string;
}

/**
 * An endpoint URL safe to show in an alert: origin and path only. Query strings often carry
 * receiver tokens, and credentials must never be echoed.
 */
export function describeEndpointUrl(url: string | undefined): string | undefined {
  if (url === undefined) {
    return undefined;
  }
  try {
    const parsed = new URL(url);
    return `${parsed.origin}${parsed.pathname}`;
  } catch {
    return undefined;
  }
}

/** Human title per kind, shared by all sinks so they read the same. */
export function titleForAlert(alert: AlertMessage): string {
  const who = alert.tenantSlug ?? alert.tenantId;
  switch (alert.kind) {
    case 'dead_letter':
      return `Webhook delivery dead-lettered (${who})`;
    case 'failing':
      return `Webhook endpoint failing (${who})`;
    case 'recovered':
      return `Webhook endpoint recovered (${who})`;
    case 'provisioning_failed':
      return `Video room provisioning failed (${who})`;
  }
}

/** The identifying fields of an alert as label/value pairs, in display order, without empty ones. */
export function alertFacts(alert: AlertMessage): Array<[label: string, value: string]> {
  const facts: Array<[string, string | number | undefined]> = [
    ['Tenant', alert.tenantSlug ? `${alert.tenantSlug} (${alert.tenantId})` : alert.tenantId],
    ['Endpoint', alert.endpointId],
    ['Endpoint URL', describeEndpointUrl(alert.endpointUrl)],
    ['Event type', alert.eventType],
    ['Event', alert.eventId],
    ['Delivery', alert.deliveryId],
    ['Attempts', alert.attempts],
    ['Last error', alert.lastError],
  ];
  return facts.filter((f): f is [string, string | number] => f[1] !== undefined).map(([k, v]) => [k, String(v)]);
}
