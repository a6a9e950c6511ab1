import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { Agent } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseRetryAfter, postWebhook, RESPONSE_SNIPPET_BYTES } from './post-webhook.ts';
import { createGuardedDispatcher } from './ssrf-guard.ts';

let server: http.Server;
let base = '';
let port = 0;
const hits: string[] = [];
let lastEcho: { headers: http.IncomingHttpHeaders; body: string } | undefined;
let infiniteClosed: Promise<void> = Promise.resolve();

const dispatcher = new Agent();

beforeAll(async () => {
  server = http.createServer((req, res) => {
    const path = req.url ?? '/';
    hits.push(path);
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      switch (path) {
        case '/ok':
          res.writeHead(204).end();
          return;
        case '/echo':
          lastEcho = { headers: req.headers, body: Buffer.concat(chunks).toString('utf8') };
          res.writeHead(200, { 'content-type': 'text/plain' }).end('received');
          return;
        case '/hang':
          return; // never answers
        case '/slow-body':
          res.writeHead(200);
          res.write('partial'); // headers and a little body, then nothing
          return;
        case '/reset':
          req.socket.destroy();
          return;
        case '/500':
          res.writeHead(500).end('internal boom');
          return;
        case '/302':
          res.writeHead(302, { location: `${base}/ok-after-redirect` }).end();
          return;
        case '/429':
          res.writeHead(429, { 'retry-after': '7' }).end('slow down');
          return;
        case '/503-date':
          res.writeHead(503, { 'retry-after': new Date(Date.now() + 120_000).toUTCString() }).end();
          return;
        case '/large':
          res.writeHead(200).end('x'.repeat(1_000_000));
          return;
        case '/infinite': {
          // Streams forever; only a reader that stops and closes lets this end.
          res.writeHead(200);
          infiniteClosed = new Promise((resolve) => res.on('close', resolve));
          const pump = (): void => {
            while (!res.destroyed && res.write('y'.repeat(16_384))) {
              // fill the buffer
            }
            if (!res.destroyed) {
              res.once('drain', pump);
            }
          };
          pump();
          return;
        }
        default:
          res.writeHead(404).end();
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
  base = `http://127.0.0.1:${port}`;
});

afterAll(async () => {
  await dispatcher.close();
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

function post(path: string, timeoutMs = 2000, url = `${base}${path}`) {
  return postWebhook({ url, body: '{"type":"appointment.created"}', headers: { 'webhook-id': 'msg_1' }, timeoutMs, dispatcher });
}

describe('postWebhook', () => {
  it('2xx is ok, and headers and body arrive as given', async () => {
    const res = await postWebhook({
      url: `${base}/echo`,
      body: '{"a":1}',
      headers: { 'webhook-id': 'msg_42', 'X-Periodic-Idempotency-Key': 'evt_1' },
      timeoutMs: 2000,
      dispatcher,
    });
    expect(res).toMatchObject({ ok: true, statusCode: 200, responseSnippet: 'received' });
    expect(res.errorClass).toBeUndefined();
    expect(res.latencyMs).toBeGreaterThanOrEqual(0);
    expect(lastEcho?.body).toBe('{"a":1}');
    expect(lastEcho?.headers['webhook-id']).toBe('msg_42');
    expect(lastEcho?.headers['x-periodic-idempotency-key']).toBe('evt_1');
    expect(lastEcho?.headers['content-type']).toBe('application/json');
    expect((await post('/ok')).ok).toBe(true);
  });

  it('times out a server that never answers, within the deadline', async () => {
    const res = await post('/hang', 300);
    expect(res).toMatchObject({ ok: false, errorClass: 'timeout' });
    expect(res.statusCode).toBeUndefined();
    expect(res.latencyMs).toBeGreaterThanOrEqual(290);
    expect(res.latencyMs).toBeLessThan(1500);
  });

  it('the deadline covers the body too', async () => {
    const res = await post('/slow-body', 300);
    expect(res).toMatchObject({ ok: false, errorClass: 'timeout' });
    expect(res.latencyMs).toBeLessThan(1500);
  });

  it('classifies a reset connection', async () => {
    const res = await post('/reset');
    expect(res).toMatchObject({ ok: false, errorClass: 'connection_reset' });
  });

  it('classifies a refused connection on a closed port', async () => {
    const closed = http.createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const closedPort = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const res = await post('/', 2000, `http://127.0.0.1:${closedPort}/`);
    expect(res).toMatchObject({ ok: false, errorClass: 'connection_refused' });
  });

  it('500 is an http_status failure with the body snippet', async () => {
    const res = await post('/500');
    expect(res).toMatchObject({ ok: false, statusCode: 500, errorClass: 'http_status', responseSnippet: 'internal boom' });
  });

  it('never follows a redirect', async () => {
    const res = await post('/302');
    expect(res).toMatchObject({ ok: false, statusCode: 302, errorClass: 'redirect' });
    expect(hits).not.toContain('/ok-after-redirect');
  });

  it('reports Retry-After in seconds and as an HTTP date', async () => {
    const limited = await post('/429');
    expect(limited).toMatchObject({ ok: false, statusCode: 429, errorClass: 'http_status', retryAfterSeconds: 7 });
    const unavailable = await post('/503-date');
    expect(unavailable.statusCode).toBe(503);
    expect(unavailable.retryAfterSeconds).toBeGreaterThanOrEqual(118);
    expect(unavailable.retryAfterSeconds).toBeLessThanOrEqual(121);
  });

  it('keeps only the first 2 KB of a large body', async () => {
    const res = await post('/large');
    expect(res.ok).toBe(true);
    expect(res.responseSnippet).toBe('x'.repeat(RESPONSE_SNIPPET_BYTES));
  });

  it('stops reading an endless body after 2 KB instead of waiting for the deadline', async () => {
    const res = await post('/infinite', 5000);
    expect(res.ok).toBe(true);
    expect(res.responseSnippet).toHaveLength(RESPONSE_SNIPPET_BYTES);
    expect(res.latencyMs).toBeLessThan(4000);
    await infiniteClosed; // the server saw us hang up
  });

  it('reports ssrf_blocked from the guarded dispatcher, and dns for an unresolvable name', async () => {
    const guarded = createGuardedDispatcher({
      allowPrivate: false,
      resolveHost: async (hostname) => {
        throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: 'ENOTFOUND' });
      },
    });
    const before = hits.length;
    const blocked = await postWebhook({ url: `${base}/ok`, body: '{}', headers: {}, timeoutMs: 2000, dispatcher: guarded });
    expect(blocked).toMatchObject({ ok: false, errorClass: 'ssrf_blocked' });
    expect(blocked.responseSnippet).toContain('127.0.0.1');
    expect(hits.length).toBe(before);
    const dns = await postWebhook({ url: `http://no-such-host.test:${port}/ok`, body: '{}', headers: {}, timeoutMs: 2000, dispatcher: guarded });
    expect(dns).toMatchObject({ ok: false, errorClass: 'dns' });
    await guarded.close();
  });

  it('never throws, even for an invalid URL', async () => {
    const res = await postWebhook({ url: 'not a url', body: '', headers: {}, timeoutMs: 500, dispatcher });
    expect(res).toMatchObject({ ok: false, errorClass: 'network' });
  });
});

describe('parseRetryAfter', () => {
  const now = Date.parse('2026-01-01T00:00:00Z');
  it('parses seconds and HTTP dates', () => {
    expect(parseRetryAfter('120', now)).toBe(120);
    expect(parseRetryAfter('Thu, 01 Jan 2026 00:01:30 GMT', now)).toBe(90);
    expect(parseRetryAfter('Wed, 31 Dec 2025 23:00:00 GMT', now)).toBe(0);
  });
  it('ignores absent or garbage values', () => {
    expect(parseRetryAfter(undefined, now)).toBeUndefined();
    expect(parseRetryAfter('5m', now)).toBeUndefined();
    expect(parseRetryAfter('-3', now)).toBeUndefined();
    expect(parseRetryAfter('Fri, garbage', now)).toBeUndefined();
  });
});
