/**
 * Runtime configuration of the web and worker processes, parsed from the environment with zod
 * exactly once. `instrumentation.ts` (web) and `scripts/worker.ts` call `getConfig()` at boot so a
 * bad value stops the process before the first request, with a message naming the variable.
 *
 * The launcher (`scripts/start.ts`) derives the app-role database URLs and, outside production,
 * the local secrets under `.data/`; processes never receive the database admin URL.
 */
import { z } from 'zod';

const bool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no', ''])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

const base64Key32 = z.string().refine((v) => Buffer.from(v, 'base64').length === 32 && /^[A-Za-z0-9+/]+=*$/.test(v), {
  message: 'must be 32 bytes encoded as base64 (e.g. `openssl rand -base64 32`)',
});

const pgUrl = z.string().refine((v) => /^postgres(ql)?:\/\//.test(v), { message: 'must be a postgresql:// URL' });
const httpUrl = z.url({ protocol: /^https?$/ });

export const ZConfig = z
  .object({
    /**
     * Deployment mode. Separate from NODE_ENV, which `next start` always sets to production:
     * PERIODIC_ENV=production turns on the production policies (explicit secrets, https URLs).
     */
    PERIODIC_ENV: z.enum(['development', 'production', 'test']).default('development'),
    IDENTITY_DATABASE_URL: pgUrl,
    CORE_DATABASE_URL: pgUrl,
    PERIODIC_MASTER_KEY: base64Key32,
    PERIODIC_MASTER_KEY_PREVIOUS: base64Key32.optional(),
    NEXTAUTH_SECRET: z.string().min(32, 'must be at least 32 characters'),
    APP_URL: httpUrl.default('http://localhost:3000'),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),

    SESSION_IDLE_MINUTES: z.coerce.number().positive().max(60).default(15),
    SESSION_MAX_HOURS: z.coerce.number().positive().max(24).default(12),
    LOGIN_MAX_FAILURES: z.coerce.number().int().min(3).max(50).default(10),
    LOGIN_LOCK_MINUTES: z.coerce.number().positive().max(24 * 60).default(15),
    /**
     * Reverse proxies in front of the web server whose X-Forwarded-For entries are believed. 0: none,
     * the client address is the TCP peer and any X-Forwarded-For a client sends is ignored (it could
     * otherwise pick its own address and dodge the per-IP sign-in throttle).
     */
    TRUST_PROXY_HOPS: z.coerce.number().int().min(0).max(10).default(0),

    WEBHOOK_TIMEOUT_MS: z.coerce.number().int().min(100).max(30_000).default(3000),
    WEBHOOK_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(20).default(5),
    WEBHOOK_RETRY_BASE_MS: z.coerce.number().int().min(10).max(3_600_000).default(120_000),
    WEBHOOK_ALLOW_PRIVATE_TARGETS: bool.default(false),
    WEBHOOK_SECRET_OVERLAP_HOURS: z.coerce.number().min(0).max(24 * 7).default(24),
    WEBHOOK_ENDPOINT_CONCURRENCY: z.coerce.number().int().min(1).max(100).default(10),
    WEBHOOK_CIRCUIT_THRESHOLD: z.coerce.number().int().min(1).max(1000).default(20),
    /** How long an open circuit pauses an endpoint before one probe delivery is let through. */
    WEBHOOK_CIRCUIT_COOLDOWN_MS: z.coerce.number().int().min(100).max(3_600_000).default(60_000),

    ALERT_SLACK_WEBHOOK_URL: httpUrl.optional(),
    ALERT_PAGERDUTY_ROUTING_KEY: z.string().min(1).optional(),
    PAGERDUTY_EVENTS_URL: httpUrl.default('https://events.pagerduty.com'),
    ALERT_DATADOG_API_KEY: z.string().min(1).optional(),
    DATADOG_API_URL: httpUrl.default('https://api.datadoghq.com'),
    ALERT_WEBHOOK_URL: httpUrl.optional(),

    ZOOM_OAUTH_BASE: httpUrl.default('https://zoom.us'),
    ZOOM_API_BASE: httpUrl.default('https://api.zoom.us'),
    MS_LOGIN_BASE: httpUrl.default('https://login.microsoftonline.com'),
    GRAPH_API_BASE: httpUrl.default('https://graph.microsoft.com'),
    VIDEO_ICE_SERVERS: z.string().default(''),
    VIDEO_JOIN_EARLY_MINUTES: z.coerce.number().int().min(0).max(120).default(10),

    API_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).max(100_000).default(600),
  })
  .superRefine((cfg, ctx) => {
    if (cfg.PERIODIC_ENV === 'production' && !cfg.APP_URL.startsWith('https://')) {
      ctx.addIssue({ code: 'custom', path: ['APP_URL'], message: 'must be https:// in production' });
    }
  });

export type TConfig = z.infer<typeof ZConfig>;

/** Thrown when the environment does not satisfy ZConfig; lists every bad variable. */
export class ConfigError extends Error {
  constructor(public readonly issues: string[]) {
    super(`Invalid configuration:\n${issues.map((i) => `  - ${i}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** Parses an environment into a config (pure: used by getConfig and by tests). */
export function parseConfig(env: Record<string, string | undefined>): TConfig {
  // Empty strings mean "unset" so that `FOO= npm start` behaves like not setting FOO.
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const result = ZConfig.safeParse(cleaned);
  if (!result.success) {
    throw new ConfigError(result.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`));
  }
  return result.data;
}

let cached: TConfig | undefined;

/** The process's configuration, parsed once. */
export function getConfig(): TConfig {
  cached ??= parseConfig(process.env);
  return cached;
}
