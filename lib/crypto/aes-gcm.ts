/**
 * AES-256-GCM primitives (node:crypto). A 96-bit random IV per message; the 128-bit tag is
 * checked on decrypt, so any tampering with IV, ciphertext, tag or AAD throws.
 */
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

const IV_BYTES = 12;
const TAG_BYTES = 16;

/** Thrown when a ciphertext cannot be authenticated (tampered, wrong key or wrong context). */
export class DecryptionError extends Error {
  constructor(message = 'ciphertext failed authentication') {
    super(message);
    this.name = 'DecryptionError';
  }
}

/** Encrypts `plaintext` under a 32-byte key; returns iv ‖ ciphertext ‖ tag. */
export function sealBytes(key: Buffer, plaintext: Buffer, aad: string): Buffer {
  if (key.length !== 32) {
    throw new Error('AES-256-GCM needs a 32-byte key');
  }
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(Buffer.from(aad, 'utf8'));
  const body = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  return Buffer.concat([iv, body, cipher.getAuthTag()]);
}

/** Reverses sealBytes; throws DecryptionError on any authentication failure. */
export function openBytes(key: Buffer, sealed: Buffer, aad: string): Buffer {
  if (sealed.length < IV_BYTES + TAG_BYTES) {
    throw new DecryptionError('ciphertext too short');
  }
  const iv = sealed.subarray(0, IV_BYTES);
  const tag = sealed.subarray(sealed.length - TAG_BYTES);
  const body = sealed.subarray(IV_BYTES, sealed.length - TAG_BYTES);
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, iv);
    decipher.setAAD(Buffer.from(aad, 'utf8'));
    decipher.setAuthTag(tag);
    return Buffer.concat([decipher.update(body), decipher.final()]);
  } catch {
    throw new DecryptionError();
  }
}
