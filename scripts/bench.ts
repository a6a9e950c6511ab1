/**
 * `npm run bench`: performance figures, each next to a baseline measured in the same run on the
 * same machine and database. Starts its own stack (fresh databases, web server, worker) so the
 * numbers come from the real processes over real HTTP.
 */
import fs from 'node:fs';
import path from 'node:path';
import { startE2EStack } from './lib/e2e-stack.ts';
import { ROOT } from './lib/launch-env.ts';
import type { BenchRow } from './bench/bench-row.ts';

const SUITES: { name: string; file: string; fn: string }[] = [
  { name: 'booking API', file: 'booking.ts', fn: 'benchBooking' },
  { name: 'webhook delivery', file: 'webhooks.ts', fn: 'benchWebhooks' },
  { name: 'video provisioning', file: 'video.ts', fn: 'benchVideo' },
];

const port = Number(process.env.BENCH_PORT ?? 3299);
// The bench measures throughput, not the per-key rate limit.
const stack = await startE2EStack({ port, extraEnv: { API_RATE_LIMIT_PER_MINUTE: '100000' }, log: (m) => console.log(`[bench] ${m}`) });
process.env.BENCH_BASE_URL = stack.baseUrl;
const rows: (BenchRow & { suite: string })[] = [];
try {
  for (const suite of SUITES) {
    const file = path.join(ROOT, 'scripts', 'bench', suite.file);
    if (!fs.existsSync(file)) {
      console.log(`[bench] ${suite.name}: not available (${suite.file} missing)`);
      continue;
    }
    console.log(`[bench] running ${suite.name}…`);
    const mod = (await import(file)) as Record<string, () => Promise<BenchRow[]>>;
    for (const row of await mod[suite.fn]!()) {
      rows.push({ suite: suite.name, ...row });
    }
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
