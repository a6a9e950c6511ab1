/**
 * Test-only HTTP receiver on 127.0.0.1 (ephemeral port) that records every request (headers and
 * raw body) and answers as its `behave` function decides: a status, a hang, or a reset.
 */
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ReceivedRequest {
  headers: IncomingHttpHeaders;
  body: string;
  at: number;
}

export type ReceiverAction =
  | { kind: 'status'; status: number; headers?: Record<string, string>; body?: string }
  | { kind: 'hang' }
  | { kind: 'reset' };

export interface TestReceiver {
  url: string;
  requests: ReceivedRequest[];
  setBehaviour(behave: (req: ReceivedRequest, index: number) => ReceiverAction | Promise<ReceiverAction>): void;
  close(): Promise<void>;
}

/** Starts a receiver; default behaviour answers 204. */
export async function startTestReceiver(
  behave: (req: ReceivedRequest, index: number) => ReceiverAction | Promise<ReceiverAction> = () => ({ kind: 'status', status: 204 }),
): Promise<TestReceiver> {
  const requests: ReceivedRequest[] = [];
  let current = behave;
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const record: ReceivedRequest = { headers: req.headers, body: Buffer.concat(chunks).toString('utf8'), at: Date.now() };
      const index = requests.push(record) - 1;
      void Promise.resolve(current(record, index)).then((action) => {
        if (action.kind === 'hang') {
          return;
        }
        if (action.kind === 'reset') {
          req.socket.destroy();
          return;
        }
        res.writeHead(action.status, { 'content-type': 'text/plain', ...action.headers }).end(action.body ?? '');
      });
    });
  });
  server.keepAliveTimeout = 1000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hook`,
    requests,
    setBehaviour(next) {
      current = next;
    },
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
