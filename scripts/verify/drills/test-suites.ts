/**
 * Drills that already exist as test suites, run against real processes and summarised as report
 * rows: the webhook chaos test (1,000 events, ~30 % receiver faults, a worker SIGKILLed and
 * restarted) and the security probes (integration tests and Playwright probes on their own stack),
 * with the map of which test covers which attack (security-probe-map.ts).
 */
import { coverAttacks } from '../security-probe-map.ts';
import { runPlaywright, runVitest } from '../test-runners.ts';
import type { Drill } from '../drill.ts';

export const chaosDrill: Drill = {
  id: 'webhook-chaos',
  title: 'Chaos: 1,000 events, ~30 % receiver faults (500 / hang / reset), a worker SIGKILLed mid-run → 0 lost, 0 duplicate effects',
  checklist: 4,
  async run() {
    const r = runVitest(['lib/webhooks/delivery/deliver-webhook.chaos.integration.test.ts']);
    return { ok: r.ran && r.failed === 0 && r.passed > 0, figure: `${r.passed} passed, ${r.failed} failed`, evidence: { tests: r.outcomes } };
  },
};

/** Integration tests of the security probes (real PostgreSQL, real HTTP where they need it). */
const INTEGRATION_PROBES = [
  'test/security',
  'lib/webhooks/ssrf-guard.test.ts',
  'lib/auth/lockout.integration.test.ts',
  'lib/db/tenant-isolation.integration.test.ts',
  'lib/video/join-link.integration.test.ts',
  'lib/api/api.integration.test.ts',
];

export const securityProbesDrill: Drill = {
  id: 'security-probes',
  title: 'Security probes: cross-tenant, IDOR, role escalation, CSRF, signature tampering/replay, SSRF, link reuse, brute force, revoked keys',
  checklist: 0,
  async run({ stack }) {
    const lib = runVitest(INTEGRATION_PROBES);
    // The browser/API probes start their own stack (second tenant, real SSRF policy) from this build.
    const pw = runPlaywright('e2e/security', { E2E_BASE_URL: stack.baseUrl });
    const attacks = coverAttacks([...lib.outcomes, ...pw.outcomes]);
    const gaps = attacks.filter((a) => a.status !== 'pass').map((a) => `${a.attack}: ${a.status}`);
    return {
      ok: lib.ran && pw.ran && lib.failed === 0 && pw.failed === 0 && pw.passed > 0 && gaps.length === 0,
      figure: `${attacks.filter((a) => a.status === 'pass').length}/${attacks.length} attacks refused by their probes; integration ${lib.passed} passed, ${lib.failed} failed; browser/API ${pw.passed} passed, ${pw.failed} failed`,
      evidence: { attacks, gaps, integration: lib.outcomes, browser: pw.outcomes },
    };
  },
};
