/**
 * SSRF probes on the real registration and delivery path, with the production policy
 * (WEBHOOK_ALLOW_PRIVATE_TARGETS unset = false; the e2e stack turns it on for its local receivers,
 * so this is where refusal is proven): registering loopback, private, link-local/metadata, IPv6
 * loopback and a DNS name resolving to loopback is refused and writes no row; an endpoint whose
 * stored URL points at loopback (as after DNS rebinding) is refused at connect time by the
 * delivery worker, the local server never sees a request, and the attempt is recorded as a failure.
 */
import type PgBoss from 'pg-boss';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestTenant } from '../support/test-tenant.ts';
import { withCoreTenant } from '../../lib/db/tenant-scope.ts';
import { isAppError } from '../../lib/errors/app-error.ts';
import { createEndpoint, updateEndpoint } from '../../lib/webhooks/endpoints/manage-endpoints.ts';
import { sealEndpointSecret } from '../../lib/webhooks/delivery/endpoint-secrets.ts';
import { generateWebhookSecret } from '../../lib/webhooks/signature.ts';
import { emitTestEvents } from '../../lib/webhooks/testing/test-events.ts';
import { startTestReceiver, type TestReceiver } from '../../lib/webhooks/testing/test-receiver.ts';
import { startTestWorker } from '../../lib/webhooks/testing/test-worker.ts';

delete process.env.WEBHOOK_ALLOW_PRIVATE_TARGETS;
process.env.WEBHOOK_MAX_ATTEMPTS = '1';

let tenantId = '';
let boss: PgBoss | undefined;
let receiver: TestReceiver;

beforeAll(async () => {
  ({ id: tenantId } = await createTestTenant('ssrf'));
  receiver = await startTestReceiver();
});

afterAll(async () => {
  await boss?.stop({ graceful: false, wait: true });
  await receiver?.close();
});

const endpointCount = () => withCoreTenant(tenantId, (tx) => tx.webhookEndpoint.count({ where: { tenantId } }));

describe('webhook endpoint registration refuses internal targets (allowPrivate false)', () => {
  const targets = [
    'http://127.0.0.1/hook',
    'http://127.0.0.1:8080/hook',
    'https://10.0.0.1/hook',
    'http://169.254.169.254/latest/meta-data/',
    'http://[::1]/hook',
    'http://[::ffff:127.0.0.1]/hook',
    'http://localhost/hook',
    'http://0.0.0.0/hook',
    'http://2130706433/hook', // 127.0.0.1 as one decimal number (WHATWG URL normalises it)
    'http://0x7f.1/hook',
    'http://user:secret@198.51.100.7/hook',
    'file:///etc/passwd',
  ];
  for (const url of targets) {
    it(`refuses ${url} with UNPROCESSABLE and writes nothing`, async () => {
      const before = await endpointCount();
      const error = await createEndpoint(tenantId, { url, description: 'ssrf probe', eventTypes: [] }).then(
        () => null,
        (e: unknown) => e,
      );
      expect(isAppError(error) && error.code === 'UNPROCESSABLE', `${url} was accepted`).toBe(true);
      expect(await endpointCount()).toBe(before);
    });
  }

  it('refuses moving an existing endpoint to loopback (update path)', async () => {
    const id = await insertEndpointRow('http://198.51.100.7/hook');
    await expect(updateEndpoint(tenantId, id, { url: 'http://127.0.0.1/hook' })).rejects.toMatchObject({ code: 'UNPROCESSABLE' });
    const row = await withCoreTenant(tenantId, (tx) => tx.webhookEndpoint.findUniqueOrThrow({ where: { id }, select: { url: true } }));
    expect(row.url).toBe('http://198.51.100.7/hook');
    await withCoreTenant(tenantId, (tx) => tx.webhookEndpoint.delete({ where: { id } }));
  });
});

describe('delivery refuses internal targets at connect time', () => {
  it('an endpoint stored with a loopback URL (DNS rebinding) gets no request; the attempt is a recorded failure', async () => {
    const id = await insertEndpointRow(receiver.url);
    boss = await startTestWorker();
    const [eventId] = await emitTestEvents(tenantId, 1);
    const deadline = Date.now() + 30_000;
    let attempts: Array<{ outcome: string; errorClass: string | null }> = [];
    while (Date.now() < deadline) {
      attempts = await withCoreTenant(tenantId, async (tx) => {
        const delivery = await tx.delivery.findFirst({ where: { tenantId, eventId, endpointId: id }, select: { id: true } });
        return delivery ? tx.deliveryAttempt.findMany({ where: { tenantId, deliveryId: delivery.id }, select: { outcome: true, errorClass: true } }) : [];
      });
      if (attempts.length > 0) {
        break;
      }
      await new Promise((r) => setTimeout(r, 200));
    }
    expect(attempts.length).toBeGreaterThan(0);
    expect(attempts[0]!.outcome).not.toBe('success');
    expect(receiver.requests).toHaveLength(0);
  });
});

/** Writes an endpoint row directly, as if its host had resolved publicly when it was registered. */
async function insertEndpointRow(url: string): Promise<string> {
  const id = crypto.randomUUID();
  await withCoreTenant(tenantId, (tx) =>
    tx.webhookEndpoint.create({ data: { id, tenantId, url, description: 'rebinding fixture', eventTypes: [], secretEnc: sealEndpointSecret(id, generateWebhookSecret()) } }),
  );
  return id;
}
