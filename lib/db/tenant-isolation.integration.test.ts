/**
 * Row-level security, proved through the app's own roles: as tenant A nothing of tenant B is
 * visible or changeable (Prisma and raw SQL); with no tenant set nothing is visible at all.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import { withCoreTenant, withCoreUnscoped, withIdentityTenant } from './tenant-scope.ts';
import { createTestTenant } from '../../test/support/test-tenant.ts';
import { createPatient } from '../identity/create-patient.ts';
import { pgConfigFromUrl } from './pg-url.ts';

let a: { id: string };
let b: { id: string };
let resourceB: string;

beforeAll(async () => {
  a = await createTestTenant('rls-a');
  b = await createTestTenant('rls-b');
  await withCoreTenant(a.id, (tx) => tx.resource.create({ data: { tenantId: a.id, label: 'A clinician', timeZone: 'UTC' } }));
  resourceB = (await withCoreTenant(b.id, (tx) => tx.resource.create({ data: { tenantId: b.id, label: 'B clinician', timeZone: 'UTC' } }))).id;
  await withIdentityTenant(b.id, (tx) => createPatient(tx, b.id, { name: 'Bea Tenant', email: 'bea@example.com', phone: '+1 555 0199', dateOfBirth: '1990-01-01' }));
});

describe('tenant isolation (core)', () => {
  it('shows a tenant only its own rows', async () => {
    const seenByA = await withCoreTenant(a.id, (tx) => tx.resource.findMany());
    expect(seenByA.map((r) => r.tenantId)).toEqual([a.id]);
  });

  it('cannot read, update or delete another tenant’s row by id', async () => {
    await withCoreTenant(a.id, async (tx) => {
      expect(await tx.resource.findUnique({ where: { id: resourceB } })).toBeNull();
      expect((await tx.resource.updateMany({ where: { id: resourceB }, data: { label: 'hijacked' } })).count).toBe(0);
      expect((await tx.resource.deleteMany({ where: { id: resourceB } })).count).toBe(0);
      expect(await tx.$executeRawUnsafe(`UPDATE resources SET label = 'hijacked' WHERE id = '${resourceB}'`)).toBe(0);
      expect(await tx.$executeRawUnsafe(`DELETE FROM resources WHERE id = '${resourceB}'`)).toBe(0);
      const raw = await tx.$queryRawUnsafe<unknown[]>(`SELECT * FROM resources WHERE tenant_id = '${b.id}'`);
      expect(raw).toHaveLength(0);
    });
    const still = await withCoreTenant(b.id, (tx) => tx.resource.findUnique({ where: { id: resourceB } }));
    expect(still?.label).toBe('B clinician');
  });

  it('refuses to insert a row for another tenant', async () => {
    await expect(withCoreTenant(a.id, (tx) => tx.resource.create({ data: { tenantId: b.id, label: 'planted', timeZone: 'UTC' } }))).rejects.toThrow(/row-level security/i);
  });

  it('shows nothing when no tenant is set', async () => {
    const rows = await withCoreUnscoped((tx) => tx.$queryRawUnsafe<unknown[]>('SELECT * FROM resources'));
    expect(rows).toHaveLength(0);
  });

  it('cannot turn RLS off from inside a transaction of the app role', async () => {
    await expect(
      withCoreTenant(a.id, async (tx) => {
        await tx.$executeRawUnsafe('SET LOCAL row_security = off');
        return tx.$queryRawUnsafe('SELECT * FROM resources');
      }),
    ).rejects.toThrow(/row-level security/i);
    await expect(withCoreTenant(a.id, (tx) => tx.$executeRawUnsafe('ALTER TABLE resources DISABLE ROW LEVEL SECURITY'))).rejects.toThrow(/owner|permission/i);
  });
});

describe('tenant isolation (identity)', () => {
  it('hides another tenant’s patients', async () => {
    const seen = await withIdentityTenant(a.id, (tx) => tx.$queryRawUnsafe<unknown[]>('SELECT * FROM patients'));
    expect(seen).toHaveLength(0);
    const own = await withIdentityTenant(b.id, (tx) => tx.patient.count());
    expect(own).toBe(1);
  });
});

describe('least-privilege roles', () => {
  it('denies the core role any access to the identity database', async () => {
    const coreUrl = new URL(process.env.CORE_DATABASE_URL!);
    const identityDb = pgConfigFromUrl(process.env.IDENTITY_DATABASE_URL!).database;
    const client = new pg.Client({ ...pgConfigFromUrl(coreUrl.toString()), database: identityDb });
    await expect(client.connect()).rejects.toThrow(/permission denied for database/);
    await client.end().catch(() => {});
  });

  it('denies the core role the identity tables even from inside the identity database', async () => {
    const admin = new pg.Client(pgConfigFromUrl(process.env.TEST_IDENTITY_ADMIN_URL!));
    await admin.connect();
    try {
      const coreRole = pgConfigFromUrl(process.env.CORE_DATABASE_URL!).user;
      await admin.query(`SET ROLE "${coreRole}"`);
      await expect(admin.query('SELECT * FROM public.patients')).rejects.toThrow(/permission denied/);
    } finally {
      await admin.end();
    }
  });

  it('gives the app roles ownership of nothing and no bypass', async () => {
    const admin = new pg.Client(pgConfigFromUrl(process.env.TEST_CORE_ADMIN_URL!));
    await admin.connect();
    try {
      for (const url of [process.env.CORE_DATABASE_URL!, process.env.IDENTITY_DATABASE_URL!]) {
        const role = pgConfigFromUrl(url).user;
        const r = await admin.query('SELECT rolsuper, rolbypassrls, rolcreatedb, rolcreaterole FROM pg_roles WHERE rolname = $1', [role]);
        expect(r.rows[0]).toEqual({ rolsuper: false, rolbypassrls: false, rolcreatedb: false, rolcreaterole: false });
        const owned = await admin.query(
          `SELECT count(*)::int AS n FROM pg_class c JOIN pg_roles r ON r.oid = c.relowner WHERE r.rolname = $1 OR pg_has_role($1, r.oid, 'USAGE') AND r.rolname NOT IN ('pg_database_owner') AND r.rolname = ANY(ARRAY['periodic_core_rw','periodic_identity_rw'])`,
          [role],
        );
        expect(owned.rows[0].n).toBe(0);
      }
      const rls = await admin.query(`SELECT relname FROM pg_class WHERE relnamespace = 'public'::regnamespace AND relkind = 'r' AND relname <> '_prisma_migrations' AND NOT (relrowsecurity AND relforcerowsecurity)`);
      expect(rls.rows.map((r) => r.relname)).toEqual([]);
    } finally {
      await admin.end();
    }
  });
});
