/** Admin directory of the tenant's accounts; names and emails decrypted on the platform side. */
import { withIdentityTenant } from '../../db/tenant-scope.ts';
import { loadTenantKeys } from '../../identity/tenant-keys.ts';
import { openPhi } from '../../identity/phi-fields.ts';
import { recordAudit } from '../../audit/record-audit.ts';
import { AppError } from '../../errors/app-error.ts';
import type { SessionContext } from '../session.ts';
import type { Role } from '../roles.ts';

export const USERS_PAGE_SIZE = 25;

export interface UserRow {
  id: string;
  role: Role;
  name: string;
  email: string;
  mfaEnabled: boolean;
  disabled: boolean;
  locked: boolean;
  resourceId: string | null;
  createdAt: Date;
}

export interface UserPage {
  rows: UserRow[];
  page: number;
  pageCount: number;
  total: number;
}

/** One page of users (newest first), optionally of one role. Admin only; the read is audited. */
export async function listUsers(ctx: SessionContext, opts: { page?: number; role?: Role } = {}): Promise<UserPage> {
  if (ctx.role !== 'admin') {
    throw new AppError('FORBIDDEN', 'Only admins can list users.');
  }
  const page = Math.max(1, Math.floor(opts.page ?? 1));
  return withIdentityTenant(ctx.tenantId, async (tx) => {
    const where = { tenantId: ctx.tenantId, ...(opts.role ? { role: opts.role } : {}) };
    const [total, users] = await Promise.all([
      tx.user.count({ where }),
      tx.user.findMany({
        where,
        orderBy: [{ createdAt: 'desc' }, { id: 'asc' }],
        skip: (page - 1) * USERS_PAGE_SIZE,
        take: USERS_PAGE_SIZE,
        select: { id: true, role: true, nameEnc: true, emailEnc: true, mfaEnabled: true, disabledAt: true, lockedUntil: true, resourceId: true, createdAt: true },
      }),
    ]);
    const keys = await loadTenantKeys(tx, ctx.tenantId);
    const now = new Date();
    const rows = users.map((u) => ({
      id: u.id,
      role: u.role,
      name: openPhi(keys, 'user.name', u.nameEnc),
      email: openPhi(keys, 'user.email', u.emailEnc),
      mfaEnabled: u.mfaEnabled,
      disabled: Boolean(u.disabledAt),
      locked: Boolean(u.lockedUntil && u.lockedUntil > now),
      resourceId: u.resourceId,
      createdAt: u.createdAt,
    }));
    await recordAudit(tx, { tenantId: ctx.tenantId, actorUserId: ctx.userId, actorRole: ctx.role, action: 'user.list_read', metadata: { page, count: rows.length, role: opts.role ?? null } });
    return { rows, page, total, pageCount: Math.max(1, Math.ceil(total / USERS_PAGE_SIZE)) };
  });
}

/** Display names of users by id (for the audit view); unknown ids are absent. */
export async function resolveUserNames(tenantId: string, userIds: string[]): Promise<Map<string, string>> {
  if (userIds.length === 0) {
    return new Map();
  }
  return withIdentityTenant(tenantId, async (tx) => {
    const users = await tx.user.findMany({ where: { tenantId, id: { in: userIds } }, select: { id: true, nameEnc: true } });
    const keys = await loadTenantKeys(tx, tenantId);
    return new Map(users.map((u) => [u.id, openPhi(keys, 'user.name', u.nameEnc)]));
  });
}
