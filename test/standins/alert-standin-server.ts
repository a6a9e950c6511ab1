/**
 * Shared plumbing for the alert-sink stand-ins (Slack, PagerDuty, Datadog, generic webhook):
 * an HTTP server on 127.0.0.1 and an ephemeral port that records every request and can be told
 * to fail its first N requests, so tests can prove alert retries and sink isolation.
 * Never contacts the real services.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface AlertStandinRequest {
  method: string;
  path: string;
  headers: Record<string, string | string[] | undefined>;
  /** Parsed JSON body, the raw text when not JSON, undefined when empty. */
  body: unknown;
  /** Status the stand-in answered with; 0 when it hung or reset the connection. */
  status: number;
}

/** How a stand-in fails its first `failFirst` requests. */
export interface AlertStandinOptions {
  /** Fail this many requests before behaving normally (default 0). */
  failFirst?: number;
  /** 'status' answers `failStatus`; 'hang' never answers; 'reset' destroys the socket (default 'status'). */
  failWith?: 'status' | 'hang' | 'reset';
  /** Status for failWith 'status' (default 503). */
  failStatus?: number;
}

export interface AlertStandin {
  /** Base URL, or the full webhook URL for Slack and the generic stand-in. */
  url: string;
  received: AlertStandinRequest[];
  /** Make the next `n` requests fail as `failWith` (adds to any failures still pending). */
  failNext(n: number, failWith?: AlertStandinOptions['failWith'], failStatus?: number): void;
  close(): Promise<void>;
}

export interface StandinReply {
  status: number;
  headers?: Record<string, string>;
  body: string | Record<string, unknown>;
}

export type StandinHandler = (req: Omit<AlertStandinRequest, 'status'> & { rawBody: string }) => StandinReply;

/** Starts a recording server around `handler`; `urlPath` is appended to the base URL it reports. */
export async function startAlertStandinServer(
  handler: StandinHandler,
  options: AlertStandinOptions = {},
  urlPath = '',
): Promise<AlertStandin> {
  const received: AlertStandinRequest[] = [];
  let pendingFailures = options.failFirst ?? 0;
  let failWith = options.failWith ?? 'status';
  let failStatus = options.failStatus ?? 503;

  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const rawBody = Buffer.concat(chunks).toString('utf8');
      const record = {
        method: req.method ?? 'GET',
        path: req.url ?? '/',
        headers: req.headers,
        body: parseBody(rawBody),
      };
      if (pendingFailures > 0) {
        pendingFailures -= 1;
        if (failWith === 'hang') {
          received.push({ ...record, status: 0 });
          return;
        }
        if (failWith === 'reset') {
          received.push({ ...record, status: 0 });
          req.socket.destroy();
          return;
        }
        received.push({ ...record, status: failStatus });
        res.writeHead(failStatus, { 'content-type': 'text/plain' }).end('stand-in induced failure');
        return;
      }
      const reply = handler({ ...record, rawBody });
      received.push({ ...record, status: reply.status });
      const isText = typeof reply.body === 'string';
      res
        .writeHead(reply.status, {
          'content-type': isText ? 'text/plain; charset=utf-8' : 'application/json',
          ...reply.headers,
        })
        .end(isText ? reply.body : JSON.stringify(reply.body));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}${urlPath}`,
    received,
    failNext(n, mode, status) {
      pendingFailures += n;
      failWith = mode ?? failWith;
      failStatus = status ?? failStatus;
    },
    close: async () => {
      // Hung requests would keep close() waiting forever.
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

function parseBody(raw: string): unknown {
  if (raw === '') {
    return undefined;
  }
  try {
    return JSON.parse(raw) as unknown;
  } catch {
    return raw;
  }
}

/** Case-insensitive single header value. */
export function headerOf(headers: AlertStandinRequest['headers'], name: string): string | undefined {
  const value = headers[name.toLowerCase()];
  return Array.isArray(value) ? value[0] : value;
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
