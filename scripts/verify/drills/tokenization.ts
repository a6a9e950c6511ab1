/**
 * Checklist 1, run last: the core database cannot hold PHI (schema) and does not (data), and
 * nothing the system wrote during the whole run carries a patient identity or a join-link token.
 * Needles: every patient's name, email, phone and birth date (seeded and generated, decrypted from
 * the identity side through the app's own code) and every link token the drills revealed.
 * Sources: core dump, webhook bodies, alert bodies, /api/metrics, every log file (see
 * phi/leak-sources.ts). The identity dump may hold PHI only as ciphertext: 0 plaintext hits.
 * Positive controls keep the scan from passing vacuously: generated patients must decrypt from
 * identity, a planted canary must be found, and link tokens must have been collected.
 */
import pg from 'pg';
import { pgConfigFromUrl } from '../../../lib/db/pg-url.ts';
import { dumpDatabase } from '../../../test/support/dump-database.ts';
import type { Drill } from '../drill.ts';
import { collectedLinkTokens } from '../leak-collector.ts';
import { allNeedles, type PatientValues } from '../phi/needles.ts';
import { gatherLeakSources } from '../phi/leak-sources.ts';
import { scanSources } from '../phi/scan-sources.ts';
import { closeTrafficRecorder, ensurePatientTraffic } from './patient-traffic.ts';

/** Every patient identity across all tenants (decrypted through the app's own code). */
export async function allPatientValues(): Promise<PatientValues[]> {
  const { withCoreUnscoped, withIdentityTenant } = await import('../../../lib/db/tenant-scope.ts');
  const { readPatient } = await import('../../../lib/identity/read-patient.ts');
  const tenants = await withCoreUnscoped((tx) => tx.tenant.findMany({ select: { id: true } }));
  const out: PatientValues[] = [];
  for (const t of tenants) {
    await withIdentityTenant(t.id, async (tx) => {
      const ids = await tx.patient.findMany({ select: { id: true } });
      for (const { id } of ids) {
        const p = await readPatient(tx, t.id, id);
        if (p) {
          out.push({ name: p.name, email: p.email, phone: p.phone, dateOfBirth: p.dateOfBirth });
        }
      }
    });
  }
  return out;
}

async function phiLikeColumns(coreAdmin: string): Promise<{ columns: number; suspicious: string[] }> {
  const admin = new pg.Client(pgConfigFromUrl(coreAdmin));
  await admin.connect();
  try {
    const { rows } = await admin.query<{ t: string; c: string }>(`SELECT table_name AS t, column_name AS c FROM information_schema.columns WHERE table_schema = 'public' AND table_name <> '_prisma_migrations'`);
    const suspicious = rows.filter((r) => /(^|_)(name|first_name|last_name|email|phone|birth|dob|address|note|notes)($|_)/i.test(r.c)).map((r) => `${r.t}.${r.c}`);
    return { columns: rows.length, suspicious };
  } finally {
    await admin.end();
  }
}

const mib = (bytes: number) => (bytes / 1024 / 1024).toFixed(1);

export const tokenizationDrill: Drill = {
  id: 'tokenization',
  title: 'No PHI or link token anywhere it should not be: core dump, webhook and alert bodies, metrics, logs; identity holds ciphertext only',
  checklist: 1,
  async run(ctx) {
    const traffic = await ensurePatientTraffic(ctx);
    // Let the last events settle at the recorder before reading what it got.
    await new Promise((r) => setTimeout(r, 3000));
    await closeTrafficRecorder();
    const { columns, suspicious } = await phiLikeColumns(ctx.stack.urls.coreAdmin);

    const patients = await allPatientValues();
    const decrypted = new Set(patients.map((p) => `${p.name}|${p.email}|${p.phone}|${p.dateOfBirth}`.toLowerCase()));
    const generatedDecrypted = traffic.patients.filter((p) => decrypted.has(`${p.name}|${p.email}|${p.phone}|${p.dateOfBirth}`.toLowerCase())).length;
    const tokens = collectedLinkTokens();
    const needles = allNeedles(patients, tokens);

    const sources = await gatherLeakSources(ctx);
    const scan = scanSources(sources, needles);
    const identity = scanSources([{ name: 'identity database dump', text: await dumpDatabase(ctx.stack.urls.identityAdmin) }], needles);
    // Canary: the same scanner must find a needle planted in a copy of the largest source.
    const canary = scanSources([{ name: 'canary', text: `${sources[0]!.text}\n${needles[0]?.value ?? ''}` }], needles.slice(0, 1)).hits.length === 1;

    for (const h of [...scan.hits, ...identity.hits]) {
      // Kind and place only: printing the value would itself be a leak.
      console.log(`[verify] leak-scan hit: a ${h.kind} in ${h.source}, line ${h.line}`);
    }
    const logs = scan.sources.filter((s) => s.source.startsWith('log '));
    const webhookItems = scan.sources.filter((s) => s.source.startsWith('webhook bodies')).reduce((a, s) => a + (s.items ?? 0), 0);
    const onTheWire = scan.sources.find((s) => s.source.startsWith('webhook bodies: as verify'))?.items ?? 0;
    const alerts = scan.sources.find((s) => s.source.startsWith('alert bodies'));
    const controls = {
      generatedPatients: traffic.patients.length,
      generatedPatientsDecryptedFromIdentity: generatedDecrypted,
      profilesShowingAllValues: traffic.profilesShowingAllValues,
      linkTokensCollected: tokens.length,
      linkTokensConsumedOverHttp: traffic.linksConsumed,
      canaryFound: canary,
      webhookBodiesRecordedOnTheWire: onTheWire,
    };
    const ok =
      suspicious.length === 0 &&
      scan.hits.length === 0 &&
      identity.hits.length === 0 &&
      generatedDecrypted === traffic.patients.length &&
      traffic.patients.length > 0 &&
      tokens.length > 0 &&
      canary &&
      logs.length > 0 &&
      onTheWire > 0 &&
      (alerts?.items ?? 0) > 0;
    return {
      ok,
      figure: `${scan.hits.length} hits for 4 × ${patients.length} patient values (${traffic.patients.length} generated) + ${tokens.length} link tokens in ${mib(scan.bytes)} MiB (core dump, ${webhookItems} webhook bodies, ${alerts?.items ?? 0} alert bodies, metrics, ${logs.length} log files); identity: ${identity.hits.length} plaintext hits`,
      evidence: {
        needles: { patients: patients.length, seededOrFixture: patients.length - traffic.patients.length, generated: traffic.patients.length, spellings: needles.length - tokens.length, linkTokens: tokens.length },
        sources: [...scan.sources, ...identity.sources],
        hits: [...scan.hits, ...identity.hits],
        positiveControls: controls,
        columnsChecked: columns,
        phiLikeColumns: suspicious,
      },
    };
  },
};
