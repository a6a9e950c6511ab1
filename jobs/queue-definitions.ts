/**
 * Every pg-boss queue of Periodic with its policy. Setup (as the database owner) creates them;
 * the app role can then only use them (it cannot create tables in the pgboss schema).
 * Add a queue here when you add a job file in jobs/.
 */
export interface QueueDefinition {
  name: string;
  options: {
    retryLimit?: number;
    retryDelay?: number;
    retryBackoff?: boolean;
    expireInSeconds?: number;
    retentionMinutes?: number;
    deadLetter?: string;
    policy?: 'standard' | 'short' | 'singleton' | 'stately';
  };
}

export const PGBOSS_SCHEMA = 'pgboss';

export const QUEUES: QueueDefinition[] = [
  // Health probe used by /api/health and the worker's self-check.
  { name: 'system.ping', options: { retryLimit: 0, expireInSeconds: 60, retentionMinutes: 5 } },
  // Webhook dead letters: created before webhook.deliver, which names it as its deadLetter.
  // Retries cover a crash or DB outage inside the handler (marking dead + recording the alert).
  { name: 'webhook.dead-letter', options: { retryLimit: 10, retryDelay: 5, retryBackoff: true, expireInSeconds: 60, retentionMinutes: 7 * 24 * 60 } },
  // One job per delivery attempt (HTTP retries are fresh jobs with startAfter, see
  // lib/webhooks/delivery/deliver-once.ts). pg-boss's own retries only cover a worker that died
  // mid-job: a short expiry re-queues the active job; once those run out the job is dead-lettered.
  {
    name: 'webhook.deliver',
    options: { retryLimit: 5, retryDelay: 2, expireInSeconds: 30, retentionMinutes: 24 * 60, deadLetter: 'webhook.dead-letter' },
  },
  // Alert fan-out (Slack / PagerDuty / Datadog / generic); retried with backoff until every sink took it.
  { name: 'alert.send', options: { retryLimit: 8, retryDelay: 5, retryBackoff: true, expireInSeconds: 120, retentionMinutes: 7 * 24 * 60 } },
  // Video rooms (lib/video). The dead letter comes first: the others name it as their deadLetter.
  // Its handler marks the room failed and alerts (provisioning_failed).
  { name: 'video.dead-letter', options: { retryLimit: 10, retryDelay: 5, retryBackoff: true, expireInSeconds: 60, retentionMinutes: 7 * 24 * 60 } },
  // Provisioning: vendor outages are retried with backoff (5 s, 10 s, 20 s … about 5 min in all).
  {
    name: 'video.provision',
    options: { retryLimit: 6, retryDelay: 5, retryBackoff: true, expireInSeconds: 180, retentionMinutes: 7 * 24 * 60, deadLetter: 'video.dead-letter' },
  },
  // Revoke on cancel/complete/no-show: closing the vendor meeting is retried the same way.
  {
    name: 'video.revoke',
    options: { retryLimit: 6, retryDelay: 5, retryBackoff: true, expireInSeconds: 120, retentionMinutes: 7 * 24 * 60, deadLetter: 'video.dead-letter' },
  },
];

/** Looks up a queue definition by name (throws for unknown queues: a typo must fail loudly). */
export function queueDefinition(name: string): QueueDefinition {
  const def = QUEUES.find((q) => q.name === name);
  if (!def) {
    throw new Error(`unknown queue ${name}`);
  }
  return def;
}
