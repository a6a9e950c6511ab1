/** Marks the current session as having passed its second factor (re-issues the cookie). */
import { AppError } from '../../errors/app-error.ts';
import { loadSessionState } from '../session.ts';
import { writeSessionCookie } from '../session-cookie.ts';

/** Call from a server action after verifySecondFactor / confirmMfaEnrolment succeeded. */
export async function markSessionMfaVerified(): Promise<void> {
  const state = await loadSessionState();
  if (!('claims' in state)) {
    throw new AppError('UNAUTHORIZED', 'Your session has ended. Sign in again.');
  }
  const now = Date.now();
  await writeSessionCookie({ ...state.claims, mfaVerified: true, lastActivity: now }, now);
}
