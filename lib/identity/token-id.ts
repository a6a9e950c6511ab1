/**
 * Patient tokens: `tk_` + 144 bits from the CSPRNG, base64url. Never derived from any patient
 * attribute, so a token reveals nothing and cannot be recomputed.
 */
import { randomBytes } from 'node:crypto';

export const TOKEN_ID_RE = /^tk_[A-Za-z0-9_-]{22,64}$/;

/** Mints a fresh token id (18 random bytes → 24 base64url characters). */
export function mintTokenId(): string {
  return `tk_${randomBytes(18).toString('base64url')}`;
}
