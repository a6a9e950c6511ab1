/**
 * Generic webhook sink: the alert as JSON, for operators who route alerts themselves
 * (Opsgenie, Teams, a SIEM, ...). The endpoint URL is reduced to origin + path like every sink.
 */
import { describeEndpointUrl, titleForAlert, type AlertMessage, type SinkRequest } from './alert-message.ts';

/** Body: `{ type: 'periodic.alert', version: 1, sentAt, title, alert }`. */
export function buildGenericAlertBody(alert: AlertMessage, sentAt: Date = new Date()): Record<string, unknown> {
  const endpointUrl = describeEndpointUrl(alert.endpointUrl);
  return {
    type: 'periodic.alert',
    version: 1,
    sentAt: sentAt.toISOString(),
    title: titleForAlert(alert),
    alert: { ...alert, ...(endpointUrl ? { endpointUrl } : {}) },
  };
}

/** The POST to the configured URL. */
export function buildGenericWebhookRequest(alert: AlertMessage, url: string): SinkRequest {
  return {
    url,
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(buildGenericAlertBody(alert)),
  };
}
