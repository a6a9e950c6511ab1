/**
 * Authenticates a headless API request by its Bearer key and counts it against the key's
 * per-minute limit, in one tenant-scoped transaction.
 */
import { getConfig } from '../config.ts';
import { withCoreTenant } from '../db/tenant-scope.ts';
import { AppError } from '../errors/app-error.ts';
import { apiKeyMatches, parseApiKey } from './keys/api-key-format.ts';

export interface ApiCaller {
  tenantId: string;
  apiKeyId: string;
  rate: { limit: number; remaining: number };
}

const LAST_USED_GRANULARITY_MS = 60_000;

/** Reads `Authorization: Bearer <key>`; UNAUTHORIZED when absent or malformed. */
function bearerKey(request: Request): string {
  const header = request.headers.get('authorization') ?? '';
  const m = /^Bearer\s+(\S+)$/i.exec(header.trim());
  if (!m) {
    throw new AppError('UNAUTHORIZED', 'Send your API key as "Authorization: Bearer <key>"');
  }
  return m[1]!;
}

/**
 * Resolves the caller: the key must parse, exist in its tenant, match its hash (constant time)
 * and not be revoked. Then increments the key's fixed one-minute window (a database counter, so
 * the limit holds across web processes) and throws RATE_LIMITED with `retryAfterSeconds` when
 * the window is full. `last_used_at` is refreshed at most once a minute.
 */
export async function authenticateApiRequest(request: Request, now = new Date()): Promise<ApiCaller> {
  const key = bearerKey(request);
  const parsed = parseApiKey(key);
  const invalid = new AppError('UNAUTHORIZED', 'Invalid or revoked API key');
  if (!parsed) {
    throw invalid;
  }
  const limit = getConfig().API_RATE_LIMIT_PER_MINUTE;
  const windowStart = new Date(Math.floor(now.getTime() / 60_000) * 60_000);
  const result = await withCoreTenant(parsed.tenantId, async (tx) => {
    const row = await tx.apiKey.findFirst({ where: { prefix: parsed.prefix, tenantId: parsed.tenantId }, select: { id: true, keyHash: true, revokedAt: true, lastUsedAt: true } });
    if (!row || row.revokedAt || !apiKeyMatches(key, row.keyHash)) {
      return null;
    }
    if (!row.lastUsedAt || now.getTime() - row.lastUsedAt.getTime() > LAST_USED_GRANULARITY_MS) {
      await tx.apiKey.update({ where: { id: row.id }, data: { lastUsedAt: now } });
    }
    const counted = await tx.$queryRaw<{ count: number }[]>`
      INSERT INTO api_rate_limits (tenant_id, api_key_id, window_start, count)
      VALUES (${parsed.tenantId}::uuid, ${row.id}::uuid, ${windowStart}::timestamptz, 1)
      ON CONFLICT (api_key_id, window_start) DO UPDATE SET count = api_rate_limits.count + 1
      RETURNING count`;
    // Old windows are useless; sweep them now and then rather than on every request.
    if (Math.random() < 0.01) {
      await tx.apiRateLimit.deleteMany({ where: { tenantId: parsed.tenantId, windowStart: { lt: new Date(windowStart.getTime() - 10 * 60_000) } } });
    }
    return { apiKeyId: row.id, count: Number(counted[0]?.count ?? 1) };
  });
  if (!result) {
    throw invalid;
  }
  if (result.count > limit) {
    const retryAfterSeconds = Math.max(1, Math.ceil((windowStart.getTime() + 60_000 - now.getTime()) / 1000));
    throw new AppError('RATE_LIMITED', `Rate limit of ${limit} requests per minute exceeded`, { retryAfterSeconds, limit });
  }
  return { tenantId: parsed.tenantId, apiKeyId: result.apiKeyId, rate: { limit, remaining: Math.max(0, limit - result.count) } };
}
