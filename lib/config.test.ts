import { describe, expect, it } from 'vitest';
import { ConfigError, parseConfig } from './config.ts';

const base = {
  IDENTITY_DATABASE_URL: 'postgresql://a@127.0.0.1/x',
  CORE_DATABASE_URL: 'postgresql://b@127.0.0.1/y',
  PERIODIC_MASTER_KEY: Buffer.alloc(32, 7).toString('base64'),
  NEXTAUTH_SECRET: 'x'.repeat(40),
};

describe('configuration', () => {
  it('applies the documented defaults', () => {
    const cfg = parseConfig(base);
    expect(cfg).toMatchObject({ WEBHOOK_TIMEOUT_MS: 3000, WEBHOOK_MAX_ATTEMPTS: 5, SESSION_IDLE_MINUTES: 15, SESSION_MAX_HOURS: 12, PERIODIC_ENV: 'development' });
  });

  it('names every bad variable in one error', () => {
    try {
      parseConfig({ ...base, PERIODIC_MASTER_KEY: 'short', WEBHOOK_TIMEOUT_MS: 'soon', CORE_DATABASE_URL: 'mysql://x' });
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(ConfigError);
      const msg = (e as Error).message;
      expect(msg).toContain('PERIODIC_MASTER_KEY');
      expect(msg).toContain('WEBHOOK_TIMEOUT_MS');
      expect(msg).toContain('CORE_DATABASE_URL');
      expect(msg).not.toContain('short'); // values are not echoed
    }
  });

  it('requires https in production mode', () => {
    expect(() => parseConfig({ ...base, PERIODIC_ENV: 'production', APP_URL: 'http://clinic.example' })).toThrow(/APP_URL/);
    expect(parseConfig({ ...base, PERIODIC_ENV: 'production', APP_URL: 'https://clinic.example' }).APP_URL).toBe('https://clinic.example');
  });

  it('treats empty strings as unset', () => {
    expect(parseConfig({ ...base, ALERT_SLACK_WEBHOOK_URL: '' }).ALERT_SLACK_WEBHOOK_URL).toBeUndefined();
  });
});
