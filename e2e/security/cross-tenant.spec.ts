/**
 * Cross-tenant probes against the running app: tenant A's (demo) API key aimed at tenant B's
 * (rival) ids must answer 404 and change nothing; a forged key that names B's tenant with A's
 * secret is 401; an admin of one clinic sees none of the other's data in the admin screens.
 */
import { bearer, expect, test } from './support/security-fixture.ts';
import { signIn } from '../auth/support/auth-fixtures.ts';
import { DEMO_ADMIN, DEMO_PASSWORD } from '../../scripts/seed-demo.ts';

test.describe.configure({ mode: 'serial' });

function pick(o: Record<string, unknown>, keys: string[]): Record<string, unknown> {
  return Object.fromEntries(keys.map((k) => [k, o[k]]));
}

test('tenant A’s key cannot read or change tenant B’s appointments, resources, endpoints or deliveries', async ({ sec, request, ownerDb }) => {
  const a = bearer(sec.demo.apiKey);
  const b = bearer(sec.rival.apiKey);
  const r = sec.rival;
  const api = (p: string) => `${sec.baseUrl}${p}`;
  const snapshot = async () => ({
    appointment: await (await request.get(api(`/api/v1/appointments/${r.appointmentId}`), { headers: b })).json(),
    resource: await (await request.get(api(`/api/v1/resources/${r.resourceId}`), { headers: b })).json(),
    availability: await (await request.get(api(`/api/v1/resources/${r.resourceId}/availability`), { headers: b })).json(),
    // Only what a caller could change: health counters move on their own as the worker retries.
    endpoint: pick(await (await request.get(api(`/api/v1/webhook-endpoints/${r.endpointId}`), { headers: b })).json(), ['id', 'url', 'description', 'eventTypes', 'enabled', 'secretRotatingUntil']),
    rows: await ownerDb.query('core', 'SELECT (SELECT count(*) FROM appointments WHERE tenant_id = $1) AS a, (SELECT count(*) FROM events WHERE tenant_id = $1) AS e, (SELECT count(*) FROM deliveries WHERE tenant_id = $1) AS d, (SELECT count(*) FROM resources WHERE tenant_id = $1) AS r', [r.tenantId]),
  });
  const before = await snapshot();
  expect(before.appointment.id).toBe(r.appointmentId);
  expect(before.endpoint.id).toBe(r.endpointId);

  const probes: Array<[string, string, unknown?]> = [
    ['GET', `/api/v1/appointments/${r.appointmentId}`],
    ['POST', `/api/v1/appointments/${r.appointmentId}/confirm`, {}],
    ['POST', `/api/v1/appointments/${r.appointmentId}/cancel`, {}],
    ['POST', `/api/v1/appointments/${r.appointmentId}/no-show`, {}],
    ['POST', `/api/v1/appointments/${r.appointmentId}/reschedule`, { starts_at: new Date(Date.now() + 12 * 86_400_000).toISOString().slice(0, 11) + '10:00:00Z' }],
    ['GET', `/api/fhir/Appointment/${r.appointmentId}`],
    ['POST', '/api/v1/appointments', { resource_id: r.resourceId, token_id: `tk_${'x'.repeat(24)}`, starts_at: new Date(Date.now() + 11 * 86_400_000).toISOString().slice(0, 11) + '10:00:00Z' }],
    ['GET', `/api/v1/resources/${r.resourceId}`],
    ['PATCH', `/api/v1/resources/${r.resourceId}`, { label: 'pwned' }],
    ['GET', `/api/v1/resources/${r.resourceId}/availability`],
    ['PUT', `/api/v1/resources/${r.resourceId}/availability`, { rules: [], exceptions: [] }],
    ['GET', `/api/v1/slots?resource_id=${r.resourceId}&from=2030-01-07T00:00:00Z&to=2030-01-08T00:00:00Z`],
    ['GET', `/api/fhir/Slot?schedule=${r.resourceId}&start=2030-01-07`],
    ['GET', `/api/v1/webhook-endpoints/${r.endpointId}`],
    ['PATCH', `/api/v1/webhook-endpoints/${r.endpointId}`, { description: 'pwned', enabled: false }],
    ['POST', `/api/v1/webhook-endpoints/${r.endpointId}/rotate-secret`, {}],
    ['POST', `/api/v1/webhook-endpoints/${r.endpointId}/test`, {}],
    ['POST', `/api/v1/webhook-endpoints/${r.endpointId}/replay-dead-letters`, {}],
    ['DELETE', `/api/v1/webhook-endpoints/${r.endpointId}`],
    ['GET', `/api/v1/deliveries/${r.deliveryId}`],
    ['POST', `/api/v1/deliveries/${r.deliveryId}/replay`, {}],
  ];
  for (const [method, path, data] of probes) {
    const res = await request.fetch(api(path), { method, headers: a, data });
    expect(res.status(), `${method} ${path}`).toBe(404);
    const text = await res.text();
    expect(text, `${method} ${path} leaks nothing`).not.toContain(r.resourceLabel);
  }

  // Lists filtered by B's ids return nothing of B's.
  for (const path of [
    `/api/v1/appointments?resource_id=${r.resourceId}`,
    '/api/v1/appointments?limit=100',
    '/api/v1/resources',
    '/api/v1/webhook-endpoints',
    `/api/v1/deliveries?endpoint_id=${r.endpointId}`,
    `/api/v1/dead-letters?endpoint_id=${r.endpointId}`,
    `/api/v1/events?appointment_id=${r.appointmentId}`,
  ]) {
    const res = await request.get(api(path), { headers: a });
    expect([200, 400, 404], path).toContain(res.status());
    const text = await res.text();
    for (const secret of [r.appointmentId, r.resourceId, r.endpointId, r.deliveryId, r.tenantId, r.resourceLabel]) {
      expect(text.includes(secret), `${path} shows tenant B's ${secret}`).toBe(false);
    }
  }

  // A forged key: A's prefix and secret under B's tenant id → no such key there.
  const forged = sec.demo.apiKey.replace(/^pk_[0-9a-f]{32}_/, `pk_${r.tenantId.replace(/-/g, '')}_`);
  expect((await request.get(api('/api/v1/resources'), { headers: bearer(forged) })).status()).toBe(401);

  expect(await snapshot()).toEqual(before);
});

