/**
 * `npm run bench`: performance figures, each next to a baseline measured in the same run on the
 * same machine and database. Starts its own stack (fresh databases, web server) so the numbers
 * come from the real processes over real HTTP; worker processes are started per suite (each
 * suite says how many it needs; the throughput suite starts its own 1, 2 and 3).
 * BENCH_SUITES=booking,latency,… runs a subset.
 */
import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { ROOT } from './lib/launch-env.ts';
import type { BenchRow } from './bench/bench-row.ts';
import { startBenchStack } from './bench/bench-stack.ts';
import { startFleet } from './bench/worker-fleet.ts';

interface Suite {
  id: string;
  name: string;
  file: string;
  fn: string;
  /** Real worker processes running during the suite. */
  workers: number;
}

const SUITES: Suite[] = [
  { id: 'booking', name: 'booking API', file: 'booking.ts', fn: 'benchBooking', workers: 0 },
  { id: 'throughput', name: 'webhook delivery throughput', file: 'webhook-throughput.ts', fn: 'benchWebhookThroughput', workers: 0 },
  { id: 'latency', name: 'webhook delivery latency', file: 'webhook-latency.ts', fn: 'benchWebhookLatency', workers: Number(process.env.BENCH_LATENCY_WORKERS ?? 3) },
  { id: 'video', name: 'video provisioning', file: 'video.ts', fn: 'benchVideo', workers: 1 },
  { id: 'dashboard', name: 'delivery-health dashboard', file: 'dashboard.ts', fn: 'benchDashboard', workers: 0 },
];
const only = process.env.BENCH_SUITES?.split(',');

const port = Number(process.env.BENCH_PORT ?? 3299);
// The bench measures throughput, not the per-key rate limit.
const stack = await startBenchStack({ port, extraEnv: { API_RATE_LIMIT_PER_MINUTE: '100000' }, log: (m) => console.log(`[bench] ${m}`) });
process.env.BENCH_BASE_URL = stack.baseUrl;
const rows: (BenchRow & { suite: string })[] = [];
try {
  for (const suite of SUITES.filter((s) => !only || only.includes(s.id))) {
    const file = path.join(ROOT, 'scripts', 'bench', suite.file);
    if (!fs.existsSync(file)) {
      console.log(`[bench] ${suite.name}: not available (${suite.file} missing)`);
      continue;
    }
    console.log(`[bench] running ${suite.name}…`);
    const started = performance.now();
    const mod = (await import(file)) as Record<string, () => Promise<BenchRow[]>>;
    const fleet = suite.workers > 0 ? await startFleet('worker', suite.workers) : undefined;
    try {
      for (const row of await mod[suite.fn]!()) {
        rows.push({ suite: suite.name, ...row });
      }
    } finally {
      await fleet?.stop();
    }
    console.log(`[bench] ${suite.name} took ${((performance.now() - started) / 1000).toFixed(0)} s`);
  }
} finally {
  await stack.stop();
}

const fmt = (n: number | undefined) => (n === undefined || Number.isNaN(n) ? '' : n >= 100 ? n.toFixed(0) : n.toFixed(2));
console.log('\n| suite | measure | value | unit | baseline | baseline value | ratio |');
console.log('| --- | --- | ---: | --- | --- | ---: | ---: |');
for (const r of rows) {
  const ratio = r.ratio ?? (r.baseline ? r.value / r.baseline : undefined);
  console.log(`| ${r.suite} | ${r.name} | ${fmt(r.value)} | ${r.unit} | ${r.baselineName ?? ''} | ${fmt(r.baseline)} | ${fmt(ratio)} |`);
}
fs.mkdirSync(path.join(ROOT, 'reports'), { recursive: true });
fs.writeFileSync(path.join(ROOT, 'reports', 'bench.json'), JSON.stringify({ at: new Date().toISOString(), rows }, null, 2));
process.exit(0);
