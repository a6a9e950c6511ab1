/**
 * The core database is PHI-free by construction: no column that could hold a name, email,
 * phone, birth date, address or note; and after real use, a full pg_dump of it contains none of
 * the patients' identities, while the identity dump holds them only as ciphertext.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import { pgConfigFromUrl } from '../../lib/db/pg-url.ts';
import { withCoreTenant, withIdentityTenant } from '../../lib/db/tenant-scope.ts';
import { createPatient } from '../../lib/identity/create-patient.ts';
import { createTestTenant } from '../support/test-tenant.ts';
import { dumpDatabase } from '../support/dump-database.ts';

const people = [
  { name: 'Octavia Brennan-Holt', email: 'octavia.bh@example.net', phone: '+1 555 0142', dateOfBirth: '1977-12-24' },
  { name: 'Lucius Fairweather', email: 'lucius.f@example.net', phone: '+1 555 0143', dateOfBirth: '1969-07-20' },
];

beforeAll(async () => {
  const tenant = await createTestTenant('dump');
  const resource = await withCoreTenant(tenant.id, (tx) => tx.resource.create({ data: { tenantId: tenant.id, label: 'Dr. Dump', timeZone: 'UTC' } }));
  for (const [i, p] of people.entries()) {
    const { tokenId } = await withIdentityTenant(tenant.id, (tx) => createPatient(tx, tenant.id, p));
    const startsAt = new Date(Date.UTC(2030, 0, 7, 9 + i));
    await withCoreTenant(tenant.id, (tx) =>
      tx.appointment.create({ data: { tenantId: tenant.id, resourceId: resource.id, tokenId, startsAt, endsAt: new Date(startsAt.getTime() + 30 * 60_000) } }),
    );
  }
});

describe('core database holds no PHI', () => {
  it('has no column that could hold a name, email, phone, birth date, address or note', async () => {
    const admin = new pg.Client(pgConfigFromUrl(process.env.TEST_CORE_ADMIN_URL!));
    await admin.connect();
    try {
      const { rows } = await admin.query<{ table_name: string; column_name: string }>(
        `SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = 'public'`,
      );
      const suspicious = rows.filter((r) => r.table_name !== '_prisma_migrations' && /(^|_)(name|first_name|last_name|full_name|email|phone|mobile|birth|birthdate|dob|address|street|zip|postal|note|notes|comment|ssn|mrn)($|_)/i.test(r.column_name));
      expect(suspicious).toEqual([]);
      expect(rows.length).toBeGreaterThan(20);
    } finally {
      await admin.end();
    }
  });

  it('a full dump of core contains no patient identity; identity dump has it only as ciphertext', async () => {
    const core = (await dumpDatabase(process.env.TEST_CORE_ADMIN_URL!)).toLowerCase();
    const identity = (await dumpDatabase(process.env.TEST_IDENTITY_ADMIN_URL!)).toLowerCase();
    expect(core).toContain('appointments');
    expect(identity).toContain('patients');
    expect(identity).toContain('v1.dk_'); // the PHI is there, as field ciphertext
    for (const p of people) {
      for (const needle of [p.name, p.name.split(' ')[0]!, p.email, p.phone, p.dateOfBirth]) {
        expect(core, `core dump leaks ${needle}`).not.toContain(needle.toLowerCase());
        expect(identity, `identity dump leaks ${needle}`).not.toContain(needle.toLowerCase());
      }
    }
  });
});
