import { describe, expect, it } from 'vitest';
import { randomBytes } from 'node:crypto';
import { createMasterKeyring } from './master-keyring.ts';
import { decryptField, encryptField, generateDataKey, unwrapDataKey, wrapDataKey } from './envelope.ts';
import { DecryptionError } from './aes-gcm.ts';
import { openSecret, sealSecret } from './secret-box.ts';
import { blindIndex, normalizeEmail } from './blind-index.ts';

const tenant = '6f1c1d2e-0000-4000-8000-000000000001';
const otherTenant = '6f1c1d2e-0000-4000-8000-000000000002';

function flipOneChar(ct: string): string {
  const parts = ct.split('.');
  const body = Buffer.from(parts[2]!, 'base64url');
  body[body.length - 20]! ^= 0x01;
  parts[2] = body.toString('base64url');
  return parts.join('.');
}

describe('field encryption (AES-256-GCM, envelope)', () => {
  const dk = generateDataKey();

  it('round-trips and never contains the plaintext', () => {
    const ct = encryptField(dk, tenant, 'patient.email', 'maria.lopez@example.com');
    expect(ct.startsWith(`v1.${dk.id}.`)).toBe(true);
    expect(ct).not.toContain('maria');
    expect(decryptField(dk.key, tenant, 'patient.email', ct)).toBe('maria.lopez@example.com');
  });

  it('uses a fresh IV per encryption', () => {
    expect(encryptField(dk, tenant, 'patient.name', 'Same')).not.toBe(encryptField(dk, tenant, 'patient.name', 'Same'));
  });

  it('refuses tampered ciphertext', () => {
    const ct = encryptField(dk, tenant, 'patient.phone', '+1 555 0101');
    expect(() => decryptField(dk.key, tenant, 'patient.phone', flipOneChar(ct))).toThrow(DecryptionError);
  });

  it('refuses a ciphertext moved to another field or tenant (AAD)', () => {
    const ct = encryptField(dk, tenant, 'patient.name', 'Maria Lopez');
    expect(() => decryptField(dk.key, tenant, 'patient.email', ct)).toThrow(DecryptionError);
    expect(() => decryptField(dk.key, otherTenant, 'patient.name', ct)).toThrow(DecryptionError);
  });

  it('refuses the wrong key', () => {
    const ct = encryptField(dk, tenant, 'patient.name', 'Maria Lopez');
    expect(() => decryptField(randomBytes(32), tenant, 'patient.name', ct)).toThrow(DecryptionError);
  });
});

describe('data-key wrapping and master-key rotation', () => {
  const oldKey = randomBytes(32).toString('base64');
  const newKey = randomBytes(32).toString('base64');

  it('unwraps under the key it was wrapped with, including a previous key', () => {
    const dk = generateDataKey();
    const oldRing = createMasterKeyring(oldKey);
    const w = wrapDataKey(oldRing, tenant, dk.id, dk.key);
    const rotating = createMasterKeyring(newKey, oldKey);
    expect(unwrapDataKey(rotating, tenant, dk.id, w.wrapped, w.masterKeyId).equals(dk.key)).toBe(true);
    const newOnly = createMasterKeyring(newKey);
    expect(() => unwrapDataKey(newOnly, tenant, dk.id, w.wrapped, w.masterKeyId)).toThrow(/not configured/);
  });

  it('binds a wrapped key to its tenant and id', () => {
    const dk = generateDataKey();
    const ring = createMasterKeyring(oldKey);
    const w = wrapDataKey(ring, tenant, dk.id, dk.key);
    expect(() => unwrapDataKey(ring, otherTenant, dk.id, w.wrapped, w.masterKeyId)).toThrow(DecryptionError);
  });

  it('rejects master keys that are not 32 bytes', () => {
    expect(() => createMasterKeyring(randomBytes(16).toString('base64'))).toThrow(/32 bytes/);
  });
});

describe('secret box and blind index', () => {
  it('seals secrets per purpose', () => {
    const ring = createMasterKeyring(randomBytes(32).toString('base64'));
    const boxed = sealSecret(ring, 'whsec_abc', 'webhook-secret:1');
    expect(boxed).not.toContain('whsec_abc');
    expect(openSecret(ring, boxed, 'webhook-secret:1')).toBe('whsec_abc');
    expect(() => openSecret(ring, boxed, 'webhook-secret:2')).toThrow(DecryptionError);
  });

  it('indexes emails case-insensitively and per key', () => {
    const k1 = randomBytes(32);
    const k2 = randomBytes(32);
    expect(blindIndex(k1, 'email', normalizeEmail(' Maria@Example.com '))).toBe(blindIndex(k1, 'email', normalizeEmail('maria@example.com')));
    expect(blindIndex(k1, 'email', 'maria@example.com')).not.toBe(blindIndex(k2, 'email', 'maria@example.com'));
  });
});
