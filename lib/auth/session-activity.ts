/**
 * Activity refresh for the idle timeout: the proxy (on navigations) and the activity route (on
 * in-page activity) move lastActivity forward. An idle or expired token is never revived.
 */
import { evaluateSessionClaims, idleTimeoutMs, type SessionClaims, type SessionTokenState } from './session-token.ts';

export interface ActivityRefresh {
  state: SessionTokenState;
  /** Claims to re-issue (only when state is 'active'). */
  claims?: SessionClaims;
  /** When the session goes idle if nothing else happens (epoch ms). */
  idleDeadline?: number;
}

/** Decides whether and how to refresh `claims` at `now`. */
export function refreshActivity(claims: SessionClaims, now = Date.now()): ActivityRefresh {
  const state = evaluateSessionClaims(claims, now);
  if (state !== 'active') {
    return { state };
  }
  const next = { ...claims, lastActivity: now };
  return { state, claims: next, idleDeadline: now + idleTimeoutMs() };
}
