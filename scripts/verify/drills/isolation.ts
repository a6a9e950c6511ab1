/**
 * Platform controls at the database tier: RLS enabled and forced on every tenant table,
 * cross-tenant raw SQL through the app role affects nothing, the core role cannot reach identity,
 * and the audit trail refuses UPDATE/DELETE from the app role.
 */
import pg from 'pg';
import { pgConfigFromUrl } from '../../../lib/db/pg-url.ts';
import type { Drill } from '../drill.ts';

async function withClient<T>(url: string, fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const c = new pg.Client(pgConfigFromUrl(url));
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
}

export const isolationDrill: Drill = {
  id: 'tenant-isolation',
  title: 'Row-level security forced on every tenant table; cross-tenant SQL through the app role changes nothing',
  checklist: 0,
  async run({ stack }) {
    const unforced: string[] = [];
    let tables = 0;
    for (const url of [stack.urls.coreAdmin, stack.urls.identityAdmin]) {
      await withClient(url, async (c) => {
        const { rows } = await c.query<{ relname: string; ok: boolean; has_tenant: boolean }>(
          `SELECT c.relname, (c.relrowsecurity AND c.relforcerowsecurity) AS ok,
                  EXISTS (SELECT 1 FROM pg_attribute a WHERE a.attrelid = c.oid AND a.attname = 'tenant_id') AS has_tenant
             FROM pg_class c WHERE c.relnamespace = 'public'::regnamespace AND c.relkind = 'r'`,
        );
        for (const r of rows.filter((x) => x.has_tenant)) {
          tables += 1;
          if (!r.ok) {
            unforced.push(r.relname);
          }
        }
      });
    }
    // Cross-tenant attempt: as the core app role, with tenant A set, touch every other tenant's rows.
    const [a] = await withClient(stack.urls.coreAdmin, async (c) => (await c.query<{ id: string }>('SELECT id FROM tenants ORDER BY created_at LIMIT 1')).rows);
    const crossTenant = await withClient(stack.urls.coreApp, async (c) => {
      await c.query('BEGIN');
      await c.query(`SELECT set_config('app.tenant_id', $1, true)`, [a!.id]);
      const read = await c.query(`SELECT count(*)::int AS n FROM appointments WHERE tenant_id <> $1`, [a!.id]);
      const upd = await c.query(`UPDATE resources SET label = label WHERE tenant_id <> $1`, [a!.id]);
      const del = await c.query(`DELETE FROM appointments WHERE tenant_id <> $1`, [a!.id]);
      await c.query('ROLLBACK');
      return { read: read.rows[0].n as number, updated: upd.rowCount ?? 0, deleted: del.rowCount ?? 0 };
    });
    const noTenantRows = await withClient(stack.urls.coreApp, async (c) => (await c.query('SELECT count(*)::int AS n FROM appointments')).rows[0].n as number);
    let coreToIdentity = 'connected';
    const probe = new pg.Client({ ...pgConfigFromUrl(stack.urls.coreApp), database: stack.urls.names.identityDb });
    try {
      await probe.connect();
    } catch (e) {
      coreToIdentity = /permission denied/.test(String(e)) ? 'permission denied' : `error: ${String(e).slice(0, 80)}`;
    } finally {
      await probe.end().catch(() => {});
    }
    const auditRefusals = await withClient(stack.urls.identityApp, async (c) => {
      let refused = 0;
      for (const sql of ['UPDATE audit_events SET action = action', 'DELETE FROM audit_events']) {
        try {
          await c.query(sql);
        } catch (e) {
          refused += /permission denied/.test(String(e)) ? 1 : 0;
        }
      }
      return refused;
    });
    const ok = unforced.length === 0 && crossTenant.read + crossTenant.updated + crossTenant.deleted === 0 && noTenantRows === 0 && coreToIdentity === 'permission denied' && auditRefusals === 2;
    return {
      ok,
      figure: `${tables - unforced.length}/${tables} tenant tables forced; 0 expected cross-tenant rows, saw ${crossTenant.read + crossTenant.updated + crossTenant.deleted}`,
      evidence: { tenantTables: tables, unforced, crossTenant, rowsVisibleWithoutTenant: noTenantRows, coreRoleOnIdentityDb: coreToIdentity, auditUpdateDeleteRefused: `${auditRefusals}/2` },
    };
  },
};
