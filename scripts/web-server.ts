/**
 * The web server process: Next.js under a plain node:http server. `next start` keeps whatever
 * X-Forwarded-For a client sends (it only fills the header in when absent), and the app takes the
 * client address from that header for the sign-in IP throttle and the audit trail — so a client could
 * name its own address. Here the header is replaced, before Next sees the request, by the address
 * worked out from the TCP peer and TRUST_PROXY_HOPS (lib/http/client-address.ts).
 *
 * Usage: web-server.ts <port> [--dev]. Runs from the checkout root; NEXT_DIST_DIR picks the build.
 */
import http from 'node:http';
import next from 'next';
import { getConfig } from '../lib/config.ts';
import { clientAddress } from '../lib/http/client-address.ts';
import { logger } from '../lib/log/logger.ts';

const port = Number(process.argv[2]);
const dev = process.argv.includes('--dev');
if (!Number.isInteger(port) || port <= 0) {
  console.error('usage: web-server.ts <port> [--dev]');
  process.exit(2);
}
const trustedHops = getConfig().TRUST_PROXY_HOPS;

const app = next({ dev, dir: process.cwd(), port, hostname: 'localhost' });
const handle = app.getRequestHandler();
await app.prepare();

const server = http.createServer((req, res) => {
  const address = clientAddress(req.headers['x-forwarded-for'], req.socket.remoteAddress, trustedHops);
  delete req.headers['x-real-ip'];
  if (address) {
    req.headers['x-forwarded-for'] = address;
  } else {
    delete req.headers['x-forwarded-for'];
  }
  handle(req, res).catch((err: unknown) => {
    // Next renders its own error pages; this only catches a failure of the handler itself.
    logger.error({ errorClass: err instanceof Error ? err.name : typeof err }, 'request handler failed');
    if (!res.headersSent) {
      res.statusCode = 500;
    }
    res.end();
  });
});
// Longer than common load balancers' idle timeout, as `next start` recommends behind a proxy.
server.keepAliveTimeout = 65_000;
server.listen(port, () => {
  console.log(`web server ready on http://localhost:${port}${dev ? ' (dev)' : ''}`);
});

const shutdown = () => {
  server.close(() => process.exit(0));
  // Open keep-alive sockets would hold close() up; the parent escalates to SIGKILL anyway.
  server.closeIdleConnections();
  setTimeout(() => process.exit(0), 5_000).unref();
};
process.once('SIGTERM', shutdown);
process.once('SIGINT', shutdown);
