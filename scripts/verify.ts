/**
 * `npm run verify`: the drill suite for a security reviewer and an on-call engineer. Starts a
 * fresh system (embedded PostgreSQL, or DATABASE_URL's server via TEST_DATABASE_URL semantics),
 * runs every drill, prints check / result / figure, writes reports/verify.json and .html (shown on
 * the admin Compliance page) and exits non-zero if any check fails.
 * VERIFY_PROFILE=short (CI) runs smaller volumes.
 */
import path from 'node:path';
import { E2E_LOG_DIR, startE2EStack } from './lib/e2e-stack.ts';
import { ROOT } from './lib/launch-env.ts';
import { redactUrl } from '../lib/db/pg-url.ts';
import type { Drill } from './verify/drill.ts';
import { printTable, writeReport, type ReportRow } from './verify/write-report.ts';
import { tokenizationDrill } from './verify/drills/tokenization.ts';
import { patientTrafficDrill } from './verify/drills/patient-traffic.ts';
import { teeOutputTo } from './verify/tee-output.ts';
import { isolationDrill } from './verify/drills/isolation.ts';
import { idempotencyDrill } from './verify/drills/idempotency.ts';
import { deadLetterDrill } from './verify/drills/dead-letter-alerts.ts';
import { securityProbesDrill } from './verify/drills/test-suites.ts';
import { singleUseRoomsDrill } from './verify/drills/single-use-rooms.ts';
import { scaleOutDrill } from './verify/drills/scale-out.ts';
import { chaosRestartDrill } from './verify/drills/chaos-restart.ts';
import { startSlackStandin } from '../test/standins/slack-standin.ts';
import { startPagerDutyStandin } from '../test/standins/pagerduty-standin.ts';
import { startDatadogStandin } from '../test/standins/datadog-standin.ts';

// What verify prints is a log too: the final leak scan reads it.
teeOutputTo(path.join(E2E_LOG_DIR, 'verify.log'));
if (process.env.DATABASE_URL && !process.env.TEST_DATABASE_URL) {
  // Drills create and drop their own databases on the given server.
  process.env.TEST_DATABASE_URL = process.env.DATABASE_URL;
}
if (!process.env.TEST_DATABASE_URL && !process.env.TEST_EMBEDDED_PG_PORT) {
  // The chaos drill restarts PostgreSQL under the stack, which it may do only to a server this run
  // started: the shared embedded test server (port 54339) may be another run's, or still shutting
  // down after `npm test`'s browser stage. Verify's embedded server is its own.
  process.env.TEST_EMBEDDED_PG_PORT = '54349';
  process.env.TEST_EMBEDDED_PG_DATA = path.join(ROOT, '.data', 'verify');
}
const profile = process.env.VERIFY_PROFILE === 'short' ? 'short' : 'full';
// Order matters: the PHI scan runs last, over everything the other drills wrote.
// The short profile runs inside `npm test`, whose own stages already run every probe suite the
// security-probes drill would re-run, so it leaves that drill out rather than run it twice.
const ALL_DRILLS: Drill[] = [
  isolationDrill,
  patientTrafficDrill,
  idempotencyDrill,
  singleUseRoomsDrill,
  deadLetterDrill,
  ...(profile === 'full' ? [securityProbesDrill] : []),
  scaleOutDrill,
  chaosRestartDrill,
  tokenizationDrill,
];
// VERIFY_ONLY=id,id runs a subset (developing one drill); the order above still applies.
const only = process.env.VERIFY_ONLY?.split(',').map((s) => s.trim()).filter(Boolean);
const DRILLS = only ? ALL_DRILLS.filter((d) => only.includes(d.id)) : ALL_DRILLS;

const alerts = { slack: await startSlackStandin(), pagerduty: await startPagerDutyStandin(), datadog: await startDatadogStandin({ apiKey: 'verify-datadog-key' }) };
const stack = await startE2EStack({
  port: Number(process.env.VERIFY_PORT ?? 3399),
  log: (m) => console.log(`[verify] ${m}`),
  extraEnv: {
    // Short retry base so the dead-letter drill takes seconds, not the production ~30 minutes.
    WEBHOOK_RETRY_BASE_MS: '100',
    WEBHOOK_MAX_ATTEMPTS: '5',
    ALERT_SLACK_WEBHOOK_URL: alerts.slack.url,
    ALERT_PAGERDUTY_ROUTING_KEY: 'verify-routing-key',
    PAGERDUTY_EVENTS_URL: alerts.pagerduty.url,
    ALERT_DATADOG_API_KEY: 'verify-datadog-key',
    DATADOG_API_URL: alerts.datadog.url,
    API_RATE_LIMIT_PER_MINUTE: '100000',
  },
});
const ctx = { stack, alerts, profile } as const;
const rows: ReportRow[] = [];
try {
  for (const drill of DRILLS) {
    const t0 = Date.now();
    console.log(`[verify] ${drill.id}…`);
    try {
      const r = await drill.run(ctx);
      rows.push({ id: drill.id, title: drill.title, checklist: drill.checklist, ...r, durationMs: Date.now() - t0 });
    } catch (error) {
      rows.push({ id: drill.id, title: drill.title, checklist: drill.checklist, ok: false, figure: 'drill crashed', evidence: { error: error instanceof Error ? error.message : String(error) }, durationMs: Date.now() - t0 });
    }
  }
} finally {
  await stack.stop();
  await Promise.all(Object.values(alerts).map((a) => a.close()));
}
const report = { at: new Date().toISOString(), profile, database: redactUrl(process.env.TEST_DATABASE_URL ?? 'embedded PostgreSQL'), ok: rows.every((r) => r.ok), rows };
printTable(report);
const files = writeReport(path.join(ROOT, 'reports'), report);
console.log(`report: ${files.map((f) => path.relative(ROOT, f)).join(', ')}`);
process.exit(report.ok ? 0 : 1);
