/**
 * The platform's webhook receiver (/api/webhooks/periodic) over real HTTP: unsigned, wrongly
 * signed, tampered and stale (replayed outside 300 s) requests are refused with no effect; a
 * valid event sent twice has exactly one effect (one dedupe row, one provisioning job).
 */
import { createHmac, randomBytes } from 'node:crypto';
import { expect, test } from './support/security-fixture.ts';

function sign(secret: string, id: string, timestamp: number, body: string): string {
  const key = Buffer.from(secret.replace(/^whsec_/, ''), 'base64');
  return `v1,${createHmac('sha256', key).update(`${id}.${timestamp}.${body}`).digest('base64')}`;
}

function headersFor(secret: string, id: string, body: string, timestamp = Math.floor(Date.now() / 1000)): Record<string, string> {
  return {
    'content-type': 'application/json',
    'webhook-id': id,
    'webhook-timestamp': String(timestamp),
    'webhook-signature': sign(secret, id, timestamp, body),
    'x-periodic-idempotency-key': id,
  };
}

test('unsigned, forged, tampered and replayed webhooks are refused; a valid re-send has one effect', async ({ sec, request, ownerDb }) => {
  const url = `${sec.baseUrl}/api/webhooks/periodic`;
  const startsAt = new Date(Date.now() + 9 * 86_400_000);
  const event = (tenantId: string) => ({
    type: 'appointment.status.confirmed',
    timestamp: new Date().toISOString(),
    data: {
      appointment_id: sec.demo.jamesAppointmentId,
      tenant_id: tenantId,
      resource_id: sec.demo.riveraResourceId,
      token_id: `tk_${randomBytes(18).toString('base64url')}`,
      status: 'confirmed',
      starts_at: startsAt.toISOString(),
      ends_at: new Date(startsAt.getTime() + 1_800_000).toISOString(),
    },
  });
  const body = JSON.stringify(event(sec.demo.tenantId));
  const secret = sec.demo.receiverSecret;
  const rows = (id: string) => ownerDb.count('identity', 'SELECT count(*) AS n FROM received_webhooks WHERE idempotency_key = $1', [id]);
  const provisionJobs = () =>
    ownerDb.count(
      'core',
      `SELECT (SELECT count(*) FROM pgboss.job WHERE name = 'video.provision' AND data->>'appointmentId' = $1)
            + (SELECT count(*) FROM pgboss.archive WHERE name = 'video.provision' AND data->>'appointmentId' = $1) AS n`,
      [sec.demo.jamesAppointmentId],
    );
  const jobsBefore = await provisionJobs();

  const refused: Array<[string, Record<string, string>, string]> = [];
  const msg = () => `msg_${randomBytes(12).toString('base64url')}`;
  // 1. No signature headers at all.
  refused.push(['unsigned', { 'content-type': 'application/json' }, body]);
  // 2. Signed with some other secret.
  refused.push(['foreign secret', headersFor(`whsec_${randomBytes(32).toString('base64')}`, msg(), body), body]);
  // 3. Valid signature, body changed afterwards (status flipped).
  const id3 = msg();
  refused.push(['tampered body', headersFor(secret, id3, body), body.replace('"confirmed"', '"cancelled"')]);
  // 4. Valid signature, signature bytes flipped.
  const id4 = msg();
  const h4 = headersFor(secret, id4, body);
  h4['webhook-signature'] = h4['webhook-signature']!.replace(/^v1,(.)/, (_m, c: string) => `v1,${c === 'A' ? 'B' : 'A'}`);
  refused.push(['tampered signature', h4, body]);
  // 5. A captured request replayed 6 minutes later (and one dated 6 minutes ahead): outside the
  //    300 s window with room for a slow machine between signing here and checking there.
  refused.push(['replayed outside 300 s', headersFor(secret, msg(), body, Math.floor(Date.now() / 1000) - 360), body]);
  refused.push(['timestamp in the future', headersFor(secret, msg(), body, Math.floor(Date.now() / 1000) + 360), body]);
  // 6. Signed for tenant A but claiming tenant B (no receiver secret of B verifies it).
  const rivalBody = JSON.stringify(event(sec.rival.tenantId));
  refused.push(['other tenant', headersFor(secret, msg(), rivalBody), rivalBody]);
  // 7. Idempotency key that is not the signed webhook-id (would let an attacker pick the dedupe key).
  const h7 = headersFor(secret, msg(), body);
  h7['x-periodic-idempotency-key'] = 'chosen-by-attacker';
  refused.push(['idempotency key ≠ webhook-id', h7, body]);

  for (const [label, headers, data] of refused) {
    const res = await request.post(url, { headers, data });
    expect(res.status(), label).toBeGreaterThanOrEqual(400);
    expect(res.status(), label).toBeLessThan(500);
    expect((await res.json()).ok, label).toBe(false);
    expect(await rows(headers['webhook-id'] ?? 'none'), `${label}: no dedupe row`).toBe(0);
  }
  expect(await rows('chosen-by-attacker')).toBe(0);
  expect(await provisionJobs(), 'refused requests enqueue nothing').toBe(jobsBefore);

  // A valid event, then the identical request again (a retry): one effect.
  const id = msg();
  const headers = headersFor(secret, id, body);
  const first = await request.post(url, { headers, data: body });
  expect(first.status(), await first.text()).toBe(200);
  expect(await first.json()).toEqual({ ok: true, duplicate: false });
  const again = await request.post(url, { headers, data: body });
  expect(again.status()).toBe(200);
  expect(await again.json()).toEqual({ ok: true, duplicate: true });
  expect(await rows(id)).toBe(1);
  expect(await provisionJobs()).toBe(jobsBefore + 1);
});
