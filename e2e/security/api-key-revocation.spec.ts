/**
 * An API key revoked mid-use: the admin creates a key (raw server-action call with the admin's
 * session), the key books with an Idempotency-Key, a stream of requests keeps using it while the
 * admin revokes it — and from the moment the revoke has answered, every request with that key is
 * 401, including an idempotent retry of the booking (which must not be answered from the stored
 * response). The booking it made before stays exactly one row.
 */
import { randomBytes } from 'node:crypto';
import { bearer, expect, test } from './support/security-fixture.ts';
import { callFormAction, findServerAction } from './support/server-actions.ts';
import { signIn } from '../auth/support/auth-fixtures.ts';
import { DEMO_ADMIN, DEMO_PASSWORD } from '../../scripts/seed-demo.ts';

const createKey = findServerAction('createApiKeyAction', 'app/admin/api-keys/actions.ts');
const revokeKey = findServerAction('revokeApiKeyAction', 'app/admin/api-keys/actions.ts');

test('a key revoked mid-use is refused at once, idempotent retries included', async ({ sec, browser, request, ownerDb }) => {
  test.setTimeout(120_000);
  const context = await browser.newContext({ baseURL: sec.baseUrl });
  const page = await context.newPage();
  await signIn(page, DEMO_ADMIN.email, DEMO_PASSWORD);
  const label = `revoke-mid-use ${randomBytes(4).toString('hex')}`;
  const created = await callFormAction(context.request, sec.baseUrl, createKey, { label });
  const key = /"key":"(pk_[^"]+)"/.exec(await created.text())?.[1];
  expect(key, 'the admin action returned the new key once').toBeTruthy();
  const auth = bearer(key!);
  const api = (p: string) => `${sec.baseUrl}/api/v1${p}`;

  // The key works: an idempotent booking.
  const startsAt = new Date(Date.now() + 15 * 86_400_000);
  startsAt.setUTCHours(15, 0, 0, 0);
  while (startsAt.getUTCDay() === 0 || startsAt.getUTCDay() === 6) {
    startsAt.setUTCDate(startsAt.getUTCDate() + 1);
  }
  const booking = { resource_id: sec.demo.riveraResourceId, token_id: sec.demo.mariaToken, starts_at: startsAt.toISOString() };
  const idem = { ...auth, 'idempotency-key': `revoke-${randomBytes(6).toString('hex')}` };
  const first = await request.post(api('/appointments'), { headers: idem, data: booking });
  expect(first.status()).toBe(201);
  const appointmentId = ((await first.json()) as { id: string }).id;
  // Control: the retry before revocation is the stored response, not a second booking.
  const replay = await request.post(api('/appointments'), { headers: idem, data: booking });
  expect(replay.status()).toBe(201);
  expect(((await replay.json()) as { id: string }).id).toBe(appointmentId);

  // Requests in flight while the admin revokes: before the revoke answers they may pass or not;
  // every request started after it must be refused.
  let revokedAt = Number.POSITIVE_INFINITY;
  const inFlight = Array.from({ length: 20 }, async (_, i) => {
    await new Promise((r) => setTimeout(r, i * 25));
    const startedAt = Date.now();
    const res = await request.get(api('/resources'), { headers: auth });
    return { startedAt, status: res.status() };
  });
  const keyId = (await ownerDb.query<{ id: string }>('core', 'SELECT id FROM api_keys WHERE label = $1', [label]))[0]!.id;
  await new Promise((r) => setTimeout(r, 150));
  const revoked = await callFormAction(context.request, sec.baseUrl, revokeKey, { id: keyId });
  expect(await revoked.text()).toContain('"ok":true');
  revokedAt = Date.now();
  const outcomes = await Promise.all(inFlight);
  expect(outcomes.filter((o) => o.startedAt > revokedAt && o.status !== 401), 'requests started after the revoke').toEqual([]);
  expect(outcomes.every((o) => o.status === 200 || o.status === 401)).toBe(true);

  // After the revoke: plain reads, writes and the idempotent retry are all 401.
  expect((await request.get(api('/resources'), { headers: auth })).status()).toBe(401);
  const retry = await request.post(api('/appointments'), { headers: idem, data: booking });
  expect(retry.status(), 'idempotent retry with the revoked key').toBe(401);
  expect(await retry.text()).not.toContain(appointmentId);
  const fresh = await request.post(api('/appointments'), { headers: auth, data: { ...booking, starts_at: new Date(startsAt.getTime() + 3_600_000).toISOString() } });
  expect(fresh.status()).toBe(401);
  expect(await ownerDb.count('core', 'SELECT count(*) AS n FROM appointments WHERE resource_id = $1 AND token_id = $2 AND starts_at >= $3 AND starts_at <= $4', [sec.demo.riveraResourceId, sec.demo.mariaToken, startsAt, new Date(startsAt.getTime() + 3_600_000)])).toBe(1);
  await context.close();
});
