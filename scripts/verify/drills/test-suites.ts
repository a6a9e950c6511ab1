/**
 * Drills that already exist as test suites, run against real processes and summarised as report
 * rows: the webhook chaos drill (1,000 events, ~30 % receiver faults, a worker SIGKILLed and
 * restarted) and the security probes (Playwright, against the verify stack).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { ROOT } from '../../lib/launch-env.ts';
import type { Drill, DrillResult } from '../drill.ts';

const bin = (name: string) => path.join(ROOT, 'node_modules', '.bin', name);

/**
 * Runs a test runner and echoes its output through this process's stdout, so it lands in
 * verify's own log too (the final leak scan reads it; inherited stdio would bypass it).
 */
function runEchoed(command: string, args: string[], env: NodeJS.ProcessEnv): void {
  const r = spawnSync(command, args, { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 512 * 1024 * 1024 });
  process.stdout.write(r.stdout ?? '');
  process.stderr.write(r.stderr ?? '');
}

function vitestSuite(files: string[], env: Record<string, string>): DrillResult {
  const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'verify-')), 'vitest.json');
  runEchoed(bin('vitest'), ['run', ...files, '--reporter=dot', '--reporter=json', `--outputFile=${out}`], { ...process.env, ...env, NODE_OPTIONS: '--experimental-wasm-modules --no-warnings=ExperimentalWarning' });
  if (!fs.existsSync(out)) {
    return { ok: false, figure: 'suite did not run', evidence: { files } };
  }
  const r = JSON.parse(fs.readFileSync(out, 'utf8')) as { numPassedTests: number; numFailedTests: number; testResults: { assertionResults: { title: string; status: string; duration?: number }[] }[] };
  const tests = r.testResults.flatMap((t) => t.assertionResults.map((a) => ({ title: a.title, status: a.status, ms: Math.round(a.duration ?? 0) })));
  return { ok: r.numFailedTests === 0 && r.numPassedTests > 0, figure: `${r.numPassedTests} passed, ${r.numFailedTests} failed`, evidence: { tests } };
}

export const chaosDrill: Drill = {
  id: 'webhook-chaos',
  title: 'Chaos: 1,000 events, ~30 % receiver faults (500 / hang / reset), a worker SIGKILLed mid-run → 0 lost, 0 duplicate effects',
  checklist: 4,
  async run() {
    return vitestSuite(['lib/webhooks/delivery/deliver-webhook.chaos.integration.test.ts'], {});
  },
};

export const securityProbesDrill: Drill = {
  id: 'security-probes',
  title: 'Security probes: cross-tenant, IDOR, role escalation, CSRF, signature tampering/replay, SSRF, link reuse, brute force, revoked keys',
  checklist: 0,
  async run({ stack }) {
    const dir = path.join(ROOT, 'e2e', 'security');
    const unit = ['test/security', 'lib/webhooks/ssrf-guard.test.ts', 'lib/auth/lockout.integration.test.ts'];
    const lib = vitestSuite(unit.filter((f) => fs.existsSync(path.join(ROOT, f))), {});
    if (!fs.existsSync(dir)) {
      return lib;
    }
    const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'verify-')), 'pw.json');
    runEchoed(bin('playwright'), ['test', 'e2e/security', '--reporter=list,json'], { ...process.env, E2E_BASE_URL: stack.baseUrl, PLAYWRIGHT_JSON_OUTPUT_NAME: out });
    const pw = fs.existsSync(out) ? (JSON.parse(fs.readFileSync(out, 'utf8')) as { stats: { expected: number; unexpected: number } }).stats : { expected: 0, unexpected: 1 };
    return {
      ok: lib.ok && pw.unexpected === 0 && pw.expected > 0,
      figure: `integration ${lib.figure}; browser/API probes ${pw.expected} passed, ${pw.unexpected} failed`,
      evidence: { integration: lib.evidence, browser: pw },
    };
  },
};
