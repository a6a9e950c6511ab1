import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadLocalSecrets } from './local-secrets.ts';
import { resolveSecrets } from './launch-env.ts';

const saved = { ...process.env };
afterEach(() => {
  process.env = { ...saved };
});

describe('local secrets', () => {
  it('generates a 32-byte master key once, in a 0600 file, and reuses it', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'secrets-'));
    const first = loadLocalSecrets(dir);
    const mode = fs.statSync(path.join(dir, 'secrets.json')).mode & 0o777;
    expect(mode).toBe(0o600);
    expect(Buffer.from(first.masterKey, 'base64')).toHaveLength(32);
    expect(loadLocalSecrets(dir).masterKey).toBe(first.masterKey);
  });

  it('refuses production mode without explicit secrets', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'secrets-'));
    process.env.PERIODIC_ENV = 'production';
    delete process.env.PERIODIC_MASTER_KEY;
    expect(() => resolveSecrets(dir)).toThrow(/PERIODIC_MASTER_KEY/);
    expect(fs.existsSync(path.join(dir, 'secrets.json'))).toBe(false);
    process.env.PERIODIC_MASTER_KEY = Buffer.alloc(32, 1).toString('base64');
    process.env.NEXTAUTH_SECRET = 'n'.repeat(40);
    process.env.PERIODIC_DB_APP_PASSWORD = 'p'.repeat(24);
    expect(resolveSecrets(dir).masterKey).toBe(process.env.PERIODIC_MASTER_KEY);
  });
});
