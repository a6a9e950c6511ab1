import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { request } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertSafeWebhookUrl, createGuardedDispatcher, isForbiddenAddress, SsrfError, type ResolveHost } from './ssrf-guard.ts';

describe('isForbiddenAddress', () => {
  const forbiddenCases = [
    '127.0.0.1',
    '127.255.255.254',
    '::1',
    '10.0.0.1',
    '172.16.0.1',
    '172.31.255.255',
    '192.168.1.1',
    '169.254.169.254',
    '169.254.0.1',
    'fe80::1',
    'fe80::1%eth0',
    '100.64.0.1',
    '100.127.255.255',
    'fc00::1',
    'fd00:ec2::254',
    '0.0.0.0',
    '0.1.2.3',
    '::',
    '224.0.0.1',
    '239.255.255.250',
    'ff02::1',
    '255.255.255.255',
    '240.0.0.1',
    '192.0.2.10',
    '198.51.100.7',
    '203.0.113.99',
    '2001:db8::1',
    '198.18.0.1',
    '::ffff:127.0.0.1',
    '::ffff:7f00:1',
    '::ffff:10.1.2.3',
    '::ffff:169.254.169.254',
    '[::1]',
    '64:ff9b::a00:1', // NAT64 of 10.0.0.1
    '2002:7f00:1::', // 6to4 of 127.0.0.1
    'not-an-ip',
    '',
    '1.2.3',
  ];
  it.each(forbiddenCases)('refuses %s', (ip) => {
    expect(isForbiddenAddress(ip)).toBe(true);
  });

  const allowedCases = [
    '8.8.8.8',
    '1.1.1.1',
    '93.184.216.34',
    '172.32.0.1',
    '100.128.0.1',
    '169.253.255.255',
    '2606:4700:4700::1111',
    '2a00:1450:4001:80b::200e',
    '::ffff:8.8.8.8',
    '64:ff9b::808:808', // NAT64 of 8.8.8.8
    '2002:808:808::', // 6to4 of 8.8.8.8
  ];
  it.each(allowedCases)('allows public %s', (ip) => {
    expect(isForbiddenAddress(ip)).toBe(false);
  });
});

// An injected resolver: tests never send DNS queries off the machine.
function fakeResolver(table: Record<string, string[]>): ResolveHost {
  return async (hostname) => {
    const addresses = table[hostname];
    if (!addresses) {
      throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: 'ENOTFOUND' });
    }
    return addresses.map((address) => ({ address, family: address.includes(':') ? 6 : 4 }));
  };
}

async function expectSsrf(promise: Promise<unknown>, code: string): Promise<SsrfError> {
  const err = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(SsrfError);
  expect((err as SsrfError).code).toBe(code);
  return err as SsrfError;
}

