/**
 * The exact HTTP request of one webhook attempt: Standard Webhooks v1 headers, the idempotency key
 * and our User-Agent. `webhook-id` and `X-Periodic-Idempotency-Key` are the event id, identical on
 * every retry and replay, so receivers can dedupe; only the timestamp and signature change.
 */
import { signWebhook } from '../signature.ts';

/** Product version in the User-Agent (kept in step with package.json). */
export const PERIODIC_WEBHOOK_VERSION = '0.1.0';
export const WEBHOOK_USER_AGENT = `Periodic-Webhooks/${PERIODIC_WEBHOOK_VERSION}`;

/** Headers for one attempt; `secrets` has two entries during a rotation overlap. */
export function buildWebhookHeaders(input: { eventId: string; body: string; secrets: string[]; now?: Date }): Record<string, string> {
  const timestamp = Math.floor((input.now ?? new Date()).getTime() / 1000);
  return {
    'content-type': 'application/json',
    'user-agent': WEBHOOK_USER_AGENT,
    'webhook-id': input.eventId,
    'webhook-timestamp': String(timestamp),
    'webhook-signature': signWebhook({ secrets: input.secrets, msgId: input.eventId, timestamp, body: input.body }),
    'x-periodic-idempotency-key': input.eventId,
  };
}

/** The body sent for an event: its stored payload, serialised once (signatures cover these bytes). */
export function serializeEventPayload(payload: unknown): string {
  return JSON.stringify(payload);
}
