import { VendorError, type VideoProviderName } from './video-provider.ts';
import type { AccessTokenCache } from './access-token-cache.ts';

/** The subset of `fetch` the adapters use; injectable so tests and proxies can supply their own. */
export type FetchLike = (input: string, init: RequestInit) => Promise<Response>;

export interface VendorResponse {
  status: number;
  headers: Headers;
  /** Parsed JSON body, or undefined for an empty or non-JSON body. */
  body: unknown;
}

export interface VendorRequest {
  provider: VideoProviderName;
  /** Short operation label for error messages, e.g. 'create meeting'. */
  operation: string;
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  url: string;
  headers?: Record<string, string>;
  body?: string;
  timeoutMs: number;
  fetchImpl: FetchLike;
}

/**
 * Sends one request and returns whatever HTTP answer came back. Only a missing answer (refused,
 * reset, timeout) throws, as a retryable `network` VendorError.
 */
export async function sendVendorRequest(request: VendorRequest): Promise<VendorResponse> {
  let response: Response;
  try {
    response = await request.fetchImpl(request.url, {
      method: request.method,
      headers: { accept: 'application/json', ...request.headers },
      body: request.body,
      signal: AbortSignal.timeout(request.timeoutMs),
      redirect: 'error',
    });
  } catch (error) {
    throw new VendorError(`${request.provider} ${request.operation} failed: no response`, {
      provider: request.provider,
      kind: 'network',
      retryable: true,
      cause: error,
    });
  }
  const text = await response.text().catch(() => '');
  return { status: response.status, headers: response.headers, body: parseJsonOrUndefined(text) };
}

/**
 * Maps a non-success vendor response to a VendorError: 429 and 5xx are retryable, 401/403 are
 * `auth`, any other status is a non-retryable `client` error.
 */
export function toVendorError(
  provider: VideoProviderName,
  operation: string,
  response: VendorResponse,
  vendorCode?: string,
): VendorError {
  const { status } = response;
  const base = { provider, status, vendorCode };
  const suffix = vendorCode === undefined ? '' : ` (vendor code ${vendorCode})`;
  const message = `${provider} ${operation} failed with HTTP ${status}${suffix}`;
  if (status === 429) {
    const retryAfterMs = parseRetryAfter(response.headers.get('retry-after'));
    return new VendorError(message, { ...base, kind: 'rate_limited', retryable: true, retryAfterMs });
  }
  if (status >= 500) {
    return new VendorError(message, { ...base, kind: 'server', retryable: true });
  }
  if (status === 401 || status === 403) {
    return new VendorError(message, { ...base, kind: 'auth', retryable: false });
  }
  return new VendorError(message, { ...base, kind: 'client', retryable: false });
}

/** Error for a 2xx answer whose body does not have the shape we need. */
export function invalidResponseError(provider: VideoProviderName, operation: string, status: number): VendorError {
  return new VendorError(`${provider} ${operation} returned an unusable body (HTTP ${status})`, {
    provider,
    kind: 'invalid_response',
    retryable: false,
    status,
  });
}

function parseJsonOrUndefined(text: string): unknown {
  if (text === '') {
    return undefined;
  }
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/** Retry-After is either delta-seconds or an HTTP date. */
function parseRetryAfter(value: string | null): number | undefined {
  if (value === null) {
    return undefined;
  }
  const seconds = Number(value);
  if (Number.isFinite(seconds) && seconds >= 0) {
    return seconds * 1000;
  }
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - Date.now());
}

/**
 * Sends a request with the cached bearer token. On 401 the token was revoked or rotated before
 * its stated expiry: drop it, fetch a fresh one and send once more. A 401 means the vendor did
 * not act on the request, so the resend cannot duplicate a create.
 */
export async function sendAuthorizedRequest(tokens: AccessTokenCache, request: VendorRequest): Promise<VendorResponse> {
  const token = await tokens.getToken();
  const first = await sendVendorRequest(withBearer(request, token));
  if (first.status !== 401) {
    return first;
  }
  tokens.invalidate(token);
  const freshToken = await tokens.getToken();
  return sendVendorRequest(withBearer(request, freshToken));
}

function withBearer(request: VendorRequest, token: string): VendorRequest {
  return { ...request, headers: { ...request.headers, authorization: `Bearer ${token}` } };
}
