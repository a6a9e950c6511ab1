/**
 * Envelope encryption of PHI fields. Each tenant has data keys (random 32 bytes) stored wrapped
 * by the master key; a field ciphertext names its data key, so data keys and master keys can rotate
 * independently. Format: `v1.<dataKeyId>.<base64url(iv‖ct‖tag)>`, AAD = `<tenantId>:<field>` so a
 * ciphertext copied to another tenant or column fails to decrypt.
 */
import { randomBytes } from 'node:crypto';
import { openBytes, sealBytes, DecryptionError } from './aes-gcm.ts';
import type { MasterKeyring } from './master-keyring.ts';

const FIELD_PREFIX = 'v1';
const WRAP_PREFIX = 'wk1';

/** Generates a new random data key and its id. */
export function generateDataKey(): { id: string; key: Buffer } {
  return { id: `dk_${randomBytes(12).toString('base64url')}`, key: randomBytes(32) };
}

/** Wraps a data key under the current master key. AAD binds it to its tenant and key id. */
export function wrapDataKey(keyring: MasterKeyring, tenantId: string, keyId: string, key: Buffer): { wrapped: string; masterKeyId: string } {
  const sealed = sealBytes(keyring.current.key, key, `${WRAP_PREFIX}:${tenantId}:${keyId}`);
  return { wrapped: `${WRAP_PREFIX}.${sealed.toString('base64url')}`, masterKeyId: keyring.current.id };
}

/** Unwraps a data key with the master key it was wrapped under. */
export function unwrapDataKey(keyring: MasterKeyring, tenantId: string, keyId: string, wrapped: string, wrappedUnder: string): Buffer {
  const mk = keyring.byId(wrappedUnder);
  if (!mk) {
    throw new DecryptionError(`master key ${wrappedUnder} is not configured`);
  }
  const [prefix, body] = wrapped.split('.');
  if (prefix !== WRAP_PREFIX || !body) {
    throw new DecryptionError('not a wrapped data key');
  }
  return openBytes(mk.key, Buffer.from(body, 'base64url'), `${WRAP_PREFIX}:${tenantId}:${keyId}`);
}

/** Encrypts one field value. */
export function encryptField(dataKey: { id: string; key: Buffer }, tenantId: string, field: string, plaintext: string): string {
  const sealed = sealBytes(dataKey.key, Buffer.from(plaintext, 'utf8'), `${tenantId}:${field}`);
  return `${FIELD_PREFIX}.${dataKey.id}.${sealed.toString('base64url')}`;
}

/** The data key id a field ciphertext was written with. */
export function fieldKeyId(ciphertext: string): string {
  const [prefix, keyId] = ciphertext.split('.');
  if (prefix !== FIELD_PREFIX || !keyId) {
    throw new DecryptionError('not a field ciphertext');
  }
  return keyId;
}

/** Decrypts one field value; `key` must be the data key named in the ciphertext. */
export function decryptField(key: Buffer, tenantId: string, field: string, ciphertext: string): string {
  const [prefix, , body] = ciphertext.split('.');
  if (prefix !== FIELD_PREFIX || !body) {
    throw new DecryptionError('not a field ciphertext');
  }
  return openBytes(key, Buffer.from(body, 'base64url'), `${tenantId}:${field}`).toString('utf8');
}
