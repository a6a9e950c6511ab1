/**
 * Admin delivery-health dashboard in a real browser: sign in as the demo admin (real sign-in +
 * TOTP), register two endpoints pointing at a local receiver (one answers 204, one 410 Gone),
 * send test events, and watch the health table, event log with attempt detail, dead-letter inbox
 * and alert history update. Screenshots go to test-results/.
 * Needs the app started with WEBHOOK_ALLOW_PRIVATE_TARGETS=true (npm run e2e:serve sets it).
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, test } from '@playwright/test';
import { signIn } from '../video/sign-in.ts';

let server: Server;
let base = '';
const hits: Array<{ path: string; key: string | undefined }> = [];

test.beforeAll(async () => {
  server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      hits.push({ path: req.url ?? '', key: req.headers['x-periodic-idempotency-key'] as string | undefined });
      res.writeHead(req.url?.startsWith('/gone') ? 410 : 204).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

test.afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

test('admin registers endpoints, triggers events and sees health, attempts, dead letters and alerts', async ({ page }) => {
  test.setTimeout(120_000);
  await signIn(page, 'admin@demo.periodic.test');

  await page.goto('/admin/webhooks');
  await expect(page.getByRole('heading', { name: 'Webhooks' })).toBeVisible();
  const okUrl = `${base}/ok-${Date.now()}`;
  const goneUrl = `${base}/gone-${Date.now()}`;
  for (const [url, description] of [
    [okUrl, 'E2E healthy receiver'],
    [goneUrl, 'E2E gone receiver'],
  ] as const) {
    await page.getByLabel('Endpoint URL').fill(url);
    await page.getByLabel('Description').fill(description);
    await page.getByRole('button', { name: 'Register endpoint' }).click();
    await expect(page.getByTestId('endpoint-secret')).toContainText('whsec_');
  }

  const okRow = page.getByTestId('endpoint-row').filter({ hasText: okUrl });
  const goneRow = page.getByTestId('endpoint-row').filter({ hasText: goneUrl });
  await okRow.getByTestId('send-test').click();
  await okRow.getByTestId('send-test').click();
  await goneRow.getByTestId('send-test').click();

  // Live updates: the health table refreshes itself.
  await expect(okRow.getByTestId('rate-1h')).toContainText('100.0 %', { timeout: 30_000 });
  await expect(goneRow).toContainText('disabled', { timeout: 30_000, ignoreCase: true });
  expect(hits.filter((h) => h.path.startsWith('/ok')).length).toBeGreaterThanOrEqual(2);
  await page.screenshot({ path: 'test-results/webhooks-dashboard.png', fullPage: true });

  await page.goto('/admin/deliveries');
  await expect(page.getByTestId('delivery-row').first()).toBeVisible();
  await page.getByTestId('delivery-row').filter({ hasText: 'webhook.test' }).first().getByRole('link').click();
  await expect(page.getByTestId('attempt-row').first()).toBeVisible();
  await page.screenshot({ path: 'test-results/webhooks-delivery-detail.png', fullPage: true });

  await page.goto('/admin/deliveries?status=dead');
  await expect(page.getByRole('heading', { name: 'Dead-letter inbox' })).toBeVisible();
  await expect(page.getByTestId('delivery-row').first()).toBeVisible({ timeout: 30_000 });
  await page.screenshot({ path: 'test-results/webhooks-dead-letters.png', fullPage: true });

  await page.goto('/admin/alerts');
  await expect(page.getByTestId('alert-row').filter({ hasText: 'dead_letter' }).first()).toBeVisible({ timeout: 30_000 });
  await page.screenshot({ path: 'test-results/webhooks-alerts.png', fullPage: true });
});