describe('assertSafeWebhookUrl', () => {
  const strict = { allowPrivate: false, requireHttps: true };
  const resolveHost = fakeResolver({
    'hooks.example.com': ['93.184.216.34', '2606:2800:220:1:248:1893:25c8:1946'],
    'mixed.example.com': ['93.184.216.34', '10.0.0.5'],
    'metadata.example.com': ['169.254.169.254'],
  });

  it('accepts a public https URL and returns it parsed', async () => {
    const url = await assertSafeWebhookUrl('https://hooks.example.com/periodic?x=1', { ...strict, resolveHost });
    expect(url.hostname).toBe('hooks.example.com');
  });

  it('refuses bad URLs, schemes and credentials with clear messages', async () => {
    await expectSsrf(assertSafeWebhookUrl('not a url', { ...strict, resolveHost }), 'invalid_url');
    const scheme = await expectSsrf(assertSafeWebhookUrl('http://hooks.example.com/', { ...strict, resolveHost }), 'scheme_not_allowed');
    expect(scheme.message).toContain('https');
    await expectSsrf(assertSafeWebhookUrl('ftp://hooks.example.com/', { allowPrivate: false, requireHttps: false, resolveHost }), 'scheme_not_allowed');
    await expectSsrf(assertSafeWebhookUrl('file:///etc/passwd', { allowPrivate: true, requireHttps: false }), 'scheme_not_allowed');
    const creds = await expectSsrf(assertSafeWebhookUrl('https://user:hunter2@hooks.example.com/', { ...strict, resolveHost }), 'credentials_in_url');
    expect(creds.message).not.toContain('hunter2');
  });

  it('allows http when https is not required', async () => {
    await expect(assertSafeWebhookUrl('http://hooks.example.com/', { allowPrivate: false, requireHttps: false, resolveHost })).resolves.toBeInstanceOf(URL);
  });

  it('refuses IP literals and names that resolve to forbidden addresses (any of them)', async () => {
    await expectSsrf(assertSafeWebhookUrl('https://127.0.0.1/', strict), 'forbidden_address');
    await expectSsrf(assertSafeWebhookUrl('https://[::1]:8443/', strict), 'forbidden_address');
    await expectSsrf(assertSafeWebhookUrl('https://[::ffff:127.0.0.1]/', strict), 'forbidden_address');
    await expectSsrf(assertSafeWebhookUrl('https://169.254.169.254/latest/meta-data', strict), 'forbidden_address');
    await expectSsrf(assertSafeWebhookUrl('https://2130706433/', strict), 'forbidden_address'); // decimal 127.0.0.1
    await expectSsrf(assertSafeWebhookUrl('https://0x7f.1/', strict), 'forbidden_address');
    const mixed = await expectSsrf(assertSafeWebhookUrl('https://mixed.example.com/', { ...strict, resolveHost }), 'forbidden_address');
    expect(mixed.message).toContain('10.0.0.5');
    await expectSsrf(assertSafeWebhookUrl('https://metadata.example.com/', { ...strict, resolveHost }), 'forbidden_address');
  });

  it('refuses localhost through the real resolver (hosts file)', async () => {
    await expectSsrf(assertSafeWebhookUrl('https://localhost/', strict), 'forbidden_address');
  });

  it('reports unresolvable hosts', async () => {
    await expectSsrf(assertSafeWebhookUrl('https://nope.example.com/', { ...strict, resolveHost }), 'dns_failed');
  });

  it('allowPrivate lets local URLs through', async () => {
    await expect(assertSafeWebhookUrl('http://127.0.0.1:3000/hook', { allowPrivate: true, requireHttps: false })).resolves.toBeInstanceOf(URL);
  });
});

describe('createGuardedDispatcher (connect-time check)', () => {
  let server: http.Server;
  let port = 0;
  let hits = 0;

  beforeAll(async () => {
    server = http.createServer((_req, res) => {
      hits += 1;
      res.end('reached');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  it('refuses an IP-literal loopback destination without connecting', async () => {
    const dispatcher = createGuardedDispatcher({ allowPrivate: false });
    const before = hits;
    const err = await request(`http://127.0.0.1:${port}/`, { dispatcher }).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(SsrfError);
    expect(hits).toBe(before);
    await dispatcher.close();
  });

  it('refuses a name that re-resolves to loopback at delivery time (DNS rebinding)', async () => {
    // At registration the name looked public...
    let answer = '93.184.216.34';
    const rebinding: ResolveHost = async () => [{ address: answer, family: 4 }];
    await expect(assertSafeWebhookUrl(`http://rebind.example.com:${port}/`, { allowPrivate: false, requireHttps: false, resolveHost: rebinding })).resolves.toBeInstanceOf(URL);
    // ...then it flips to loopback before the delivery connects.
    answer = '127.0.0.1';
    const dispatcher = createGuardedDispatcher({ allowPrivate: false, resolveHost: rebinding });
    const before = hits;
    const err = await request(`http://rebind.example.com:${port}/`, { dispatcher }).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(SsrfError);
    expect((err as SsrfError).code).toBe('forbidden_address');
    expect(hits).toBe(before);
    await dispatcher.close();
  });

  it('refuses localhost resolved by the real resolver', async () => {
    const dispatcher = createGuardedDispatcher({ allowPrivate: false });
    const err = await request(`http://localhost:${port}/`, { dispatcher }).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(SsrfError);
    await dispatcher.close();
  });

  it('connects through the same lookup when private addresses are allowed', async () => {
    const dispatcher = createGuardedDispatcher({ allowPrivate: true, resolveHost: fakeResolver({ 'local.test': ['127.0.0.1'] }) });
    const res = await request(`http://local.test:${port}/`, { dispatcher });
    expect(res.statusCode).toBe(200);
    expect(await res.body.text()).toBe('reached');
    const direct = await request(`http://127.0.0.1:${port}/`, { dispatcher });
    expect(await direct.body.text()).toBe('reached');
    await dispatcher.close();
  });
});
