import { describe, expect, it } from 'vitest';
import { AccessTokenCache } from './access-token-cache.ts';

function makeCache(expiresInSeconds: number) {
  let clock = 0;
  let issued = 0;
  const cache = new AccessTokenCache(
    async () => {
      issued += 1;
      await new Promise((resolve) => setTimeout(resolve, 5));
      return { accessToken: `token-${issued}`, expiresInSeconds };
    },
    { now: () => clock },
  );
  return { cache, issued: () => issued, advance: (ms: number) => (clock += ms) };
}

describe('AccessTokenCache', () => {
  it('shares one fetch between concurrent callers and reuses the token until the refresh margin', async () => {
    const { cache, issued, advance } = makeCache(3599);
    const tokens = await Promise.all([cache.getToken(), cache.getToken(), cache.getToken()]);
    expect(new Set(tokens)).toEqual(new Set(['token-1']));
    advance(3_538_000);
    expect(await cache.getToken()).toBe('token-1');
    advance(2_000);
    expect(await cache.getToken()).toBe('token-2');
    expect(issued()).toBe(2);
  });

  it('drops a rejected token but keeps a newer one', async () => {
    const { cache } = makeCache(3599);
    const first = await cache.getToken();
    cache.invalidate(first);
    const second = await cache.getToken();
    expect(second).toBe('token-2');
    cache.invalidate(first);
    expect(await cache.getToken()).toBe('token-2');
  });

  it('does not cache a failed fetch', async () => {
    let calls = 0;
    const cache = new AccessTokenCache(async () => {
      calls += 1;
      if (calls === 1) {
        throw new Error('down');
      }
      return { accessToken: 'ok', expiresInSeconds: 3599 };
    });
    await expect(cache.getToken()).rejects.toThrow('down');
    expect(await cache.getToken()).toBe('ok');
  });
});
