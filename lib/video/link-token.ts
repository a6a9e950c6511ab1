/**
 * Join-link tokens: 256 random bits, shown once to the participant who revealed them. Only the
 * SHA-256 hash is stored (video_links.token_hash), so a database reader cannot join a visit.
 */
import { createHash, randomBytes } from 'node:crypto';

/** Prefix that makes a leaked token recognisable to secret scanners (and to our leak tests). */
export const LINK_TOKEN_PREFIX = 'pvl_';
const LINK_TOKEN_RE = /^pvl_[A-Za-z0-9_-]{43}$/;

/** Mints a fresh link token (`pvl_` + 32 CSPRNG bytes, base64url). */
export function mintLinkToken(): string {
  return `${LINK_TOKEN_PREFIX}${randomBytes(32).toString('base64url')}`;
}

/** The stored form of a link token: hex SHA-256. */
export function hashLinkToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/** Cheap shape check before touching the database (a malformed token can never match). */
export function isWellFormedLinkToken(token: string): boolean {
  return LINK_TOKEN_RE.test(token);
}
