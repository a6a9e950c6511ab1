import { describe, expect, it } from 'vitest';
import { checkPasswordPolicy, PASSWORD_MIN_LENGTH } from './password-policy.ts';
import { hashPassword, verifyPassword } from './password.ts';

describe('checkPasswordPolicy', () => {
  it('refuses passwords shorter than 12 characters, counting code points', () => {
    expect(checkPasswordPolicy('a'.repeat(PASSWORD_MIN_LENGTH - 1) + 'b')).toBeNull();
    expect(checkPasswordPolicy('Short-pw-1!')).toBe('too_short');
    // 11 emoji are 22 UTF-16 units but only 11 characters.
    expect(checkPasswordPolicy('🔒'.repeat(11))).toBe('too_short');
  });

  it('refuses over-long input (argon2 cost)', () => {
    expect(checkPasswordPolicy('x'.repeat(257) + 'y')).toBe('too_long');
  });

  it('refuses common and breached passwords, also with digit/symbol suffixes and any case', () => {
    expect(checkPasswordPolicy('123456789012')).toBe('common');
    expect(checkPasswordPolicy('Password2024!')).toBe('common');
    expect(checkPasswordPolicy('PASSWORDPASSWORD')).toBe('common');
    expect(checkPasswordPolicy('qwertyuiop123')).toBe('common');
    expect(checkPasswordPolicy('aaaaaaaaaaaaaa')).toBe('common');
  });

  it('refuses the account email or its local part', () => {
    expect(checkPasswordPolicy('maria.lopez@example.com', { email: 'maria.lopez@example.com' })).toBe('common');
    expect(checkPasswordPolicy('maria.lopez.example2024', { email: 'maria.lopez.example@example.com' })).toBe('common');
  });

  it('accepts long, uncommon passphrases', () => {
    expect(checkPasswordPolicy('purple otter reads maps')).toBeNull();
    expect(checkPasswordPolicy('Periodic-Demo-2026!')).toBeNull();
  });
});

describe('hashPassword', () => {
  it('produces argon2id hashes with a fresh salt each time', async () => {
    const a = await hashPassword('purple otter reads maps');
    const b = await hashPassword('purple otter reads maps');
    expect(a).toMatch(/^\$argon2id\$/);
    expect(a).not.toBe(b);
    expect(await verifyPassword(a, 'purple otter reads maps')).toBe(true);
    expect(await verifyPassword(a, 'purple otter reads map')).toBe(false);
    expect(await verifyPassword('not-a-hash', 'x')).toBe(false);
  });
});
