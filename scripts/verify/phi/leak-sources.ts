/**
 * Everything the leak scan reads after all drills: the full core dump; every webhook body (the
 * outgoing payloads as stored in events, the receivers' answers stored in delivery_attempts, the
 * queued delivery jobs, what the platform receiver stored about inbound events, and the bodies
 * verify's own receivers recorded); every body the Slack / PagerDuty / Datadog stand-ins received;
 * the Prometheus output of /api/metrics; and every log file under test-results/logs/ (the stack's
 * processes, the security stack, and verify's own output).
 */
import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { pgConfigFromUrl } from '../../../lib/db/pg-url.ts';
import { dumpDatabase } from '../../../test/support/dump-database.ts';
import { E2E_LOG_DIR } from '../../lib/e2e-stack.ts';
import type { VerifyContext } from '../drill.ts';
import { collectedWebhookBodies } from '../leak-collector.ts';
import type { LeakSource } from './scan-sources.ts';

async function queryTexts(url: string, sql: string): Promise<string[]> {
  const client = new pg.Client(pgConfigFromUrl(url));
  await client.connect();
  try {
    return (await client.query<{ t: string | null }>(sql)).rows.map((r) => r.t ?? '');
  } finally {
    await client.end();
  }
}

/** One source per place webhook bodies are kept, so the evidence shows each with its count. */
async function webhookBodies(ctx: VerifyContext): Promise<LeakSource[]> {
  const { coreAdmin, identityAdmin } = ctx.stack.urls;
  const parts: Array<[string, string[]]> = [
    ['outgoing payloads (events)', await queryTexts(coreAdmin, 'SELECT payload::text AS t FROM events')],
    ['receivers’ answers (delivery_attempts)', await queryTexts(coreAdmin, 'SELECT response_body AS t FROM delivery_attempts WHERE response_body IS NOT NULL')],
    // Queued, active and completed jobs with their data (delivery jobs carry ids only, by design).
    ['queued jobs (pg-boss)', await queryTexts(coreAdmin, 'SELECT data::text AS t FROM pgboss.job')],
    ['inbound, as the platform receiver stored them', await queryTexts(identityAdmin, 'SELECT row_to_json(r)::text AS t FROM received_webhooks r')],
    ['as verify’s own endpoints received them', collectedWebhookBodies().map((b) => b.text)],
  ];
  return parts.map(([name, texts]) => ({ name: `webhook bodies: ${name}`, text: texts.join('\n'), items: texts.length }));
}

function alertBodies(ctx: VerifyContext): LeakSource {
  const bodies = Object.values(ctx.alerts).flatMap((a) => a.received.map((r) => (typeof r.body === 'string' ? r.body : JSON.stringify(r.body ?? ''))));
  return { name: 'alert bodies (Slack, PagerDuty, Datadog)', text: bodies.join('\n'), items: bodies.length };
}

function logFiles(dir: string): string[] {
  if (!fs.existsSync(dir)) {
    return [];
  }
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? logFiles(path.join(dir, e.name)) : [path.join(dir, e.name)]));
}

/** All sources except the identity dump (which may hold PHI as ciphertext only: scanned apart). */
export async function gatherLeakSources(ctx: VerifyContext): Promise<LeakSource[]> {
  const metrics = await fetch(`${ctx.stack.baseUrl}/api/metrics`);
  const metricsText = await metrics.text();
  if (!metrics.ok || !metricsText.includes('# TYPE')) {
    throw new Error(`/api/metrics answered HTTP ${metrics.status} without Prometheus text`);
  }
  const files = logFiles(E2E_LOG_DIR);
  return [
    { name: 'core database dump', text: await dumpDatabase(ctx.stack.urls.coreAdmin) },
    ...(await webhookBodies(ctx)),
    alertBodies(ctx),
    { name: 'Prometheus /api/metrics', text: metricsText },
    ...files.map((f) => ({ name: `log ${path.relative(path.dirname(E2E_LOG_DIR), f)}`, text: fs.readFileSync(f, 'utf8') })),
  ];
}
