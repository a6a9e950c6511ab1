/**
 * Appends to the audit trail (identity DB, table audit_events). The app role may only INSERT and
 * SELECT there, so entries cannot be changed or removed by the application. Entries hold ids,
 * roles, actions and request metadata — never PHI: pass ids as targets, counts in metadata.
 */
import type { IdentityTx } from '../db/tenant-scope.ts';
import { withIdentityTenant } from '../db/tenant-scope.ts';
import type { AuditAction } from './audit-actions.ts';
import { readRequestMeta, type RequestMeta } from './request-meta.ts';

export interface AuditEntry {
  tenantId: string;
  actorUserId: string | null;
  actorRole: string | null;
  action: AuditAction;
  targetType?: string;
  targetId?: string;
  /** Ids, counts, reasons: never names, emails, phones, birth dates, tokens of links or secrets. */
  metadata?: Record<string, string | number | boolean | null>;
  /** Request IP/UA; read from `headers()` when omitted. */
  request?: RequestMeta;
}

/**
 * Records one audit event. With `tx`, the entry commits or rolls back with the caller's work
 * (the tx must be scoped to `entry.tenantId`); with null it is written in its own transaction.
 */
export async function recordAudit(tx: IdentityTx | null, entry: AuditEntry): Promise<void> {
  const meta = entry.request ?? (await readRequestMeta());
  const data = {
    tenantId: entry.tenantId,
    actorUserId: entry.actorUserId,
    actorRole: entry.actorRole,
    action: entry.action,
    targetType: entry.targetType ?? null,
    targetId: entry.targetId ?? null,
    ip: meta.ip,
    userAgent: meta.userAgent,
    metadata: entry.metadata ?? {},
  };
  if (tx) {
    await tx.auditEvent.create({ data });
    return;
  }
  await withIdentityTenant(entry.tenantId, (t) => t.auditEvent.create({ data }));
}
