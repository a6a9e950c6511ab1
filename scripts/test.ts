/**
 * `npm test`: everything, from a fresh clone.
 *  1. type-check (tsc) and lint (eslint, including the core ↛ identity boundary rule)
 *  2. unit + integration tests (vitest) on fresh databases of a real PostgreSQL
 *     (embedded by default; TEST_DATABASE_URL may point at a local server)
 *  3. end-to-end tests (Playwright, Debian Chromium) against the started app: fresh databases,
 *     demo seed, production build, web server and worker
 *  4. the compliance drills (`npm run verify`, short profile) on another freshly started system;
 *     each drill counts as one test
 * Ends with one line "tests: N passed, N failed" and a non-zero exit code on any failure.
 * Flags: --skip-e2e, --only-e2e, --skip-static, --skip-verify.
 */
import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { ROOT } from './lib/launch-env.ts';
import { startE2EStack } from './lib/e2e-stack.ts';

const args = new Set(process.argv.slice(2));
const bin = (name: string) => path.join(ROOT, 'node_modules', '.bin', name);
const reportsDir = path.join(ROOT, 'test-results');
fs.mkdirSync(reportsDir, { recursive: true });
const log = (m: string) => console.log(`\n[test] ${m}`);

let passed = 0;
let failed = 0;
const failures: string[] = [];

function run(label: string, cmd: string, cmdArgs: string[], env: Record<string, string> = {}): boolean {
  log(label);
  const r = spawnSync(cmd, cmdArgs, { cwd: ROOT, stdio: 'inherit', env: { ...process.env, ...env } });
  if (r.status !== 0) {
    failures.push(label);
  }
  return r.status === 0;
}

function countVitest(file: string): void {
  if (!fs.existsSync(file)) {
    failed += 1;
    return;
  }
  const r = JSON.parse(fs.readFileSync(file, 'utf8')) as { numPassedTests: number; numFailedTests: number };
  passed += r.numPassedTests;
  failed += r.numFailedTests;
}

function countPlaywright(file: string): void {
  if (!fs.existsSync(file)) {
    failed += 1;
    return;
  }
  const r = JSON.parse(fs.readFileSync(file, 'utf8')) as { stats: { expected: number; unexpected: number; flaky: number } };
  passed += r.stats.expected + r.stats.flaky;
  failed += r.stats.unexpected;
}

function countVerify(file: string): void {
  if (!fs.existsSync(file)) {
    failed += 1;
    return;
  }
  const r = JSON.parse(fs.readFileSync(file, 'utf8')) as { rows: { ok: boolean }[] };
  passed += r.rows.filter((row) => row.ok).length;
  failed += r.rows.filter((row) => !row.ok).length;
}

const wasmFlags = '--experimental-wasm-modules --no-warnings=ExperimentalWarning';

if (!args.has('--skip-static') && !args.has('--only-e2e')) {
  if (run('type-check (tsc --noEmit)', bin('tsc'), ['--noEmit', '-p', '.'])) {
    passed += 1;
  } else {
    failed += 1;
  }
  if (run('lint (eslint)', bin('eslint'), ['.', '--max-warnings=0'])) {
    passed += 1;
  } else {
    failed += 1;
  }
}

if (!args.has('--only-e2e')) {
  const out = path.join(reportsDir, 'vitest.json');
  fs.rmSync(out, { force: true });
  run('unit + integration tests (vitest, real PostgreSQL)', bin('vitest'), ['run', '--reporter=default', '--reporter=json', `--outputFile=${out}`], { NODE_OPTIONS: wasmFlags });
  countVitest(out);
}

if (!args.has('--skip-e2e')) {
  const port = Number(process.env.E2E_PORT ?? 3199);
  log(`end-to-end: starting the app on :${port}`);
  // The API fuzzing specs send thousands of requests with one key: the per-key rate limit itself is
// covered by an integration test, so the browser-test stack lifts it.
  const stack = await startE2EStack({ port, extraEnv: { API_RATE_LIMIT_PER_MINUTE: '100000' }, log: (m) => console.log(`[e2e] ${m}`) });
  const out = path.join(reportsDir, 'playwright.json');
  fs.rmSync(out, { force: true });
  try {
    run('end-to-end tests (Playwright, Chromium)', bin('playwright'), ['test', '--reporter=list,json'], {
      E2E_BASE_URL: stack.baseUrl,
      PLAYWRIGHT_JSON_OUTPUT_NAME: out,
      E2E_LOG_FILES: stack.logFiles.join(path.delimiter),
    });
  } finally {
    await stack.stop();
  }
  countPlaywright(out);
}

if (!args.has('--skip-verify') && !args.has('--only-e2e')) {
  const report = path.join(ROOT, 'reports', 'verify.json');
  fs.rmSync(report, { force: true });
  run('compliance drills (npm run verify, short profile)', process.execPath, [...wasmFlags.split(' '), '--import', 'tsx', 'scripts/verify.ts'], {
    VERIFY_PROFILE: 'short',
  });
  countVerify(report);
}

console.log(`\n[test] ${failures.length === 0 ? 'all stages passed' : `failed stages: ${failures.join(', ')}`}`);
console.log(`tests: ${passed} passed, ${failed} failed`);
process.exit(failures.length === 0 && failed === 0 ? 0 : 1);
