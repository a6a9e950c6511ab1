/**
 * Receivers for the delivery drills, on 127.0.0.1 (ephemeral ports), real HTTP:
 * - a customer-style receiver whose dedupe table is keyed by X-Periodic-Idempotency-Key, so
 *   "delivered exactly once" is counted where a customer would count it;
 * - a chaos proxy in front of the platform's own receiver (a web process's
 *   /api/webhooks/periodic) that fails ~30 % of calls with a 500, a hang past the sender's timeout
 *   or a connection reset — half of those AFTER forwarding, so the receiver must dedupe re-sends.
 * Only ids and counts are kept; bodies are not stored.
 */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface DedupeReceiver {
  url: string;
  /** idempotency key → number of requests that carried it (the dedupe table). */
  seen: Map<string, number>;
  /** Time of each first receipt, in arrival order (throughput windows). */
  firstReceiptAt: number[];
  requests(): number;
  close(): Promise<void>;
}

export interface ChaosProxy {
  url: string;
  stats: { calls: number; faults: number; status500: number; hangs: number; resets: number; forwardedThenFailed: number; forwardErrors: number };
  close(): Promise<void>;
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

async function listen(server: Server, path: string): Promise<string> {
  server.keepAliveTimeout = 5000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}${path}`;
}

function closer(server: Server): () => Promise<void> {
  return async () => {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  };
}

/** A healthy receiver (204) that counts requests per idempotency key. */
export async function startDedupeReceiver(): Promise<DedupeReceiver> {
  const seen = new Map<string, number>();
  const firstReceiptAt: number[] = [];
  let requests = 0;
  const server = createServer((req, res) => {
    void readBody(req).then(() => {
      requests += 1;
      const key = String(req.headers['x-periodic-idempotency-key'] ?? '');
      const n = seen.get(key) ?? 0;
      seen.set(key, n + 1);
      if (n === 0) {
        firstReceiptAt.push(Date.now());
      }
      res.writeHead(204).end();
    });
  });
  return { url: await listen(server, '/hook'), seen, firstReceiptAt, requests: () => requests, close: closer(server) };
}

const HOP_BY_HOP = new Set(['host', 'connection', 'content-length', 'keep-alive', 'transfer-encoding']);

/** Forwards to `targetUrl`, failing `faultRate` of calls (equal shares of 500 / hang / reset). */
export async function startChaosProxy(targetUrl: string, opts: { faultRate: number; hangMs: number }): Promise<ChaosProxy> {
  const stats = { calls: 0, faults: 0, status500: 0, hangs: 0, resets: 0, forwardedThenFailed: 0, forwardErrors: 0 };
  const forward = async (req: IncomingMessage, body: Buffer): Promise<{ status: number; text: string }> => {
    const headers = Object.entries(req.headers).filter(([k]) => !HOP_BY_HOP.has(k)).map(([k, v]): [string, string] => [k, Array.isArray(v) ? v.join(',') : (v ?? '')]);
    try {
      const res = await fetch(targetUrl, { method: 'POST', headers, body: new Uint8Array(body), signal: AbortSignal.timeout(10_000) });
      return { status: res.status, text: await res.text() };
    } catch {
      // The web process or the database behind it is down: the sender sees a gateway error.
      stats.forwardErrors += 1;
      return { status: 502, text: 'upstream unavailable' };
    }
  };
  const server = createServer((req, res) => {
    void readBody(req).then(async (body) => {
      stats.calls += 1;
      const roll = Math.random();
      if (roll >= opts.faultRate) {
        const r = await forward(req, body);
        res.writeHead(r.status, { 'content-type': 'application/json' }).end(r.text);
        return;
      }
      stats.faults += 1;
      if (Math.random() < 0.5) {
        await forward(req, body);
        stats.forwardedThenFailed += 1;
      }
      const kind = roll / opts.faultRate;
      if (kind < 1 / 3) {
        stats.status500 += 1;
        res.writeHead(500).end('chaos');
      } else if (kind < 2 / 3) {
        stats.hangs += 1;
        setTimeout(() => req.socket.destroy(), opts.hangMs);
      } else {
        stats.resets += 1;
        req.socket.destroy();
      }
    });
  });
  return { url: await listen(server, '/api/webhooks/periodic'), stats, close: closer(server) };
}
