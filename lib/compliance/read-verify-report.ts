/**
 * The latest `npm run verify` report (reports/verify.json), for the admin Compliance page.
 * The report holds figures and ids only — never PHI.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';

const ZReport = z.object({
  at: z.string(),
  profile: z.string(),
  database: z.string(),
  ok: z.boolean(),
  rows: z.array(z.object({ id: z.string(), title: z.string(), checklist: z.number(), ok: z.boolean(), figure: z.string(), durationMs: z.number(), evidence: z.record(z.string(), z.unknown()) })),
});
export type TVerifyReport = z.infer<typeof ZReport>;

/** The parsed report, or null when verify has not been run on this machine. */
export async function readVerifyReport(dir = path.join(process.cwd(), 'reports')): Promise<TVerifyReport | null> {
  try {
    return ZReport.parse(JSON.parse(await fs.readFile(path.join(dir, 'verify.json'), 'utf8')));
  } catch {
    return null;
  }
}
