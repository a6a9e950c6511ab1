/**
 * Sends one alert to every configured sink at once. Sinks are independent: each has its own
 * timeout and small retry, and one sink being down never delays or fails the others.
 * Never throws for delivery problems (alerts must not break the dead-letter handler that sends
 * them); it throws only when the alert itself is invalid, which is a programming error.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { getGlobalDispatcher, type Dispatcher } from 'undici';
import { retryAfterBoundedMs } from '../webhooks/backoff.ts';
import { postWebhook, type PostResult } from '../webhooks/post-webhook.ts';
import { ZAlertMessage, type AlertMessage, type AlertSinkConfig, type SinkRequest } from './alert-message.ts';
import { buildDatadogRequest } from './datadog.ts';
import { buildGenericWebhookRequest } from './generic-webhook.ts';
import { buildPagerDutyRequest } from './pagerduty.ts';
import { buildSlackRequest } from './slack.ts';

export type { AlertMessage, AlertSinkConfig } from './alert-message.ts';

export type AlertSinkName = 'slack' | 'pagerduty' | 'datadog' | 'webhook';

/** Outcome per sink. `error` is a short classification plus the sink's first response bytes. */
export interface AlertSinkResult {
  ok: boolean;
  status?: number;
  error?: string;
  attempts: number;
}

/** Tuning knobs; the defaults follow the design (3 tries, 3 s each, short backoff). */
export interface SendAlertOptions {
  /** per-try deadline (default 3000 ms) */
  timeoutMs?: number;
  /** tries per sink (default 3) */
  maxAttempts?: number;
  /** wait before try n+1 is retryDelayMs × 2^(n−1) (default 250 ms: 250, 500) */
  retryDelayMs?: number;
  /** HTTP dispatcher (default undici's global one; sink URLs are operator config, not tenant input) */
  dispatcher?: Dispatcher;
}

/**
 * Validates `alert` and sends it to every sink configured in `sinks`, in parallel.
 *
 * @returns one entry per configured sink (unconfigured sinks are absent)
 * @throws ZodError when `alert` does not match ZAlertMessage (e.g. an unknown, possibly PHI, field)
 */
export async function sendAlert(
  alert: AlertMessage,
  sinks: AlertSinkConfig,
  options: SendAlertOptions = {},
): Promise<Partial<Record<AlertSinkName, AlertSinkResult>>> {
  const message = ZAlertMessage.parse(alert);
  const requests = buildSinkRequests(message, sinks);
  const entries = await Promise.all(
    requests.map(async ([name, req]) => [name, await sendWithRetry(req, options)] as const),
  );
  return Object.fromEntries(entries);
}

function buildSinkRequests(alert: AlertMessage, sinks: AlertSinkConfig): Array<[AlertSinkName, SinkRequest]> {
  const requests: Array<[AlertSinkName, SinkRequest]> = [];
  if (sinks.slackWebhookUrl) {
    requests.push(['slack', buildSlackRequest(alert, sinks.slackWebhookUrl)]);
  }
  if (sinks.pagerdutyRoutingKey) {
    requests.push(['pagerduty', buildPagerDutyRequest(alert, sinks.pagerdutyRoutingKey, sinks.pagerdutyEventsUrl)]);
  }
  if (sinks.datadogApiKey) {
    requests.push(['datadog', buildDatadogRequest(alert, sinks.datadogApiKey, sinks.datadogApiUrl)]);
  }
  if (sinks.genericWebhookUrl) {
    requests.push(['webhook', buildGenericWebhookRequest(alert, sinks.genericWebhookUrl)]);
  }
  return requests;
}

/** A 4xx other than 408/429 means our request is wrong (bad key, bad payload): retrying won't help. */
function isRetryable(result: PostResult): boolean {
  if (result.errorClass !== 'http_status') {
    return result.errorClass !== 'redirect' && result.errorClass !== 'ssrf_blocked';
  }
  const status = result.statusCode ?? 0;
  return status >= 500 || status === 408 || status === 429;
}

async function sendWithRetry(req: SinkRequest, options: SendAlertOptions): Promise<AlertSinkResult> {
  const maxAttempts = options.maxAttempts ?? 3;
  const timeoutMs = options.timeoutMs ?? 3000;
  const retryDelayMs = options.retryDelayMs ?? 250;
  const dispatcher = options.dispatcher ?? getGlobalDispatcher();
  let last: PostResult | undefined;
  let attempts = 0;
  while (attempts < maxAttempts) {
    attempts += 1;
    last = await postWebhook({ url: req.url, body: req.body, headers: req.headers, timeoutMs, dispatcher });
    if (last.ok || !isRetryable(last) || attempts >= maxAttempts) {
      break;
    }
    const backoff = retryDelayMs * 2 ** (attempts - 1);
    // Honour a sink's Retry-After, but never wait more than one try's timeout for an alert.
    await sleep(retryAfterBoundedMs(last.retryAfterSeconds ?? backoff / 1000, { minMs: backoff, maxMs: Math.max(backoff, timeoutMs) }));
  }
  return toSinkResult(last, attempts);
}

function toSinkResult(result: PostResult | undefined, attempts: number): AlertSinkResult {
  if (!result) {
    return { ok: false, error: 'not_attempted', attempts };
  }
  const sinkResult: AlertSinkResult = { ok: result.ok, attempts };
  if (result.statusCode !== undefined) {
    sinkResult.status = result.statusCode;
  }
  if (!result.ok) {
    sinkResult.error = describeFailure(result);
  }
  return sinkResult;
}

function describeFailure(result: PostResult): string {
  const detail = result.responseSnippet.slice(0, 200);
  if (result.statusCode === undefined) {
    // Network failures: the snippet is already our own "class: CODE" description.
    return detail || (result.errorClass ?? 'network');
  }
  const head = `${result.errorClass ?? 'http_status'} ${result.statusCode}`;
  return detail ? `${head}: ${detail}` : head;
}
