/**
 * The one wrapper every `/api/v1` route handler uses: Bearer-key authentication and rate limit,
 * JSON body parsing, Idempotency-Key on POST, and problem+json for every error. Route files stay
 * thin: they validate with the shared schemas and call one lib/core use-case.
 */
import { findNulCharacter } from '../http/nul-characters.ts';
import { AppError, isAppError } from '../errors/app-error.ts';
import { authenticateApiRequest, type ApiCaller } from './authenticate-request.ts';
import { fingerprintRequest, parseIdempotencyKey, runIdempotent, type StoredResponse } from './idempotency.ts';
import { errorToResponse, PROBLEM_CONTENT_TYPE, problemBodyOf } from './problem.ts';

export interface ApiContext<P> {
  caller: ApiCaller;
  request: Request;
  url: URL;
  params: P;
  /** Parsed JSON body ({} when empty); undefined for GET. */
  body: unknown;
}

export type ApiResult = StoredResponse;

const MAX_BODY_BYTES = 64 * 1024;
const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

async function readJsonBody(request: Request): Promise<unknown> {
  const text = await request.text();
  if (text.length > MAX_BODY_BYTES) {
    throw new AppError('BAD_REQUEST', 'Request body too large');
  }
  if (text.trim() === '') {
    return {};
  }
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw new AppError('BAD_REQUEST', 'Request body is not valid JSON');
  }
  const nul = findNulCharacter(body);
  if (nul) {
    throw new AppError('BAD_REQUEST', 'Text may not contain NUL (U+0000) characters', { fieldErrors: { [nul]: ['Contains a NUL character'] } });
  }
  return body;
}

/** Runs the handler, turning domain errors (< 500) into stored-able problem responses. */
async function runHandler<P>(handler: (ctx: ApiContext<P>) => Promise<ApiResult>, ctx: ApiContext<P>): Promise<ApiResult> {
  try {
    return await handler(ctx);
  } catch (error) {
    if (isAppError(error) && error.status < 500) {
      return { status: error.status, body: problemBodyOf(error) };
    }
    throw error;
  }
}

function jsonResponse(result: ApiResult, headers: Record<string, string>): Response {
  const contentType = result.status >= 400 ? PROBLEM_CONTENT_TYPE : 'application/json';
  const body = result.status === 204 ? null : JSON.stringify(result.body);
  return new Response(body, { status: result.status, headers: { 'content-type': contentType, 'cache-control': 'no-store', ...headers } });
}

/** Wraps an API handler; `P` is the route's dynamic params (e.g. `{ id: string }`). */
export function apiRoute<P extends Record<string, string | string[]>>(handler: (ctx: ApiContext<P>) => Promise<ApiResult>) {
  return async (request: Request, context: { params: Promise<P> }): Promise<Response> => {
    try {
      const caller = await authenticateApiRequest(request);
      const rateHeaders = { 'x-ratelimit-limit': String(caller.rate.limit), 'x-ratelimit-remaining': String(caller.rate.remaining) };
      const url = new URL(request.url);
      const hasBody = request.method === 'POST' || request.method === 'PUT' || request.method === 'PATCH';
      const body = hasBody ? await readJsonBody(request) : undefined;
      // Static routes get no params object at all.
      const params = ((await context?.params) ?? {}) as P;
      // Every `{id}` of /api/v1 is a uuid: anything else names nothing (and must not reach a uuid
      // column, where PostgreSQL's cast error was a 500; found by e2e/security/api-fuzz.spec.ts).
      if (typeof params.id === 'string' && !UUID_RE.test(params.id)) {
        throw new AppError('NOT_FOUND', 'Not found');
      }
      const ctx: ApiContext<P> = { caller, request, url, params, body };
      const idempotencyKey = request.method === 'POST' ? parseIdempotencyKey(request.headers.get('idempotency-key')) : null;
      if (!idempotencyKey) {
        return jsonResponse(await runHandler(handler, ctx), rateHeaders);
      }
      const fingerprint = fingerprintRequest(request.method, url.pathname, body);
      const result = await runIdempotent(caller.tenantId, idempotencyKey, fingerprint, () => runHandler(handler, ctx));
      return jsonResponse(result, { ...rateHeaders, ...(result.replayed ? { 'idempotent-replayed': 'true' } : {}) });
    } catch (error) {
      return errorToResponse(error);
    }
  };
}

/** Query parameters as a plain object (last value wins), for zod parsing. */
export function queryObject(url: URL): Record<string, string> {
  return Object.fromEntries(url.searchParams.entries());
}
