/** Master-key rotation keeps every record readable and leaves nothing under the old key. */
import { describe, expect, it } from 'vitest';
import { randomBytes } from 'node:crypto';
import { withIdentityTenant } from '../db/tenant-scope.ts';
import { createTestTenant } from '../../test/support/test-tenant.ts';
import { createPatient } from '../identity/create-patient.ts';
import { readPatient } from '../identity/read-patient.ts';
import { clearTenantKeyCache } from '../identity/tenant-keys.ts';
import { appKeyring, useKeyring } from '../crypto/app-keyring.ts';
import { createMasterKeyring } from '../crypto/master-keyring.ts';
import { rewrapUnderCurrentKey } from './rotate-master-key.ts';

describe('master key rotation', () => {
  it('re-wraps data keys so records stay readable with only the new key', async () => {
    const tenant = await createTestTenant('rotate');
    const patients = [];
    for (let i = 0; i < 3; i += 1) {
      patients.push(await withIdentityTenant(tenant.id, (tx) => createPatient(tx, tenant.id, { name: `Rot Patient ${i}`, email: `rot${i}@example.org`, phone: '+1 555 0100', dateOfBirth: '1980-01-01' })));
    }
    const oldKey = process.env.PERIODIC_MASTER_KEY!;
    const newKey = randomBytes(32).toString('base64');
    const original = appKeyring();
    try {
      useKeyring(createMasterKeyring(newKey, oldKey));
      clearTenantKeyCache();
      const report = await rewrapUnderCurrentKey(appKeyring());
      expect(report.dataKeysRewrapped).toBeGreaterThanOrEqual(2);
      const again = await rewrapUnderCurrentKey(appKeyring());
      expect(again.dataKeysRewrapped).toBe(0);

      useKeyring(createMasterKeyring(newKey));
      clearTenantKeyCache();
      for (const [i, p] of patients.entries()) {
        const rec = await withIdentityTenant(tenant.id, (tx) => readPatient(tx, tenant.id, p.id));
        expect(rec?.name).toBe(`Rot Patient ${i}`);
      }
      const stale = await withIdentityTenant(tenant.id, (tx) => tx.tenantKey.count({ where: { masterKeyId: { not: appKeyring().current.id } } }));
      expect(stale).toBe(0);
    } finally {
      useKeyring(original);
      clearTenantKeyCache();
    }
  });
});
