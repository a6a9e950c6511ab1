import { Webhook as StandardWebhook } from 'standardwebhooks';
import { Webhook as SvixWebhook } from 'svix';
import { describe, expect, it } from 'vitest';
import { generateWebhookSecret, signWebhook, verifyWebhook } from './signature.ts';

// The test vector published in the Standard Webhooks specification.
const SPEC_SECRET = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';
const SPEC_ID = 'msg_p5jXN8AQM9LWM0D4loKWxJek';
const SPEC_TIMESTAMP = 1614265330;
const SPEC_BODY = '{"test": 2432232314}';
const SPEC_SIGNATURE = 'v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=';

function nowSeconds(): number {
  return Math.floor(Date.now() / 1000);
}

function signedHeaders(secrets: string[], body: string, timestamp = nowSeconds(), msgId = 'msg_test_1') {
  return {
    'webhook-id': msgId,
    'webhook-timestamp': String(timestamp),
    'webhook-signature': signWebhook({ secrets, msgId, timestamp, body }),
  };
}

describe('signWebhook', () => {
  it('reproduces the Standard Webhooks spec vector exactly', () => {
    expect(signWebhook({ secrets: [SPEC_SECRET], msgId: SPEC_ID, timestamp: SPEC_TIMESTAMP, body: SPEC_BODY })).toBe(
      SPEC_SIGNATURE,
    );
  });

  it('sends one v1 signature per secret, space-separated, during rotation', () => {
    const other = generateWebhookSecret();
    const header = signWebhook({ secrets: [SPEC_SECRET, other], msgId: SPEC_ID, timestamp: SPEC_TIMESTAMP, body: SPEC_BODY });
    const parts = header.split(' ');
    expect(parts).toHaveLength(2);
    expect(parts[0]).toBe(SPEC_SIGNATURE);
    expect(parts[1]).toMatch(/^v1,[A-Za-z0-9+/]{43}=$/);
  });

  it('refuses no secrets and non-integer timestamps', () => {
    expect(() => signWebhook({ secrets: [], msgId: 'm', timestamp: 1, body: '' })).toThrow(TypeError);
    expect(() => signWebhook({ secrets: [SPEC_SECRET], msgId: 'm', timestamp: 1.5, body: '' })).toThrow(TypeError);
    expect(() => signWebhook({ secrets: [SPEC_SECRET], msgId: '', timestamp: 1, body: '' })).toThrow(TypeError);
  });
});

describe('generateWebhookSecret', () => {
  it('is whsec_ + base64 of 32 random bytes, different every time', () => {
    const a = generateWebhookSecret();
    const b = generateWebhookSecret();
    expect(a).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    expect(Buffer.from(a.slice(6), 'base64')).toHaveLength(32);
    expect(a).not.toBe(b);
  });
});

