/**
 * Checklist 1: the core database cannot hold PHI (schema) and does not (data): a full dump of
 * periodic_core is scanned for every patient's name, email, phone and birth date, decrypted from
 * the identity side; the identity dump must hold them only as ciphertext.
 */
import pg from 'pg';
import { pgConfigFromUrl } from '../../../lib/db/pg-url.ts';
import { dumpDatabase } from '../../../test/support/dump-database.ts';
import type { Drill } from '../drill.ts';

/** Every patient identity value across all tenants (decrypted through the app's own code). */
export async function allPatientNeedles(): Promise<string[]> {
  const { withCoreUnscoped, withIdentityTenant } = await import('../../../lib/db/tenant-scope.ts');
  const { readPatient } = await import('../../../lib/identity/read-patient.ts');
  const tenants = await withCoreUnscoped((tx) => tx.tenant.findMany({ select: { id: true } }));
  const needles = new Set<string>();
  for (const t of tenants) {
    await withIdentityTenant(t.id, async (tx) => {
      const ids = await tx.patient.findMany({ select: { id: true } });
      for (const { id } of ids) {
        const p = await readPatient(tx, t.id, id);
        if (p) {
          for (const v of [p.name, p.email, p.phone, p.dateOfBirth]) {
            needles.add(v.toLowerCase());
          }
        }
      }
    });
  }
  return [...needles];
}

export const tokenizationDrill: Drill = {
  id: 'tokenization',
  title: 'Core database holds tokens only: no PHI columns, no PHI in a full dump',
  checklist: 1,
  async run({ stack }) {
    const admin = new pg.Client(pgConfigFromUrl(stack.urls.coreAdmin));
    await admin.connect();
    let suspicious: string[];
    let columns: number;
    try {
      const { rows } = await admin.query<{ t: string; c: string }>(`SELECT table_name AS t, column_name AS c FROM information_schema.columns WHERE table_schema = 'public' AND table_name <> '_prisma_migrations'`);
      columns = rows.length;
      suspicious = rows.filter((r) => /(^|_)(name|first_name|last_name|email|phone|birth|dob|address|note|notes)($|_)/i.test(r.c)).map((r) => `${r.t}.${r.c}`);
    } finally {
      await admin.end();
    }
    const needles = await allPatientNeedles();
    const core = (await dumpDatabase(stack.urls.coreAdmin)).toLowerCase();
    const identity = (await dumpDatabase(stack.urls.identityAdmin)).toLowerCase();
    const coreHits = needles.filter((n) => core.includes(n));
    const identityHits = needles.filter((n) => identity.includes(n));
    const ok = suspicious.length === 0 && coreHits.length === 0 && identityHits.length === 0 && needles.length > 0;
    return {
      ok,
      figure: `${coreHits.length} PHI hits in ${(core.length / 1024).toFixed(0)} KiB core dump; ${identityHits.length} plaintext hits in identity`,
      evidence: { columnsChecked: columns, phiLikeColumns: suspicious, patientValuesScanned: needles.length, coreDumpBytes: core.length, identityDumpBytes: identity.length, coreHits: coreHits.length, identityPlaintextHits: identityHits.length },
    };
  },
};
