/**
 * Per-key rate limit: a database-backed fixed window, so two independent servers (standing in
 * for two web processes) share one budget; the request over the limit gets 429 + Retry-After.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

process.env.API_RATE_LIMIT_PER_MINUTE = '5';

const { createTestTenant } = await import('../../test/support/test-tenant.ts');
const { createApiKey } = await import('./keys/manage-api-keys.ts');
const { startTestApiServer } = await import('./test-api-server.ts');

let servers: { baseUrl: string; close: () => Promise<void> }[] = [];
let key: string;
let otherKey: string;

beforeAll(async () => {
  const tenant = await createTestTenant('ratelimit');
  key = (await createApiKey(tenant.id, 'limited')).key;
  otherKey = (await createApiKey(tenant.id, 'another')).key;
  servers = [await startTestApiServer(), await startTestApiServer()];
});

afterAll(async () => {
  await Promise.all(servers.map((s) => s.close()));
});

describe('rate limit', () => {
  it('allows the budget across two servers, then answers 429 with Retry-After', async () => {
    // Stay clear of a minute boundary so all requests land in one window.
    const secondInMinute = new Date().getUTCSeconds();
    if (secondInMinute > 50) {
      await new Promise((r) => setTimeout(r, (61 - secondInMinute) * 1000));
    }
    const get = (i: number, k = key) => fetch(`${servers[i % 2]!.baseUrl}/api/v1/resources`, { headers: { authorization: `Bearer ${k}` } });
    const statuses: number[] = [];
    for (let i = 0; i < 5; i += 1) {
      statuses.push((await get(i)).status);
    }
    expect(statuses).toEqual([200, 200, 200, 200, 200]);
    const limited = await get(5);
    expect(limited.status).toBe(429);
    expect(limited.headers.get('content-type')).toBe('application/problem+json');
    const retryAfter = Number(limited.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(60);
    // The budget is per key.
    expect((await get(0, otherKey)).status).toBe(200);
  });
});
