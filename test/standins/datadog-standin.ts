/**
 * Stand-in for the Datadog Events API v1 (POST /api/v1/events): DD-API-KEY header required
 * (403 `{ errors: ['Forbidden'] }` without it, or when it differs from `apiKey` if one is set);
 * title and text required (400 `{ errors: [...] }`); 202 `{ status: 'ok', event: {...} }`.
 */
import { randomInt } from 'node:crypto';
import {
  headerOf,
  isRecord,
  startAlertStandinServer,
  type AlertStandin,
  type AlertStandinOptions,
} from './alert-standin-server.ts';

const ALERT_TYPES = new Set(['error', 'warning', 'info', 'success', 'user_update', 'recommendation', 'snapshot']);

/** `url` is the API base URL to configure as datadogApiUrl. */
export function startDatadogStandin(options: AlertStandinOptions & { apiKey?: string } = {}): Promise<AlertStandin> {
  return startAlertStandinServer(({ method, path, headers, body }) => {
    if (method !== 'POST' || path !== '/api/v1/events') {
      return { status: 404, body: { errors: ['Not found'] } };
    }
    const key = headerOf(headers, 'dd-api-key');
    if (!key || (options.apiKey !== undefined && key !== options.apiKey)) {
      return { status: 403, body: { errors: ['Forbidden'] } };
    }
    if (!isRecord(body)) {
      return { status: 400, body: { errors: ['Invalid JSON body'] } };
    }
    const errors: string[] = [];
    if (typeof body.title !== 'string' || body.title === '') {
      errors.push("Event 'title' is required");
    }
    if (typeof body.text !== 'string' || body.text === '') {
      errors.push("Event 'text' is required");
    }
    if (body.alert_type !== undefined && (typeof body.alert_type !== 'string' || !ALERT_TYPES.has(body.alert_type))) {
      errors.push("Event 'alert_type' is invalid");
    }
    if (body.tags !== undefined && !(Array.isArray(body.tags) && body.tags.every((t) => typeof t === 'string'))) {
      errors.push("Event 'tags' must be a list of strings");
    }
    if (typeof body.aggregation_key === 'string' && body.aggregation_key.length > 100) {
      errors.push("Event 'aggregation_key' must be at most 100 characters");
    }
    if (errors.length > 0) {
      return { status: 400, body: { errors } };
    }
    const id = randomInt(1, 2 ** 47);
    return {
      status: 202,
      body: {
        status: 'ok',
        event: {
          id,
          id_str: String(id),
          title: body.title,
          text: body.text,
          date_happened: Math.floor(Date.now() / 1000),
          alert_type: body.alert_type ?? 'info',
          priority: 'normal',
          tags: body.tags ?? [],
          url: `https://app.datadoghq.com/event/event?id=${id}`,
        },
      },
    };
  }, options);
}
