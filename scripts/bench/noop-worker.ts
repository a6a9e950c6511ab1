/**
 * The baseline worker process of the delivery bench: bare pg-boss on the same connection settings
 * (core app role, pool size) as scripts/worker.ts, subscribed to the bench's no-op queue with the
 * very subscription settings of `webhook.deliver` (same subscriptions, batch size, polling), and a
 * handler that does nothing. Whatever the real worker does beyond this is the delivery's cost.
 */
import PgBoss from 'pg-boss';
import { getConfig } from '../../lib/config.ts';
import { bossOptions } from '../../lib/jobs/boss.ts';
import { deliverWebhookJob } from '../../jobs/deliver-webhook.ts';
import { subscribeQueue } from '../../jobs/subscribe.ts';
import { NOOP_QUEUE } from './noop-queue.ts';

getConfig();
const boss = new PgBoss(bossOptions({ supervise: false }));
boss.on('error', (err) => console.error(`pg-boss error: ${err.message}`));
await boss.start();
await subscribeQueue(boss, NOOP_QUEUE, deliverWebhookJob.work, async () => {});
console.log('noop worker started');

async function shutdown(): Promise<void> {
  await boss.stop({ graceful: true, timeout: 5_000, wait: true }).catch(() => {});
  process.exit(0);
}
process.on('SIGINT', () => void shutdown());
process.on('SIGTERM', () => void shutdown());
