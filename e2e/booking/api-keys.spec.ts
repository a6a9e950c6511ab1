/**
 * Headless API through the real app: an admin creates a key (shown once) in the admin screen,
 * the key works against /api/v1 and the FHIR view, revoking it locks it out at once, and the
 * API reference page renders from the OpenAPI document.
 */
import { expect, test } from '@playwright/test';
import { signIn } from '../video/sign-in.ts';

test.setTimeout(120_000);

test('an admin creates, uses and revokes an API key', async ({ page, request }) => {
  await signIn(page, 'admin@demo.periodic.test');
  await page.goto('/admin/api-keys');
  const label = `e2e key ${Date.now()}`;
  await page.getByLabel('Name').fill(label);
  await page.getByRole('button', { name: 'Create key' }).click();
  const key = (await page.getByTestId('new-api-key').innerText()).trim();
  expect(key).toMatch(/^pk_[0-9a-f]{32}_/);

  const auth = { authorization: `Bearer ${key}` };
  const resources = await request.get('/api/v1/resources', { headers: auth });
  expect(resources.status()).toBe(200);
  const body = (await resources.json()) as { data: { id: string; label: string }[] };
  expect(body.data.map((r) => r.label)).toEqual(expect.arrayContaining([expect.stringMatching(/Dr\. Ana Rivera/)]));

  const day = new Date(Date.now() + 8 * 86_400_000).toISOString().slice(0, 10);
  const slots = await request.get(`/api/v1/slots?resource_id=${body.data[0]!.id}&from=${day}T00:00:00Z&to=${day}T23:59:59Z&tz=Asia/Tokyo`, { headers: auth });
  expect(slots.status()).toBe(200);
  const fhir = await request.get(`/api/fhir/Slot?schedule=${body.data[0]!.id}&start=${day}`, { headers: auth });
  expect(fhir.headers()['content-type']).toContain('application/fhir+json');
  expect((await fhir.json()).resourceType).toBe('Bundle');

  const problem = await request.post('/api/v1/appointments', { headers: auth, data: { resource_id: 'x' } });
  expect(problem.status()).toBe(400);
  expect(problem.headers()['content-type']).toContain('application/problem+json');

  await page.reload();
  const row = page.getByRole('row', { name: new RegExp(label) });
  await expect(row).toContainText('Active');
  await row.getByRole('button', { name: `Revoke ${label}` }).click();
  await expect(row).toContainText('Revoked');
  expect((await request.get('/api/v1/resources', { headers: auth })).status()).toBe(401);
});

test('the API reference renders from the OpenAPI document', async ({ page, request }) => {
  const doc = await request.get('/api/v1/openapi.json');
  expect((await doc.json()).openapi).toBe('3.1.0');
  await page.goto('/docs/api');
  await expect(page.getByRole('heading', { name: 'Periodic scheduling API' })).toBeVisible();
  await expect(page.locator('#createAppointment')).toContainText('/api/v1/appointments');
  await expect(page.locator('#problem-slot-taken')).toBeVisible();
});
