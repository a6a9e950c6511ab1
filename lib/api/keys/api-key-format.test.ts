import { describe, expect, it } from 'vitest';
import { apiKeyMatches, hashApiKey, mintApiKey, parseApiKey } from './api-key-format.ts';

const TENANT = '3f2b8c1e-9a4d-4e6f-8b7a-1c2d3e4f5a6b';

describe('API key format', () => {
  it('embeds the tenant id and prefix, and verifies only the exact key', () => {
    const { key, prefix, keyHash } = mintApiKey(TENANT);
    expect(key).toMatch(/^pk_[0-9a-f]{32}_[0-9a-z]{8}_[A-Za-z0-9_-]{43}$/);
    expect(parseApiKey(key)).toEqual({ tenantId: TENANT, prefix });
    expect(keyHash).toBe(hashApiKey(key));
    expect(apiKeyMatches(key, keyHash)).toBe(true);
    expect(apiKeyMatches(`${key.slice(0, -1)}${key.endsWith('A') ? 'B' : 'A'}`, keyHash)).toBe(false);
    expect(apiKeyMatches(key, 'not-hex')).toBe(false);
  });

  it('rejects malformed keys', () => {
    expect(parseApiKey('')).toBeNull();
    expect(parseApiKey('pk_nothex_12345678_x')).toBeNull();
    expect(parseApiKey(`sk_${'0'.repeat(32)}_abcdefgh_${'A'.repeat(43)}`)).toBeNull();
  });

  it('never mints the same key twice', () => {
    const keys = new Set(Array.from({ length: 50 }, () => mintApiKey(TENANT).key));
    expect(keys.size).toBe(50);
  });
});
