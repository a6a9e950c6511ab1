/**
 * Recognises PostgreSQL errors that carry domain meaning, whatever wrapper (Prisma known-request
 * error, driver-adapter error) they arrive in.
 */

/** Collects messages, codes and causes of an error chain into one searchable string. */
function describeErrorChain(error: unknown, depth = 0): string {
  if (depth > 5 || error === null || typeof error !== 'object') {
    return typeof error === 'string' ? error : '';
  }
  const e = error as { message?: unknown; code?: unknown; cause?: unknown; meta?: unknown; originalCode?: unknown; constraint?: unknown };
  const parts = [e.message, e.code, e.originalCode, e.constraint].filter((p) => typeof p === 'string') as string[];
  if (e.meta && typeof e.meta === 'object') {
    parts.push(JSON.stringify(e.meta));
  }
  return `${parts.join(' ')} ${describeErrorChain(e.cause, depth + 1)}`;
}

/**
 * True when the error is the appointments_no_overlap exclusion violation (SQLSTATE 23P01), or the
 * deadlock (40P01; Prisma P2034 "write conflict or a deadlock") PostgreSQL may report instead when
 * concurrent transactions insert conflicting rows into an exclusion constraint at the same moment:
 * either way this transaction lost the race for the slot. (Found by e2e/security/api-fuzz.spec.ts:
 * identical concurrent bookings answered 500.)
 */
export function isOverlapViolation(error: unknown): boolean {
  const text = describeErrorChain(error);
  return (
    text.includes('23P01') ||
    text.includes('appointments_no_overlap') ||
    /exclusion constraint/i.test(text) ||
    text.includes('40P01') ||
    text.includes('P2034') ||
    /deadlock/i.test(text)
  );
}
