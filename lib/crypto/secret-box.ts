/**
 * Encrypts small platform secrets (webhook signing secrets, vendor credentials) directly under
 * the master key. Format: `sb1.<masterKeyId>.<base64url(iv‖ct‖tag)>`; the purpose string is bound
 * as AAD so a ciphertext cannot be moved to another column.
 */
import { openBytes, sealBytes, DecryptionError } from './aes-gcm.ts';
import type { MasterKeyring } from './master-keyring.ts';

const PREFIX = 'sb1';

/** Encrypts `plaintext` for `purpose` (e.g. "webhook-secret:<endpointId>"). */
export function sealSecret(keyring: MasterKeyring, plaintext: string, purpose: string): string {
  const sealed = sealBytes(keyring.current.key, Buffer.from(plaintext, 'utf8'), `${PREFIX}:${purpose}`);
  return `${PREFIX}.${keyring.current.id}.${sealed.toString('base64url')}`;
}

/** Decrypts a value produced by sealSecret with the same purpose. */
export function openSecret(keyring: MasterKeyring, boxed: string, purpose: string): string {
  const [prefix, keyId, body] = boxed.split('.');
  if (prefix !== PREFIX || !keyId || !body) {
    throw new DecryptionError('not a sealed secret');
  }
  const mk = keyring.byId(keyId);
  if (!mk) {
    throw new DecryptionError(`master key ${keyId} is not configured`);
  }
  return openBytes(mk.key, Buffer.from(body, 'base64url'), `${PREFIX}:${purpose}`).toString('utf8');
}

/** True when the value is sealed under a key other than the current one (needs re-sealing). */
export function needsReseal(keyring: MasterKeyring, boxed: string): boolean {
  return boxed.split('.')[1] !== keyring.current.id;
}
