/**
 * Stand-in for an operator's generic alert webhook: POST with a JSON object body → 200
 * `{ ok: true }`; anything else → 400.
 */
import {
  isRecord,
  startAlertStandinServer,
  type AlertStandin,
  type AlertStandinOptions,
} from './alert-standin-server.ts';

/** `url` is the full URL to configure as genericWebhookUrl. */
export function startGenericStandin(options: AlertStandinOptions = {}): Promise<AlertStandin> {
  return startAlertStandinServer(
    ({ method, body }) => {
      if (method !== 'POST' || !isRecord(body)) {
        return { status: 400, body: { ok: false, error: 'expected a POST with a JSON object body' } };
      }
      return { status: 200, body: { ok: true } };
    },
    options,
    '/hooks/periodic-alerts',
  );
}
