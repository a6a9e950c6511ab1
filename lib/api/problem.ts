/**
 * RFC 9457 problem details: every API error leaves as `application/problem+json` with type,
 * title, status, detail and (for validation) errors[] of JSON pointers. Messages never carry PHI.
 */
import { z } from 'zod';
import { AppError, isAppError, type AppErrorCode } from '../errors/app-error.ts';
import { logger } from '../log/logger.ts';

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

export interface ProblemError {
  /** JSON pointer into the request ("#/starts_at") or the query parameter name. */
  pointer: string;
  detail: string;
}

export interface ProblemBody {
  type: string;
  title: string;
  status: number;
  detail?: string;
  /** Machine-readable reason (e.g. slot_taken, illegal_transition, cutoff_passed). */
  reason?: string;
  errors?: ProblemError[];
}

const TITLES: Record<AppErrorCode, string> = {
  BAD_REQUEST: 'Invalid request',
  UNAUTHORIZED: 'Unauthorized',
  FORBIDDEN: 'Forbidden',
  NOT_FOUND: 'Not found',
  CONFLICT: 'Conflict',
  IDEMPOTENCY_MISMATCH: 'Idempotency key reused with a different request',
  UNPROCESSABLE: 'Unprocessable request',
  RATE_LIMITED: 'Too many requests',
  UNAVAILABLE: 'Service unavailable',
};

/** Turns zod issues into problem errors[] with JSON pointers. */
export function zodIssuesToProblemErrors(issues: readonly z.core.$ZodIssue[]): ProblemError[] {
  return issues.map((issue) => ({
    pointer: `#/${issue.path.map((p) => String(p).replace(/~/g, '~0').replace(/\//g, '~1')).join('/')}`,
    detail: issue.message,
  }));
}

/** Builds the problem body of an AppError. */
export function problemBodyOf(error: AppError): ProblemBody {
  const reason = typeof error.details?.reason === 'string' ? error.details.reason : undefined;
  const issues = error.details?.issues as z.core.$ZodIssue[] | undefined;
  const slug = (reason ?? error.code).toLowerCase().replace(/_/g, '-');
  return {
    type: `/docs/api#problem-${slug}`,
    title: TITLES[error.code],
    status: error.status,
    detail: error.message,
    ...(reason ? { reason } : {}),
    ...(issues ? { errors: zodIssuesToProblemErrors(issues) } : {}),
  };
}

/** A problem+json Response with the given body and extra headers. */
export function problemResponse(body: ProblemBody, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), { status: body.status, headers: { 'content-type': PROBLEM_CONTENT_TYPE, ...headers } });
}

/** Maps any thrown value to a problem Response; unexpected errors are logged (no details leak). */
export function errorToResponse(error: unknown): Response {
  if (isAppError(error)) {
    const headers: Record<string, string> = {};
    const retryAfter = error.details?.retryAfterSeconds;
    if (error.code === 'RATE_LIMITED' && typeof retryAfter === 'number') {
      headers['retry-after'] = String(retryAfter);
    }
    if (error.code === 'UNAUTHORIZED') {
      headers['www-authenticate'] = 'Bearer';
    }
    return problemResponse(problemBodyOf(error), headers);
  }
  if (error instanceof z.ZodError) {
    return problemResponse(problemBodyOf(new AppError('BAD_REQUEST', 'Invalid request', { issues: error.issues })));
  }
  logger.error({ errorClass: (error as Error)?.name, err: { message: (error as Error)?.message } }, 'api: unexpected error');
  return problemResponse({ type: '/docs/api#problem-internal', title: 'Internal server error', status: 500, detail: 'An unexpected error occurred' });
}

/** Parses `data` with `schema` or throws BAD_REQUEST carrying the issues (→ errors[]). */
export function parseOrThrow<S extends z.ZodType>(schema: S, data: unknown, what = 'request'): z.output<S> {
  const result = schema.safeParse(data);
  if (!result.success) {
    throw new AppError('BAD_REQUEST', `Invalid ${what}`, { issues: result.error.issues });
  }
  return result.data;
}
