/**
 * The audit trail is append-only for the application: its database role may INSERT and SELECT
 * audit_events but not UPDATE, DELETE or TRUNCATE them — even inside its own tenant.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { createTestTenant } from '../../test/support/test-tenant.ts';
import { withIdentityTenant } from '../db/tenant-scope.ts';
import { recordAudit } from './record-audit.ts';

describe('audit_events is append-only for the app role', () => {
  let tenant: { id: string; slug: string };
  let id: bigint;
  beforeAll(async () => {
    tenant = await createTestTenant('audit');
    await recordAudit(null, { tenantId: tenant.id, actorUserId: null, actorRole: 'admin', action: 'admin.action', targetType: 'test', targetId: 'x', metadata: { n: 1 }, request: { ip: '192.0.2.1', userAgent: 'vitest' } });
    const row = await withIdentityTenant(tenant.id, (tx) => tx.auditEvent.findFirstOrThrow({ where: { tenantId: tenant.id, action: 'admin.action' } }));
    id = row.id;
    expect(row.ip).toBe('192.0.2.1');
  });

  it('refuses UPDATE', async () => {
    await expect(withIdentityTenant(tenant.id, (tx) => tx.$executeRaw`UPDATE audit_events SET action = 'tampered' WHERE id = ${id}`)).rejects.toThrow(/permission denied/i);
    await expect(withIdentityTenant(tenant.id, (tx) => tx.auditEvent.update({ where: { id }, data: { action: 'tampered' } }))).rejects.toThrow();
  });

  it('refuses DELETE and TRUNCATE', async () => {
    await expect(withIdentityTenant(tenant.id, (tx) => tx.$executeRaw`DELETE FROM audit_events WHERE id = ${id}`)).rejects.toThrow(/permission denied/i);
    await expect(withIdentityTenant(tenant.id, (tx) => tx.auditEvent.deleteMany({ where: { tenantId: tenant.id } }))).rejects.toThrow();
    await expect(withIdentityTenant(tenant.id, (tx) => tx.$executeRawUnsafe('TRUNCATE audit_events'))).rejects.toThrow(/permission denied/i);
  });

  it('still has the original row afterwards', async () => {
    const row = await withIdentityTenant(tenant.id, (tx) => tx.auditEvent.findUniqueOrThrow({ where: { id } }));
    expect(row.action).toBe('admin.action');
  });

  it('hides other tenants\u2019 audit rows (RLS)', async () => {
    const other = await createTestTenant('audit-other');
    const seen = await withIdentityTenant(other.id, (tx) => tx.auditEvent.findMany({ where: { id } }));
    expect(seen).toHaveLength(0);
  });
});
