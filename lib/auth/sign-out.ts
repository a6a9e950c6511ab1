/** Ending sessions: this browser's (sign-out, idle logoff) and every device's (session_version). */
import { cookies } from 'next/headers';
import type { IdentityTx } from '../db/tenant-scope.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { decodeSessionToken, sessionCookieName } from './session-token.ts';
import { clearSessionCookie } from './session-cookie.ts';

/**
 * Clears this browser's session cookie and audits why. Works for sessions that have already
 * gone idle (the cookie is still readable), so idle logoffs are recorded too.
 */
export async function endCurrentSession(reason: 'user' | 'idle'): Promise<void> {
  const claims = await decodeSessionToken((await cookies()).get(sessionCookieName())?.value);
  await clearSessionCookie();
  if (!claims) {
    return;
  }
  await recordAudit(null, {
    tenantId: claims.tenantId,
    actorUserId: claims.userId,
    actorRole: claims.role,
    action: reason === 'idle' ? 'auth.idle_logoff' : 'auth.sign_out',
    targetType: 'user',
    targetId: claims.userId,
  });
}

/**
 * Signs a user out everywhere: bumps users.session_version so every existing session token of
 * theirs fails requireSession on its next request. `tx` must be scoped to `tenantId`.
 */
export async function revokeUserSessions(tx: IdentityTx, tenantId: string, userId: string): Promise<boolean> {
  const res = await tx.user.updateMany({ where: { id: userId, tenantId }, data: { sessionVersion: { increment: 1 } } });
  return res.count === 1;
}
