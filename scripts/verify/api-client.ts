/**
 * Drives the running system through its public HTTP API, as a headless tenant would: a key,
 * a 24/7 resource so slots are always free, bookings at distinct future times.
 */
import { randomBytes } from 'node:crypto';

export interface ApiClient {
  call(method: string, path: string, body?: unknown, headers?: Record<string, string>): Promise<{ status: number; json: Record<string, unknown>; headers: Headers }>;
}

/** An API client for the demo tenant with a fresh key. */
export async function demoApiClient(baseUrl: string): Promise<ApiClient & { tenantId: string }> {
  const { withCoreUnscoped } = await import('../../lib/db/tenant-scope.ts');
  const { createApiKey } = await import('../../lib/api/keys/manage-api-keys.ts');
  const tenant = await withCoreUnscoped((tx) => tx.tenant.findUniqueOrThrow({ where: { slug: 'demo' } }));
  const { key } = await createApiKey(tenant.id, `verify ${new Date().toISOString()}`);
  return {
    tenantId: tenant.id,
    async call(method, path, body, headers = {}) {
      const res = await fetch(`${baseUrl}/api/v1${path}`, {
        method,
        headers: { authorization: `Bearer ${key}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const text = await res.text();
      return { status: res.status, json: text ? (JSON.parse(text) as Record<string, unknown>) : {}, headers: res.headers };
    },
  };
}

/** A resource open every day, all day, with 15-minute visits (UTC). */
export async function createOpenResource(api: ApiClient, label: string): Promise<string> {
  const r = await api.call('POST', '/resources', { label, time_zone: 'UTC', visit_minutes: 15, buffer_minutes: 0, on_call: false });
  if (r.status !== 201) {
    throw new Error(`create resource: HTTP ${r.status}`);
  }
  const id = String(r.json.id);
  const rules = [0, 1, 2, 3, 4, 5, 6].map((weekday) => ({ weekday, start_minute: 0, end_minute: 1440 }));
  const a = await api.call('PUT', `/resources/${id}/availability`, { rules, exceptions: [] });
  if (a.status !== 200) {
    throw new Error(`availability: HTTP ${a.status}`);
  }
  return id;
}

/** A well-formed random patient token (headless tenants mint their own). */
export function randomToken(): string {
  return `tk_${randomBytes(18).toString('base64url')}`;
}

/** The n-th distinct 15-minute slot starting tomorrow at 00:00 UTC. */
export function slotStart(n: number): string {
  const d = new Date();
  d.setUTCHours(0, 0, 0, 0);
  return new Date(d.getTime() + 24 * 3600_000 + n * 15 * 60_000).toISOString();
}
