/**
 * PHI at rest: what the database holds for a patient is ciphertext and blind indexes only;
 * tokens are random, well-formed and unique; the email is unique per tenant.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import { withIdentityTenant } from '../db/tenant-scope.ts';
import { createTestTenant } from '../../test/support/test-tenant.ts';
import { createPatient, DuplicatePatientError } from './create-patient.ts';
import { readPatient } from './read-patient.ts';
import { TOKEN_ID_RE } from './token-id.ts';
import { pgConfigFromUrl } from '../db/pg-url.ts';

const person = { name: 'Zelda Quintero', email: 'Zelda.Q@example.org', phone: '+1 555 0177', dateOfBirth: '1961-04-09' };
let tenant: { id: string };
let created: { id: string; tokenId: string };

beforeAll(async () => {
  tenant = await createTestTenant('phi');
  created = await withIdentityTenant(tenant.id, (tx) => createPatient(tx, tenant.id, person));
});

describe('patient records at rest', () => {
  it('reads back decrypted for the owning tenant', async () => {
    const p = await withIdentityTenant(tenant.id, (tx) => readPatient(tx, tenant.id, created.id));
    expect(p).toMatchObject({ name: person.name, email: person.email, phone: person.phone, dateOfBirth: person.dateOfBirth, tokenId: created.tokenId });
  });

  it('stores no plaintext PHI (raw SELECT as the owner)', async () => {
    const admin = new pg.Client(pgConfigFromUrl(process.env.TEST_IDENTITY_ADMIN_URL!));
    await admin.connect();
    try {
      const { rows } = await admin.query('SELECT * FROM patients WHERE id = $1', [created.id]);
      const raw = JSON.stringify(rows);
      expect(rows).toHaveLength(1);
      for (const needle of ['Zelda', 'Quintero', 'zelda.q@example.org', 'Zelda.Q', '555 0177', '1961-04-09']) {
        expect(raw.toLowerCase()).not.toContain(needle.toLowerCase());
      }
    } finally {
      await admin.end();
    }
  });

  it('fails to decrypt a tampered field instead of returning garbage', async () => {
    const admin = new pg.Client(pgConfigFromUrl(process.env.TEST_IDENTITY_ADMIN_URL!));
    await admin.connect();
    try {
      const twin = await withIdentityTenant(tenant.id, (tx) => createPatient(tx, tenant.id, { ...person, email: 'twin@example.org' }));
      // Swap the name ciphertext of one row into another row's phone column: AAD must reject it.
      await admin.query('UPDATE patients SET phone_enc = (SELECT name_enc FROM patients WHERE id = $1) WHERE id = $2', [created.id, twin.id]);
      await expect(withIdentityTenant(tenant.id, (tx) => readPatient(tx, tenant.id, twin.id))).rejects.toThrow(/authentication/);
    } finally {
      await admin.end();
    }
  });

  it('mints a random, well-formed token per patient and keeps emails unique per tenant', async () => {
    expect(created.tokenId).toMatch(TOKEN_ID_RE);
    expect(Buffer.from(created.tokenId.slice(3), 'base64url').length).toBeGreaterThanOrEqual(16);
    await expect(withIdentityTenant(tenant.id, (tx) => createPatient(tx, tenant.id, { ...person, email: 'ZELDA.q@example.org ' }))).rejects.toBeInstanceOf(DuplicatePatientError);
    const other = await createTestTenant('phi-other');
    const elsewhere = await withIdentityTenant(other.id, (tx) => createPatient(tx, other.id, person));
    expect(elsewhere.tokenId).not.toBe(created.tokenId);
  });
});
