/**
 * Master-key rotation without downtime. Step 1 (deployment): run every process with the new key
 * as PERIODIC_MASTER_KEY and the old one as PERIODIC_MASTER_KEY_PREVIOUS — both can read.
 * Step 2 (this module): re-wrap every tenant data key and re-seal every platform secret under
 * the current key, tenant by tenant in short transactions while the app keeps serving.
 * Step 3: drop the previous key. PHI ciphertexts never change: only their data keys are re-wrapped.
 */
import { withCoreTenant, withCoreUnscoped, withIdentityTenant } from '../db/tenant-scope.ts';
import { unwrapDataKey, wrapDataKey } from '../crypto/envelope.ts';
import { needsReseal, openSecret, sealSecret } from '../crypto/secret-box.ts';
import type { MasterKeyring } from '../crypto/master-keyring.ts';

export interface RotationReport {
  tenants: number;
  dataKeysRewrapped: number;
  secretsResealed: number;
}

/** Re-wraps everything not yet under `keyring.current`. Idempotent: safe to re-run after a crash. */
export async function rewrapUnderCurrentKey(keyring: MasterKeyring): Promise<RotationReport> {
  const tenants = await withCoreUnscoped((tx) => tx.tenant.findMany({ select: { id: true } }));
  const report: RotationReport = { tenants: tenants.length, dataKeysRewrapped: 0, secretsResealed: 0 };
  for (const { id: tenantId } of tenants) {
    report.dataKeysRewrapped += await withIdentityTenant(tenantId, async (tx) => {
      const stale = await tx.tenantKey.findMany({ where: { tenantId, masterKeyId: { not: keyring.current.id } } });
      for (const row of stale) {
        const key = unwrapDataKey(keyring, tenantId, row.id, row.wrappedKey, row.masterKeyId);
        const { wrapped, masterKeyId } = wrapDataKey(keyring, tenantId, row.id, key);
        await tx.tenantKey.update({ where: { id: row.id }, data: { wrappedKey: wrapped, masterKeyId } });
      }
      const settings = await tx.videoSetting.findMany({ where: { tenantId, credentialsEnc: { not: null } } });
      for (const s of settings) {
        if (s.credentialsEnc && needsReseal(keyring, s.credentialsEnc)) {
          const purpose = `video-credentials:${tenantId}`;
          await tx.videoSetting.update({ where: { tenantId }, data: { credentialsEnc: sealSecret(keyring, openSecret(keyring, s.credentialsEnc, purpose), purpose) } });
          report.secretsResealed += 1;
        }
      }
      return stale.length;
    });
    report.secretsResealed += await withCoreTenant(tenantId, async (tx) => {
      let n = 0;
      const endpoints = await tx.webhookEndpoint.findMany({ where: { tenantId } });
      for (const e of endpoints) {
        const purpose = `webhook-secret:${e.id}`;
        const data: { secretEnc?: string; previousSecretEnc?: string } = {};
        if (needsReseal(keyring, e.secretEnc)) {
          data.secretEnc = sealSecret(keyring, openSecret(keyring, e.secretEnc, purpose), purpose);
        }
        if (e.previousSecretEnc && needsReseal(keyring, e.previousSecretEnc)) {
          data.previousSecretEnc = sealSecret(keyring, openSecret(keyring, e.previousSecretEnc, purpose), purpose);
        }
        if (Object.keys(data).length > 0) {
          await tx.webhookEndpoint.update({ where: { id: e.id }, data });
          n += Object.keys(data).length;
        }
      }
      return n;
    });
  }
  return report;
}