describe('verifyWebhook', () => {
  it('accepts the spec vector at its own time', () => {
    const headers = { 'webhook-id': SPEC_ID, 'webhook-timestamp': String(SPEC_TIMESTAMP), 'webhook-signature': SPEC_SIGNATURE };
    expect(verifyWebhook({ secret: SPEC_SECRET, headers, body: SPEC_BODY, now: SPEC_TIMESTAMP })).toEqual({ ok: true });
    expect(verifyWebhook({ secret: SPEC_SECRET, headers, body: SPEC_BODY, now: new Date(SPEC_TIMESTAMP * 1000) })).toEqual({
      ok: true,
    });
  });

  it('accepts mixed-case header names and a fetch Headers object', () => {
    const secret = generateWebhookSecret();
    const h = signedHeaders([secret], 'x');
    const mixed = { 'Webhook-Id': h['webhook-id'], 'WEBHOOK-TIMESTAMP': h['webhook-timestamp'], 'webhook-Signature': h['webhook-signature'] };
    expect(verifyWebhook({ secret, headers: mixed, body: 'x' })).toEqual({ ok: true });
    expect(verifyWebhook({ secret, headers: new Headers(h), body: 'x' })).toEqual({ ok: true });
  });

  it('accepts any of several signatures (old or new secret during rotation)', () => {
    const oldSecret = generateWebhookSecret();
    const newSecret = generateWebhookSecret();
    const h = signedHeaders([oldSecret, newSecret], 'rotating');
    expect(verifyWebhook({ secret: oldSecret, headers: h, body: 'rotating' })).toEqual({ ok: true });
    expect(verifyWebhook({ secret: newSecret, headers: h, body: 'rotating' })).toEqual({ ok: true });
    expect(verifyWebhook({ secret: generateWebhookSecret(), headers: h, body: 'rotating' })).toEqual({
      ok: false,
      reason: 'bad_signature',
    });
  });

  it('names each failure', () => {
    const secret = generateWebhookSecret();
    const h = signedHeaders([secret], 'body');
    expect(verifyWebhook({ secret, headers: { ...h, 'webhook-id': undefined }, body: 'body' })).toEqual({
      ok: false,
      reason: 'missing_headers',
    });
    expect(verifyWebhook({ secret, headers: { ...h, 'webhook-timestamp': '12abc' }, body: 'body' })).toEqual({
      ok: false,
      reason: 'bad_timestamp',
    });
    expect(verifyWebhook({ secret, headers: h, body: 'body', now: nowSeconds() + 301 })).toEqual({
      ok: false,
      reason: 'timestamp_out_of_tolerance',
    });
    expect(verifyWebhook({ secret, headers: h, body: 'body', now: nowSeconds() - 301 })).toEqual({
      ok: false,
      reason: 'timestamp_out_of_tolerance',
    });
    expect(verifyWebhook({ secret, headers: h, body: 'bodY' })).toEqual({ ok: false, reason: 'bad_signature' });
    expect(verifyWebhook({ secret, headers: { ...h, 'webhook-signature': 'v2,abc v1,' }, body: 'body' })).toEqual({
      ok: false,
      reason: 'bad_signature',
    });
  });

  it('agrees with the standardwebhooks package on the spec vector', () => {
    const wh = new StandardWebhook(SPEC_SECRET);
    expect(wh.sign(SPEC_ID, new Date(SPEC_TIMESTAMP * 1000), SPEC_BODY)).toBe(SPEC_SIGNATURE);
  });
});

describe('interop with standardwebhooks and svix', () => {
  const body = JSON.stringify({ type: 'appointment.created', timestamp: '2026-01-01T00:00:00Z', data: { n: 1 } });

  it('our signatures verify in both libraries, including with several signatures', () => {
    const secret = generateWebhookSecret();
    const other = generateWebhookSecret();
    for (const secrets of [[secret], [other, secret]]) {
      const h = signedHeaders(secrets, body);
      expect(new StandardWebhook(secret).verify(body, h)).toEqual(JSON.parse(body));
      // svix reads webhook-* headers as well as svix-* (unbranded); check both spellings.
      expect(() => new SvixWebhook(secret).verify(body, h)).not.toThrow();
      const svixHeaders = { 'svix-id': h['webhook-id'], 'svix-timestamp': h['webhook-timestamp'], 'svix-signature': h['webhook-signature'] };
      expect(() => new SvixWebhook(secret).verify(body, svixHeaders)).not.toThrow();
    }
  });

  it('their signatures verify with ours', () => {
    const secret = generateWebhookSecret();
    const ts = new Date();
    const sig = new StandardWebhook(secret).sign('msg_theirs', ts, body);
    const headers = { 'webhook-id': 'msg_theirs', 'webhook-timestamp': String(Math.floor(ts.getTime() / 1000)), 'webhook-signature': sig };
    expect(verifyWebhook({ secret, headers, body })).toEqual({ ok: true });
    const svixSig = new SvixWebhook(secret).sign('msg_theirs', ts, body);
    expect(verifyWebhook({ secret, headers: { ...headers, 'webhook-signature': svixSig }, body })).toEqual({ ok: true });
  });

  it('tampered body, old timestamp and wrong secret fail in both libraries', () => {
    const secret = generateWebhookSecret();
    const h = signedHeaders([secret], body);
    const tampered = body.replace('"n":1', '"n":2');
    const old = signedHeaders([secret], body, nowSeconds() - 3600);
    const wrong = generateWebhookSecret();
    for (const verify of [
      (s: string, b: string, hh: Record<string, string>) => new StandardWebhook(s).verify(b, hh),
      (s: string, b: string, hh: Record<string, string>) => new SvixWebhook(s).verify(b, hh),
    ]) {
      expect(() => verify(secret, tampered, h)).toThrow();
      expect(() => verify(secret, body, old)).toThrow();
      expect(() => verify(wrong, body, h)).toThrow();
    }
    expect(verifyWebhook({ secret, headers: old, body }).ok).toBe(false);
  });
});
