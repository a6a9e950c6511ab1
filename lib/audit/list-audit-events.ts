/** Admin browsing of the audit trail: filter by action, actor and time; newest first; paginated. */
import { z } from 'zod';
import { withIdentityTenant } from '../db/tenant-scope.ts';
import { AppError } from '../errors/app-error.ts';
import type { SessionContext } from '../auth/session.ts';
import { recordAudit } from './record-audit.ts';

export const AUDIT_PAGE_SIZE = 50;

export const ZAuditFilter = z.object({
  action: z.string().trim().max(64).optional().transform((v) => v || undefined),
  actorUserId: z.union([z.uuid(), z.literal('')]).optional().transform((v) => v || undefined),
  /** Inclusive start date (YYYY-MM-DD, UTC). */
  from: z.union([z.iso.date(), z.literal('')]).optional().transform((v) => v || undefined),
  /** Inclusive end date (YYYY-MM-DD, UTC). */
  to: z.union([z.iso.date(), z.literal('')]).optional().transform((v) => v || undefined),
  page: z.coerce.number().int().min(1).max(100_000).catch(1).default(1),
});
export type TAuditFilter = z.input<typeof ZAuditFilter>;

export interface AuditRow {
  id: string;
  createdAt: Date;
  actorUserId: string | null;
  actorRole: string | null;
  action: string;
  targetType: string | null;
  targetId: string | null;
  ip: string | null;
  userAgent: string | null;
  metadata: unknown;
}

export interface AuditPage {
  rows: AuditRow[];
  page: number;
  pageCount: number;
  total: number;
}

/** One page of the tenant's audit events. Admin only; the read itself is audited. */
export async function listAuditEvents(ctx: SessionContext, filter: TAuditFilter): Promise<AuditPage> {
  if (ctx.role !== 'admin') {
    throw new AppError('FORBIDDEN', 'Only admins can read the audit trail.');
  }
  const f = ZAuditFilter.parse(filter);
  const createdAt = {
    ...(f.from ? { gte: new Date(`${f.from}T00:00:00Z`) } : {}),
    ...(f.to ? { lt: new Date(Date.parse(`${f.to}T00:00:00Z`) + 86_400_000) } : {}),
  };
  const where = {
    tenantId: ctx.tenantId,
    ...(f.action ? { action: f.action } : {}),
    ...(f.actorUserId ? { actorUserId: f.actorUserId } : {}),
    ...(f.from || f.to ? { createdAt } : {}),
  };
  return withIdentityTenant(ctx.tenantId, async (tx) => {
    const [total, rows] = await Promise.all([
      tx.auditEvent.count({ where }),
      tx.auditEvent.findMany({ where, orderBy: [{ createdAt: 'desc' }, { id: 'desc' }], skip: (f.page - 1) * AUDIT_PAGE_SIZE, take: AUDIT_PAGE_SIZE }),
    ]);
    await recordAudit(tx, {
      tenantId: ctx.tenantId, actorUserId: ctx.userId, actorRole: ctx.role, action: 'audit.read',
      metadata: { page: f.page, action: f.action ?? null, actorUserId: f.actorUserId ?? null },
    });
    return {
      rows: rows.map((r) => ({ ...r, id: r.id.toString() })),
      page: f.page,
      total,
      pageCount: Math.max(1, Math.ceil(total / AUDIT_PAGE_SIZE)),
    };
  });
}
