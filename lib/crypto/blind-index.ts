/**
 * Keyed blind index (HMAC-SHA256) for equality lookups on encrypted fields, e.g. "find the user
 * with this email" without storing the email in clear. The index key is per tenant, so equal
 * emails in two tenants index differently.
 */
import { createHmac } from 'node:crypto';

/** Canonical form of an email for indexing: trimmed, lower-cased, NFC. */
export function normalizeEmail(email: string): string {
  return email.normalize('NFC').trim().toLowerCase();
}

/** HMAC-SHA256 blind index of `value` under `indexKey`, namespaced by field. */
export function blindIndex(indexKey: Buffer, field: string, value: string): string {
  return createHmac('sha256', indexKey).update(`${field}\u0000${value}`).digest('base64url');
}
