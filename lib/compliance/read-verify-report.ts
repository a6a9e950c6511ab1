/**
 * The latest `npm run verify` report (reports/verify.json), for the admin Compliance page.
 * The report holds figures and ids only — never PHI.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { mapChecklist, type ChecklistEntry } from './checklist.ts';

const ZReport = z.object({
  at: z.string(),
  profile: z.string(),
  database: z.string(),
  ok: z.boolean(),
  rows: z.array(z.object({ id: z.string(), title: z.string(), checklist: z.number(), ok: z.boolean(), figure: z.string(), durationMs: z.number(), evidence: z.record(z.string(), z.unknown()) })),
});
/** The report with its checklist mapping (computed from the rows for reports written before it existed). */
export type TVerifyReport = z.infer<typeof ZReport> & { checklist: ChecklistEntry[] };

/** The parsed report, or null when verify has not been run on this machine. */
export async function readVerifyReport(dir = path.join(process.cwd(), 'reports')): Promise<TVerifyReport | null> {
  try {
    const report = ZReport.parse(JSON.parse(await fs.readFile(path.join(dir, 'verify.json'), 'utf8')));
    // Recomputed rather than trusted from the file: one mapping, the one this build ships.
    return { ...report, checklist: mapChecklist(report.rows) };
  } catch {
    return null;
  }
}
