/**
 * Field-level encryption of PHI for one tenant: encrypt on write, decrypt on read, blind index
 * for email lookups. The field name is bound into each ciphertext (AAD).
 */
import { decryptField, encryptField, fieldKeyId } from '../crypto/envelope.ts';
import { blindIndex, normalizeEmail } from '../crypto/blind-index.ts';
import { DecryptionError } from '../crypto/aes-gcm.ts';
import type { TenantKeys } from './tenant-keys.ts';

export type PhiField = 'patient.name' | 'patient.email' | 'patient.phone' | 'patient.dob' | 'user.name' | 'user.email' | 'user.mfa_secret' | 'video.details';

/** Encrypts a PHI value for the tenant. */
export function sealPhi(keys: TenantKeys, field: PhiField, value: string): string {
  return encryptField(keys.current, keys.tenantId, field, value);
}

/** Decrypts a PHI value; throws DecryptionError if tampered or from another tenant/field. */
export function openPhi(keys: TenantKeys, field: PhiField, ciphertext: string): string {
  const key = keys.byId(fieldKeyId(ciphertext));
  if (!key) {
    throw new DecryptionError('unknown data key');
  }
  return decryptField(key, keys.tenantId, field, ciphertext);
}

/** Blind index of an email address (normalised) for the tenant. */
export function emailIndex(keys: TenantKeys, email: string): string {
  return blindIndex(keys.index, 'email', normalizeEmail(email));
}
