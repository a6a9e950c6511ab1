/**
 * Runs the project's own test suites from a drill (vitest and Playwright, real processes) and
 * reads their JSON reports into per-test outcomes: file (relative to the repo), title, passed.
 * Output is echoed through this process's stdout so it lands in verify's own log too (the final
 * leak scan reads it; inherited stdio would bypass it).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { ROOT } from '../lib/launch-env.ts';
import type { TestOutcome } from './security-probe-map.ts';

export interface SuiteRun {
  /** False when the runner wrote no report at all (crashed before running). */
  ran: boolean;
  passed: number;
  failed: number;
  outcomes: (TestOutcome & { ms: number })[];
}

const bin = (name: string) => path.join(ROOT, 'node_modules', '.bin', name);

function runEchoed(command: string, args: string[], env: NodeJS.ProcessEnv): void {
  const r = spawnSync(command, args, { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 512 * 1024 * 1024 });
  process.stdout.write(r.stdout ?? '');
  process.stderr.write(r.stderr ?? '');
}

function reportFile(name: string): string {
  return path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'verify-')), name);
}

function summarise(outcomes: SuiteRun['outcomes']): SuiteRun {
  return { ran: true, passed: outcomes.filter((o) => o.passed).length, failed: outcomes.filter((o) => !o.passed).length, outcomes };
}

/** `vitest run <files>`; skipped tests count as neither passed nor failed. */
export function runVitest(files: string[], env: Record<string, string> = {}): SuiteRun {
  const out = reportFile('vitest.json');
  runEchoed(bin('vitest'), ['run', ...files, '--reporter=dot', '--reporter=json', `--outputFile=${out}`], { ...process.env, ...env, NODE_OPTIONS: '--experimental-wasm-modules --no-warnings=ExperimentalWarning' });
  if (!fs.existsSync(out)) {
    return { ran: false, passed: 0, failed: 0, outcomes: [] };
  }
  const r = JSON.parse(fs.readFileSync(out, 'utf8')) as { testResults: { name: string; assertionResults: { title: string; status: string; duration?: number }[] }[] };
  return summarise(
    r.testResults.flatMap((file) =>
      file.assertionResults.filter((a) => a.status === 'passed' || a.status === 'failed').map((a) => ({ file: path.relative(ROOT, file.name), title: a.title, passed: a.status === 'passed', ms: Math.round(a.duration ?? 0) })),
    ),
  );
}

interface PwSuite {
  file?: string;
  specs?: { title: string; ok: boolean; file: string; tests: { results: { duration: number }[]; status: string }[] }[];
  suites?: PwSuite[];
}

function pwSpecs(suite: PwSuite): NonNullable<PwSuite['specs']> {
  return [...(suite.specs ?? []), ...(suite.suites ?? []).flatMap(pwSpecs)];
}

/** `playwright test <target>` with `env`; skipped specs count as neither passed nor failed. */
export function runPlaywright(target: string, env: Record<string, string>): SuiteRun {
  const out = reportFile('pw.json');
  runEchoed(bin('playwright'), ['test', target, '--reporter=list,json'], { ...process.env, ...env, PLAYWRIGHT_JSON_OUTPUT_NAME: out });
  if (!fs.existsSync(out)) {
    return { ran: false, passed: 0, failed: 0, outcomes: [] };
  }
  const r = JSON.parse(fs.readFileSync(out, 'utf8')) as { suites: PwSuite[] };
  return summarise(
    r.suites
      .flatMap(pwSpecs)
      .filter((s) => s.tests.some((t) => t.status !== 'skipped'))
      // Spec files are reported relative to the test dir (e2e/).
      .map((s) => ({ file: s.file.startsWith('e2e/') ? s.file : `e2e/${s.file}`, title: s.title, passed: s.ok, ms: Math.round(s.tests.flatMap((t) => t.results).reduce((a, x) => a + x.duration, 0)) })),
  );
}
