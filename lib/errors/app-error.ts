/**
 * Typed domain errors, mapped to HTTP (RFC 9457 problem+json) at the boundary and to user
 * messages in server actions. Messages must never contain PHI.
 */
export const APP_ERROR_STATUS = {
  /** Input failed validation (zod) or is semantically invalid. */
  BAD_REQUEST: 400,
  /** No or invalid credentials (session, API key, signature). */
  UNAUTHORIZED: 401,
  /** Authenticated but not allowed (wrong role, another patient's object). */
  FORBIDDEN: 403,
  /** The object does not exist in the caller's tenant (also used instead of FORBIDDEN to avoid leaking existence). */
  NOT_FOUND: 404,
  /** The change conflicts with current state (slot taken, illegal status transition). */
  CONFLICT: 409,
  /** Idempotency-Key reused with a different request body. */
  IDEMPOTENCY_MISMATCH: 422,
  /** Well-formed but refused by a business rule (cut-off passed, nobody on call). */
  UNPROCESSABLE: 422,
  /** Too many requests (rate limit, sign-in back-off). */
  RATE_LIMITED: 429,
  /** A dependency (vendor API, database) is unavailable. */
  UNAVAILABLE: 503,
} as const;

export type AppErrorCode = keyof typeof APP_ERROR_STATUS;

export class AppError extends Error {
  readonly status: number;
  constructor(
    readonly code: AppErrorCode,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'AppError';
    this.status = APP_ERROR_STATUS[code];
  }
}

/** True for AppError instances (also across module copies). */
export function isAppError(e: unknown): e is AppError {
  return e instanceof AppError || (e instanceof Error && e.name === 'AppError' && 'code' in e);
}
