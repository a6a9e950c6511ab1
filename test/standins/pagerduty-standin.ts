/**
 * Stand-in for the PagerDuty Events API v2 (POST /v2/enqueue), validating as the API documents:
 * routing_key and event_action always; payload.summary/source/severity for trigger; dedup_key
 * for acknowledge/resolve. 202 `{ status: 'success', message: 'Event processed', dedup_key }`,
 * or 400 `{ status: 'invalid event', message, errors }`.
 */
import { randomBytes } from 'node:crypto';
import {
  isRecord,
  startAlertStandinServer,
  type AlertStandin,
  type AlertStandinOptions,
} from './alert-standin-server.ts';

const ACTIONS = new Set(['trigger', 'acknowledge', 'resolve']);
const SEVERITIES = new Set(['critical', 'error', 'warning', 'info']);

function validateEvent(body: unknown): string[] {
  if (!isRecord(body)) {
    return ['Event object is invalid'];
  }
  const errors: string[] = [];
  if (typeof body.routing_key !== 'string' || body.routing_key === '') {
    errors.push("'routing_key' is missing or blank");
  }
  if (typeof body.event_action !== 'string' || !ACTIONS.has(body.event_action)) {
    errors.push("'event_action' is invalid (must be one of: trigger, acknowledge, resolve)");
  }
  if (body.dedup_key !== undefined && (typeof body.dedup_key !== 'string' || body.dedup_key.length > 255)) {
    errors.push("'dedup_key' must be a string of at most 255 characters");
  }
  if (body.event_action === 'trigger') {
    const payload = isRecord(body.payload) ? body.payload : undefined;
    if (!payload) {
      errors.push("'payload' is missing or invalid");
    } else {
      if (typeof payload.summary !== 'string' || payload.summary === '' || payload.summary.length > 1024) {
        errors.push("'payload.summary' is missing, blank or longer than 1024 characters");
      }
      if (typeof payload.source !== 'string' || payload.source === '') {
        errors.push("'payload.source' is missing or blank");
      }
      if (typeof payload.severity !== 'string' || !SEVERITIES.has(payload.severity)) {
        errors.push("'payload.severity' is invalid (must be one of: critical, error, warning, info)");
      }
    }
  } else if (body.event_action === 'acknowledge' || body.event_action === 'resolve') {
    if (typeof body.dedup_key !== 'string' || body.dedup_key === '') {
      errors.push("'dedup_key' is required for acknowledge and resolve");
    }
  }
  return errors;
}

/** `url` is the events base URL to configure as pagerdutyEventsUrl. */
export function startPagerDutyStandin(options: AlertStandinOptions = {}): Promise<AlertStandin> {
  return startAlertStandinServer(({ method, path, body }) => {
    if (method !== 'POST' || path !== '/v2/enqueue') {
      return { status: 404, body: { status: 'not found', message: 'Not found' } };
    }
    const errors = validateEvent(body);
    if (errors.length > 0) {
      return { status: 400, body: { status: 'invalid event', message: 'Event object is invalid', errors } };
    }
    const event = body as Record<string, unknown>;
    const dedupKey = typeof event.dedup_key === 'string' ? event.dedup_key : randomBytes(16).toString('hex');
    return { status: 202, body: { status: 'success', message: 'Event processed', dedup_key: dedupKey } };
  }, options);
}
