/**
 * One HTTP POST of a webhook, with the guarantees the delivery worker relies on:
 * - a hard total deadline (connect + headers + body), so a slow receiver cannot hold a worker;
 * - redirects are never followed (a 3xx could point at an internal address), they count as failure;
 * - at most the first 2 KB of the response body is read and kept, for the delivery log;
 * - network failures are returned as a classified result, never thrown.
 */
import { performance } from 'node:perf_hooks';
import { request, type Dispatcher } from 'undici';

/** Bytes of response body kept for the delivery log; the rest is never read. */
export const RESPONSE_SNIPPET_BYTES = 2048;

/** Why a POST failed. `http_status` = the receiver answered but not 2xx (and not 3xx). */
export type PostErrorClass =
  | 'timeout'
  | 'connection_refused'
  | 'connection_reset'
  | 'dns'
  | 'ssrf_blocked'
  | 'http_status'
  | 'redirect'
  | 'network';

/** Outcome of {@link postWebhook}. `ok` is true only for 2xx within the deadline. */
export interface PostResult {
  ok: boolean;
  statusCode?: number;
  latencyMs: number;
  errorClass?: PostErrorClass;
  /** first bytes of the response body (UTF-8), or a short error description when there was none */
  responseSnippet: string;
  /** parsed Retry-After (seconds from now), when the receiver sent one */
  retryAfterSeconds?: number;
}

/**
 * POSTs `body` to `url` through `dispatcher` (use `createGuardedDispatcher` for tenant URLs).
 *
 * @param input.timeoutMs total deadline covering connect, response headers and the body read
 * @returns the classified result; never throws for network or HTTP failures
 */
export async function postWebhook(input: {
  url: string;
  body: string;
  headers: Record<string, string>;
  timeoutMs: number;
  dispatcher: Dispatcher;
}): Promise<PostResult> {
  const started = performance.now();
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort(new Error(`webhook POST exceeded ${input.timeoutMs} ms`));
  }, input.timeoutMs);
  const elapsed = (): number => Math.round(performance.now() - started);
  try {
    const res = await request(input.url, {
      method: 'POST',
      body: input.body,
      headers: withDefaultHeaders(input.headers),
      dispatcher: input.dispatcher,
      signal: controller.signal,
    });
    const snippet = await readSnippet(res.body);
    const retryAfterSeconds = parseRetryAfter(headerValue(res.headers['retry-after']), Date.now());
    const result: PostResult = {
      ok: res.statusCode >= 200 && res.statusCode < 300,
      statusCode: res.statusCode,
      latencyMs: elapsed(),
      responseSnippet: snippet,
    };
    if (!result.ok) {
      result.errorClass = res.statusCode >= 300 && res.statusCode < 400 ? 'redirect' : 'http_status';
    }
    if (retryAfterSeconds !== undefined) {
      result.retryAfterSeconds = retryAfterSeconds;
    }
    return result;
  } catch (err) {
    const errorClass = timedOut ? 'timeout' : classifyError(err);
    return { ok: false, latencyMs: elapsed(), errorClass, responseSnippet: describeError(errorClass, err) };
  } finally {
    clearTimeout(timer);
  }
}

function withDefaultHeaders(headers: Record<string, string>): Record<string, string> {
  const lower = new Set(Object.keys(headers).map((k) => k.toLowerCase()));
  const merged: Record<string, string> = { ...headers };
  if (!lower.has('content-type')) {
    merged['content-type'] = 'application/json';
  }
  if (!lower.has('user-agent')) {
    merged['user-agent'] = 'Periodic-Webhooks/1.0';
  }
  return merged;
}

/** Reads up to RESPONSE_SNIPPET_BYTES, then destroys the stream so the rest is never downloaded. */
async function readSnippet(body: Dispatcher.ResponseData['body']): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of body) {
    const buf = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as Uint8Array);
    chunks.push(buf);
    size += buf.length;
    if (size >= RESPONSE_SNIPPET_BYTES) {
      break;
    }
  }
  // Breaking out of for-await already destroys the stream; this also covers the completed case.
  body.destroy();
  const bytes = Buffer.concat(chunks).subarray(0, RESPONSE_SNIPPET_BYTES);
  // A multi-byte character cut at the limit decodes to U+FFFD rather than throwing.
  return new TextDecoder('utf-8', { fatal: false }).decode(bytes);
}

function headerValue(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

/**
 * Parses a Retry-After header: delta-seconds or an HTTP date (RFC 9110 §10.2.3).
 *
 * @param nowMs current time in ms, to turn a date into seconds from now
 * @returns whole seconds from now (0 for a date in the past), or undefined when absent or unparseable
 */
export function parseRetryAfter(value: string | undefined, nowMs: number): number | undefined {
  if (value === undefined) {
    return undefined;
  }
  const text = value.trim();
  if (/^\d+$/.test(text)) {
    return Number(text);
  }
  // Only accept things that look like an HTTP date; Date.parse is lenient with garbage like "5m".
  if (!/^[A-Za-z]{3},? /.test(text)) {
    return undefined;
  }
  const when = Date.parse(text);
  if (Number.isNaN(when)) {
    return undefined;
  }
  return Math.max(0, Math.ceil((when - nowMs) / 1000));
}

function errorCode(err: unknown): string | undefined {
  // undici wraps some socket errors; the root cause may sit on `cause`.
  let current: unknown = err;
  for (let depth = 0; depth < 4 && current && typeof current === 'object'; depth += 1) {
    const candidate = current as { code?: unknown; name?: unknown; cause?: unknown };
    if (candidate.name === 'SsrfError') {
      // The guarded dispatcher reports a failed lookup as SsrfError('dns_failed'): that is DNS, not SSRF.
      return candidate.code === 'dns_failed' ? 'ENOTFOUND' : 'SSRF';
    }
    if (typeof candidate.code === 'string') {
      return candidate.code;
    }
    current = candidate.cause;
  }
  return undefined;
}

function classifyError(err: unknown): PostErrorClass {
  const code = errorCode(err);
  switch (code) {
    case 'SSRF':
      return 'ssrf_blocked';
    case 'ECONNREFUSED':
      return 'connection_refused';
    case 'ECONNRESET':
    case 'EPIPE':
    case 'UND_ERR_SOCKET':
      return 'connection_reset';
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
    case 'EAI_FAIL':
    case 'EAI_NODATA':
    case 'EAI_NONAME':
      return 'dns';
    case 'ETIMEDOUT':
    case 'UND_ERR_CONNECT_TIMEOUT':
    case 'UND_ERR_HEADERS_TIMEOUT':
    case 'UND_ERR_BODY_TIMEOUT':
      return 'timeout';
    default:
      return 'network';
  }
}

function describeError(errorClass: PostErrorClass, err: unknown): string {
  // Keep it short and free of request content: the class plus the library's error code.
  const code = errorCode(err);
  if (code === 'SSRF' && err instanceof Error) {
    return `${errorClass}: ${err.message}`;
  }
  return code ? `${errorClass}: ${code}` : errorClass;
}
