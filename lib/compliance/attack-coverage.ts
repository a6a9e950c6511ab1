/**
 * The security-probes drill's map of attacks to the tests that try them (written by
 * scripts/verify/security-probe-map.ts into the row's evidence), read back for the Compliance page.
 */
import { z } from 'zod';

const ZAttackCoverage = z.array(
  z.object({
    attack: z.string(),
    status: z.string(),
    tests: z.array(z.object({ test: z.string(), result: z.string() })),
  }),
);
export type TAttackCoverage = z.infer<typeof ZAttackCoverage>;

/** The attack map of a report row's evidence, or null when the row has none (older reports). */
export function attackCoverageOf(evidence: Record<string, unknown>): TAttackCoverage | null {
  const parsed = ZAttackCoverage.safeParse(evidence.attacks);
  return parsed.success && parsed.data.length > 0 ? parsed.data : null;
}
