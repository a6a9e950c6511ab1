/** Admin actions on one account: disable / enable, and sign out everywhere. */
import { withIdentityTenant } from '../../db/tenant-scope.ts';
import { recordAudit } from '../../audit/record-audit.ts';
import { AppError } from '../../errors/app-error.ts';
import { revokeUserSessions } from '../sign-out.ts';
import type { SessionContext } from '../session.ts';

function assertAdmin(ctx: SessionContext): void {
  if (ctx.role !== 'admin') {
    throw new AppError('FORBIDDEN', 'Only admins can manage users.');
  }
}

/**
 * Disables (or re-enables) a user of the admin's own tenant. Disabling also revokes every
 * session. An admin cannot disable themselves (a tenant could lose its last admin).
 */
export async function setUserDisabled(ctx: SessionContext, userId: string, disabled: boolean): Promise<void> {
  assertAdmin(ctx);
  if (disabled && userId === ctx.userId) {
    throw new AppError('UNPROCESSABLE', 'You cannot disable your own account.');
  }
  await withIdentityTenant(ctx.tenantId, async (tx) => {
    // tenantId in the where-clause as well as RLS: an id from the client is never trusted alone.
    const res = await tx.user.updateMany({ where: { id: userId, tenantId: ctx.tenantId }, data: { disabledAt: disabled ? new Date() : null } });
    if (res.count !== 1) {
      throw new AppError('NOT_FOUND', 'No such user.');
    }
    if (disabled) {
      await revokeUserSessions(tx, ctx.tenantId, userId);
    }
    await recordAudit(tx, { tenantId: ctx.tenantId, actorUserId: ctx.userId, actorRole: ctx.role, action: disabled ? 'user.disabled' : 'user.enabled', targetType: 'user', targetId: userId });
  });
}

/** Signs a user of the tenant out on every device (admin), or the caller themself (any role). */
export async function signOutEverywhere(ctx: SessionContext, userId: string): Promise<void> {
  if (userId !== ctx.userId) {
    assertAdmin(ctx);
  }
  await withIdentityTenant(ctx.tenantId, async (tx) => {
    if (!(await revokeUserSessions(tx, ctx.tenantId, userId))) {
      throw new AppError('NOT_FOUND', 'No such user.');
    }
    await recordAudit(tx, { tenantId: ctx.tenantId, actorUserId: ctx.userId, actorRole: ctx.role, action: 'auth.sessions_revoked', targetType: 'user', targetId: userId });
  });
}
