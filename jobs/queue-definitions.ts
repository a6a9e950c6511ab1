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
];

/** Looks up a queue definition by name (throws for unknown queues: a typo must fail loudly). */
export function queueDefinition(name: string): QueueDefinition {
  const def = QUEUES.find((q) => q.name === name);
  if (!def) {
    throw new Error(`unknown queue ${name}`);
  }
  return def;
}
