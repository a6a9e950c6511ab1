/**
 * Wrapper of the FHIR read routes: same Bearer API key and rate limit as /api/v1, FHIR JSON out,
 * OperationOutcome on errors.
 */
import { isAppError, type AppErrorCode } from '../../errors/app-error.ts';
import { logger } from '../../log/logger.ts';
import { authenticateApiRequest, type ApiCaller } from '../authenticate-request.ts';
import { FHIR_CONTENT_TYPE, toOperationOutcome } from './fhir-mapping.ts';

const ISSUE_CODE: Partial<Record<AppErrorCode, string>> = {
  BAD_REQUEST: 'invalid',
  UNAUTHORIZED: 'login',
  FORBIDDEN: 'forbidden',
  NOT_FOUND: 'not-found',
  RATE_LIMITED: 'throttled',
};

function fhirJson(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': FHIR_CONTENT_TYPE, 'cache-control': 'no-store', ...headers } });
}

/** Wraps a FHIR handler returning a resource body (200). */
export function fhirRoute<P extends Record<string, string>>(handler: (ctx: { caller: ApiCaller; url: URL; params: P }) => Promise<unknown>) {
  return async (request: Request, context: { params: Promise<P> }): Promise<Response> => {
    try {
      const caller = await authenticateApiRequest(request);
      return fhirJson(200, await handler({ caller, url: new URL(request.url), params: await context.params }));
    } catch (error) {
      if (isAppError(error)) {
        const retry = error.details?.retryAfterSeconds;
        return fhirJson(error.status, toOperationOutcome(ISSUE_CODE[error.code] ?? 'processing', error.message), typeof retry === 'number' ? { 'retry-after': String(retry) } : {});
      }
      logger.error({ err: { message: (error as Error)?.message } }, 'fhir: unexpected error');
      return fhirJson(500, toOperationOutcome('exception', 'An unexpected error occurred'));
    }
  };
}
