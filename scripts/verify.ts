/**
 * `npm run verify`: the drill suite for a security reviewer and an on-call engineer. Starts a
 * fresh system (embedded PostgreSQL, or DATABASE_URL's server via TEST_DATABASE_URL semantics),
 * runs every drill, prints check / result / figure, writes reports/verify.json and .html (shown on
 * the admin Compliance page) and exits non-zero if any check fails.
 * VERIFY_PROFILE=short (CI) runs smaller volumes.
 */
import path from 'node:path';
import { startE2EStack } from './lib/e2e-stack.ts';
import { ROOT } from './lib/launch-env.ts';
import { redactUrl } from '../lib/db/pg-url.ts';
import type { Drill } from './verify/drill.ts';
import { printTable, writeReport, type ReportRow } from './verify/write-report.ts';
import { tokenizationDrill } from './verify/drills/tokenization.ts';
import { isolationDrill } from './verify/drills/isolation.ts';

if (process.env.DATABASE_URL && !process.env.TEST_DATABASE_URL) {
  // Drills create and drop their own databases on the given server.
  process.env.TEST_DATABASE_URL = process.env.DATABASE_URL;
}
const profile = process.env.VERIFY_PROFILE ?? 'full';
const DRILLS: Drill[] = [isolationDrill, tokenizationDrill];

const stack = await startE2EStack({ port: Number(process.env.VERIFY_PORT ?? 3399), log: (m) => console.log(`[verify] ${m}`) });
const rows: ReportRow[] = [];
try {
  for (const drill of DRILLS) {
    const t0 = Date.now();
    console.log(`[verify] ${drill.id}…`);
    try {
      const r = await drill.run(stack);
      rows.push({ id: drill.id, title: drill.title, checklist: drill.checklist, ...r, durationMs: Date.now() - t0 });
    } catch (error) {
      rows.push({ id: drill.id, title: drill.title, checklist: drill.checklist, ok: false, figure: 'drill crashed', evidence: { error: error instanceof Error ? error.message : String(error) }, durationMs: Date.now() - t0 });
    }
  }
} finally {
  await stack.stop();
}
const report = { at: new Date().toISOString(), profile, database: redactUrl(process.env.TEST_DATABASE_URL ?? 'embedded PostgreSQL'), ok: rows.every((r) => r.ok), rows };
printTable(report);
const files = writeReport(path.join(ROOT, 'reports'), report);
console.log(`report: ${files.map((f) => path.relative(ROOT, f)).join(', ')}`);
process.exit(report.ok ? 0 : 1);
