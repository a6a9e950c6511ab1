/**
 * Invite link tokens: `<tenant id hex>.<256 random bits>`. The tenant prefix lets the acceptance
 * page enter the right tenant scope (invites are row-level-secured); only a SHA-256 of the whole
 * token is stored, so the database never holds a usable link.
 */
import { createHash, randomBytes } from 'node:crypto';

const TOKEN_RE = /^([0-9a-f]{32})\.([A-Za-z0-9_-]{43})$/;

/** A new token for `tenantId`. */
export function mintInviteToken(tenantId: string): string {
  return `${tenantId.replace(/-/g, '')}.${randomBytes(32).toString('base64url')}`;
}

/** SHA-256 hex of a token (what the invites table keeps). */
export function hashInviteToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** The tenant id a well-formed token names, or null. */
export function tenantIdFromInviteToken(token: string): string | null {
  const m = TOKEN_RE.exec(token);
  if (!m) {
    return null;
  }
  const h = m[1]!;
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}