test('an admin of one clinic sees none of the other clinic’s data', async ({ sec, browser, ownerDb }) => {
  test.setTimeout(120_000);
  const demoDelivery = (await ownerDb.query<{ id: string }>('core', 'SELECT id FROM deliveries WHERE tenant_id = $1 LIMIT 1', [sec.demo.tenantId]))[0]?.id;
  expect(demoDelivery, 'the demo tenant has a delivery (its platform receiver)').toBeTruthy();

  const demoCtx = await browser.newContext({ baseURL: sec.baseUrl });
  const demoAdmin = await demoCtx.newPage();
  await signIn(demoAdmin, DEMO_ADMIN.email, DEMO_PASSWORD);
  const foreign = await demoAdmin.goto(`/admin/deliveries/${sec.rival.deliveryId}`);
  expect(foreign?.status()).not.toBe(200);
  await expect(demoAdmin.locator('body')).not.toContainText(sec.rival.endpointId);
  await demoAdmin.goto('/admin/webhooks');
  await expect(demoAdmin.locator('body')).not.toContainText('rival-hook');
  await demoAdmin.goto('/admin/deliveries');
  await expect(demoAdmin.locator('body')).not.toContainText(sec.rival.endpointId);
  await demoAdmin.goto('/admin/users');
  await expect(demoAdmin.locator('body')).not.toContainText(sec.rival.adminEmail);
  // And its own delivery is visible: the refusal above is about the tenant, not the page.
  expect((await demoAdmin.goto(`/admin/deliveries/${demoDelivery}`))?.status()).toBe(200);
  await demoCtx.close();

  // The rival admin, signed in to their own clinic, cannot open the demo clinic's delivery.
  const rivalCtx = await browser.newContext({ baseURL: sec.baseUrl });
  const rivalAdmin = await rivalCtx.newPage();
  await signIn(rivalAdmin, sec.rival.adminEmail, sec.rival.password, 'rival');
  await expect(rivalAdmin).toHaveURL(/\/admin/);
  const other = await rivalAdmin.goto(`/admin/deliveries/${demoDelivery}`);
  expect(other?.status()).not.toBe(200);
  await expect(rivalAdmin.locator('body')).not.toContainText(sec.demo.tenantId);
  await rivalAdmin.goto('/admin/users');
  await expect(rivalAdmin.locator('body')).not.toContainText(DEMO_ADMIN.email);
  await rivalCtx.close();

  // Credentials of one clinic do not open the other.
  const wrongClinic = await browser.newContext({ baseURL: sec.baseUrl });
  const page = await wrongClinic.newPage();
  await page.goto('/signin');
  await page.getByLabel('Clinic code').fill('demo');
  await page.getByLabel('Email').fill(sec.rival.adminEmail);
  await page.getByLabel('Password').fill(sec.rival.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByText('We could not sign you in')).toBeVisible();
  await wrongClinic.close();
});
