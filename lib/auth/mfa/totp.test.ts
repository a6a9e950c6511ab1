import { describe, expect, it } from 'vitest';
import { generate } from 'otplib';
import { buildTotpUri, generateTotpSecret, renderTotpQr, verifyTotpCode } from './totp.ts';
import { generateRecoveryCodes, hashRecoveryCode, isRecoveryCodeShaped, normalizeRecoveryCode } from './recovery-codes.ts';

describe('TOTP', () => {
  const secret = generateTotpSecret();

  it('accepts the current code and rejects a wrong one', async () => {
    const now = Date.now();
    const code = await generate({ secret, epoch: Math.floor(now / 1000) });
    expect(await verifyTotpCode(secret, code, null, now)).toBeTypeOf('number');
    const wrong = code === '000000' ? '111111' : '000000';
    expect(await verifyTotpCode(secret, wrong, null, now)).toBeNull();
    expect(await verifyTotpCode(secret, 'abcdef', null, now)).toBeNull();
  });

  it('tolerates one step of clock drift but not two', async () => {
    const now = 1_800_000_015_000;
    const step = 30;
    const ahead = await generate({ secret, epoch: now / 1000 + step });
    const farAhead = await generate({ secret, epoch: now / 1000 + 3 * step });
    expect(await verifyTotpCode(secret, ahead, null, now)).not.toBeNull();
    expect(await verifyTotpCode(secret, farAhead, null, now)).toBeNull();
  });

  it('never accepts the same time step twice (replay)', async () => {
    const now = 1_800_000_015_000;
    const code = await generate({ secret, epoch: now / 1000 });
    const step = await verifyTotpCode(secret, code, null, now);
    expect(step).not.toBeNull();
    expect(await verifyTotpCode(secret, code, step, now)).toBeNull();
    const next = await generate({ secret, epoch: now / 1000 + 30 });
    expect(await verifyTotpCode(secret, next, step, now)).toBe(step! + 1);
  });

  it('builds an otpauth URI and a QR data URL', async () => {
    const uri = buildTotpUri(secret, 'a@b.test (demo)');
    expect(uri).toMatch(/^otpauth:\/\/totp\/Periodic:/);
    expect(uri).toContain(`secret=${secret}`);
    expect(await renderTotpQr(uri)).toMatch(/^data:image\/png;base64,/);
  });
});

describe('recovery codes', () => {
  it('makes 10 distinct, well-formed codes and stores only hashes', () => {
    const { codes, hashes } = generateRecoveryCodes();
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    for (const [i, c] of codes.entries()) {
      expect(c).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$/);
      expect(isRecoveryCodeShaped(c)).toBe(true);
      expect(hashes[i]).toBe(hashRecoveryCode(c));
      expect(hashes[i]).not.toContain(normalizeRecoveryCode(c));
    }
    expect(hashRecoveryCode(codes[0]!.toLowerCase().replace(/-/g, ' '))).toBe(hashes[0]);
  });
});
