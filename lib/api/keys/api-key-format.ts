/**
 * API key format: `pk_<tenant id, 32 hex>_<prefix, 8 chars>_<secret, 32 bytes base64url>`.
 * The tenant id is embedded so a key can be resolved inside that tenant's row-level-security
 * scope without any bypass; the prefix finds the row; only a SHA-256 of the whole key is stored
 * (keys carry 256 random bits, so a fast hash is enough — there is nothing to brute-force).
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

const KEY_RE = /^pk_([0-9a-f]{32})_([0-9a-z]{8})_([A-Za-z0-9_-]{43})$/;

export interface ParsedApiKey {
  tenantId: string;
  prefix: string;
}

/** Mints a new key for `tenantId`; returns the full key (show once), its prefix and hash. */
export function mintApiKey(tenantId: string): { key: string; prefix: string; keyHash: string } {
  const prefix = randomBytes(6).toString('hex').slice(0, 8);
  const secret = randomBytes(32).toString('base64url');
  const key = `pk_${tenantId.replace(/-/g, '').toLowerCase()}_${prefix}_${secret}`;
  return { key, prefix, keyHash: hashApiKey(key) };
}

/** Splits a presented key into tenant id (uuid form) and prefix; null when malformed. */
export function parseApiKey(key: string): ParsedApiKey | null {
  const m = KEY_RE.exec(key);
  if (!m) {
    return null;
  }
  const hex = m[1]!;
  const tenantId = `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
  return { tenantId, prefix: m[2]! };
}

/** Hex SHA-256 of the whole key. */
export function hashApiKey(key: string): string {
  return createHash('sha256').update(key, 'utf8').digest('hex');
}

/** Constant-time comparison of a presented key against a stored hash. */
export function apiKeyMatches(key: string, storedHash: string): boolean {
  const a = Buffer.from(hashApiKey(key), 'hex');
  const b = Buffer.from(storedHash, 'hex');
  return a.length === b.length && timingSafeEqual(a, b);
}
