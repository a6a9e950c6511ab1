/**
 * Test-only: serves the real `/api/v1` and `/api/fhir` route handlers over node:http on
 * 127.0.0.1 (ephemeral port), so API tests speak real HTTP without a Next build. The routing
 * table mirrors the app/ folder layout.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- each route declares its own params shape
type Handler = (request: Request, context: { params: Promise<any> }) => Promise<Response> | Response;
type RouteModule = Partial<Record<'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE', Handler>>;

const ROUTES: { pattern: RegExp; names: string[]; load: () => Promise<RouteModule> }[] = [
  { pattern: /^\/api\/v1\/openapi\.json$/, names: [], load: () => import('../../app/api/v1/openapi.json/route.ts') },
  { pattern: /^\/api\/v1\/resources$/, names: [], load: () => import('../../app/api/v1/resources/route.ts') },
  { pattern: /^\/api\/v1\/resources\/([^/]+)$/, names: ['id'], load: () => import('../../app/api/v1/resources/[id]/route.ts') },
  { pattern: /^\/api\/v1\/resources\/([^/]+)\/availability$/, names: ['id'], load: () => import('../../app/api/v1/resources/[id]/availability/route.ts') },
  { pattern: /^\/api\/v1\/slots$/, names: [], load: () => import('../../app/api/v1/slots/route.ts') },
  { pattern: /^\/api\/v1\/appointments$/, names: [], load: () => import('../../app/api/v1/appointments/route.ts') },
  { pattern: /^\/api\/v1\/appointments\/on-demand$/, names: [], load: () => import('../../app/api/v1/appointments/on-demand/route.ts') },
  { pattern: /^\/api\/v1\/appointments\/([^/]+)$/, names: ['id'], load: () => import('../../app/api/v1/appointments/[id]/route.ts') },
  { pattern: /^\/api\/v1\/appointments\/([^/]+)\/([^/]+)$/, names: ['id', 'action'], load: () => import('../../app/api/v1/appointments/[id]/[action]/route.ts') },
  { pattern: /^\/api\/v1\/events$/, names: [], load: () => import('../../app/api/v1/events/route.ts') },
  { pattern: /^\/api\/fhir\/Appointment\/([^/]+)$/, names: ['id'], load: () => import('../../app/api/fhir/Appointment/[id]/route.ts') },
  { pattern: /^\/api\/fhir\/Slot$/, names: [], load: () => import('../../app/api/fhir/Slot/route.ts') },
];

async function toRequest(req: http.IncomingMessage, base: string): Promise<Request> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) {
    chunks.push(chunk as Buffer);
  }
  const headers = new Headers();
  for (const [k, v] of Object.entries(req.headers)) {
    if (typeof v === 'string') {
      headers.set(k, v);
    }
  }
  const hasBody = req.method !== 'GET' && req.method !== 'HEAD';
  return new Request(new URL(req.url ?? '/', base), { method: req.method, headers, body: hasBody ? Buffer.concat(chunks) : undefined });
}

/** Starts the server; returns its base URL and a close function. */
export async function startTestApiServer(): Promise<{ baseUrl: string; close: () => Promise<void> }> {
  const server = http.createServer(async (req, res) => {
    try {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      const route = ROUTES.find((r) => r.pattern.test(url.pathname));
      const mod = route ? await route.load() : undefined;
      const handler = mod?.[(req.method ?? 'GET') as keyof RouteModule];
      if (!route || !handler) {
        res.writeHead(route ? 405 : 404).end();
        return;
      }
      const m = route.pattern.exec(url.pathname)!;
      const params = Object.fromEntries(route.names.map((n, i) => [n, decodeURIComponent(m[i + 1]!)]));
      const response = await handler(await toRequest(req, `http://${req.headers.host}`), { params: Promise.resolve(params) });
      res.writeHead(response.status, Object.fromEntries(response.headers.entries()));
      res.end(Buffer.from(await response.arrayBuffer()));
    } catch (error) {
      res.writeHead(500).end(String((error as Error).message));
    }
  });
  server.keepAliveTimeout = 1000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
