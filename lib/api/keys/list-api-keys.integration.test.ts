/** Paging through a tenant's API keys: every key once, newest first, other tenants' never. */
import { describe, expect, it } from 'vitest';
import { createTestTenant } from '../../../test/support/test-tenant.ts';
import { createApiKey, listApiKeys } from './manage-api-keys.ts';

describe('listApiKeys', () => {
  it('pages through 7 keys 3 at a time, newest first, each once', async () => {
    const tenant = await createTestTenant('keys');
    const other = await createTestTenant('keys2');
    await createApiKey(other.id, 'other clinic');
    const created = [];
    for (let i = 0; i < 7; i += 1) {
      created.push((await createApiKey(tenant.id, `key ${i}`)).id);
    }
    const seen: string[] = [];
    const times: number[] = [];
    let cursor: string | undefined;
    const sizes: number[] = [];
    do {
      const page = await listApiKeys(tenant.id, { cursor, limit: 3 });
      sizes.push(page.keys.length);
      seen.push(...page.keys.map((k) => k.id));
      times.push(...page.keys.map((k) => k.createdAt.getTime()));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(sizes).toEqual([3, 3, 1]);
    expect([...seen].sort()).toEqual([...created].sort());
    expect(times).toEqual([...times].sort((a, b) => b - a));
    // A malformed or foreign cursor starts from the newest key instead of failing.
    expect((await listApiKeys(tenant.id, { cursor: 'nonsense', limit: 3 })).keys[0]!.id).toBe(seen[0]);
  });
});
