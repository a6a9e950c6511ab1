/**
 * SSRF through a redirect: a registered endpoint answers 302 with Location pointing at another
 * loopback service. The delivery worker must not follow it: the second service sees nothing and
 * the attempt is recorded as a failure (error class "redirect"). Private targets are allowed in
 * this file only so the first hop can be a local server at all (traffic never leaves 127.0.0.1).
 */
import type PgBoss from 'pg-boss';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestTenant } from '../support/test-tenant.ts';
import { withCoreTenant } from '../../lib/db/tenant-scope.ts';
import { createEndpoint } from '../../lib/webhooks/endpoints/manage-endpoints.ts';
import { emitTestEvents } from '../../lib/webhooks/testing/test-events.ts';
import { startTestReceiver, type TestReceiver } from '../../lib/webhooks/testing/test-receiver.ts';
import { startTestWorker } from '../../lib/webhooks/testing/test-worker.ts';

process.env.WEBHOOK_ALLOW_PRIVATE_TARGETS = 'true';
process.env.WEBHOOK_MAX_ATTEMPTS = '1';

let tenantId = '';
let boss: PgBoss | undefined;
let internal: TestReceiver;
let redirector: TestReceiver;

beforeAll(async () => {
  ({ id: tenantId } = await createTestTenant('ssrfredir'));
  internal = await startTestReceiver(() => ({ kind: 'status', status: 200, body: 'internal secret' }));
  redirector = await startTestReceiver(() => ({ kind: 'status', status: 302, headers: { location: internal.url.replace('/hook', '/latest/meta-data/') } }));
  boss = await startTestWorker();
});

afterAll(async () => {
  await boss?.stop({ graceful: false, wait: true });
  await Promise.all([internal?.close(), redirector?.close()]);
});

it('a 302 to an internal address is not followed and counts as a failed attempt', async () => {
  const { endpoint } = await createEndpoint(tenantId, { url: redirector.url, description: 'redirects', eventTypes: [] });
  const [eventId] = await emitTestEvents(tenantId, 1);
  const deadline = Date.now() + 30_000;
  let attempts: Array<{ outcome: string; errorClass: string | null; statusCode: number | null }> = [];
  while (Date.now() < deadline && attempts.length === 0) {
    attempts = await withCoreTenant(tenantId, async (tx) => {
      const delivery = await tx.delivery.findFirst({ where: { tenantId, eventId, endpointId: endpoint.id }, select: { id: true } });
      return delivery ? tx.deliveryAttempt.findMany({ where: { tenantId, deliveryId: delivery.id }, select: { outcome: true, errorClass: true, statusCode: true } }) : [];
    });
    await new Promise((r) => setTimeout(r, 200));
  }
  expect(redirector.requests.length).toBeGreaterThanOrEqual(1);
  expect(internal.requests).toHaveLength(0);
  expect(attempts[0]).toMatchObject({ statusCode: 302, errorClass: 'redirect' });
  expect(attempts[0]!.outcome).not.toBe('success');
});
