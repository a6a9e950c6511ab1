/**
 * Sign-in back-off through the real form (the security stack runs with LOGIN_MAX_FAILURES=3):
 * after repeated failures the account locks, the right password is then refused too, and every
 * refusal (wrong password, locked account, unknown address) reads the same generic message.
 * Kept to 7 failures so the per-IP limit (15 here) is not reached: later specs still sign in.
 */
import type { Page } from '@playwright/test';
import { expect, test } from './support/security-fixture.ts';

const GENERIC = 'We could not sign you in';

async function attempt(page: Page, email: string, password: string): Promise<string> {
  await page.goto('/signin');
  await page.getByLabel('Clinic code').fill('demo');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByText(GENERIC)).toBeVisible({ timeout: 15_000 });
  return (await page.getByText(GENERIC).first().innerText()).trim();
}

test('repeated failures lock the account behind the same generic message', async ({ sec, browser, ownerDb }) => {
  test.setTimeout(90_000);
  const context = await browser.newContext({ baseURL: sec.baseUrl });
  const page = await context.newPage();
  const messages: string[] = [];
  for (let i = 0; i < 3; i += 1) {
    messages.push(await attempt(page, sec.demo.lockoutEmail, `wrong password ${i}`));
  }
  // Locked now: the right password is refused, with the very same words.
  messages.push(await attempt(page, sec.demo.lockoutEmail, 'Lockout-Probe-2026!'));
  expect(page.url()).toContain('/signin');
  const locked = await ownerDb.count('identity', "SELECT count(*) AS n FROM users WHERE locked_until > now() AND role = 'patient' AND tenant_id = $1", [sec.demo.tenantId]);
  expect(locked).toBe(1);

  // An address with no account behaves identically (no account enumeration).
  for (let i = 0; i < 3; i += 1) {
    messages.push(await attempt(page, `nobody.${Date.now()}@security-probes.example`, 'whatever password 1'));
  }
  expect(new Set(messages).size, `messages differ: ${JSON.stringify([...new Set(messages)])}`).toBe(1);
  await context.close();
});

test('a client-written X-Forwarded-For does not choose the address the IP throttle counts', async ({ sec, browser, ownerDb }) => {
  test.setTimeout(60_000);
  const spoofed = '203.0.113.77';
  const context = await browser.newContext({ baseURL: sec.baseUrl, extraHTTPHeaders: { 'x-forwarded-for': spoofed } });
  const page = await context.newPage();
  const before = await ownerDb.count('identity', "SELECT coalesce(sum(failures), 0) AS n FROM login_throttle WHERE key IN ('ip:127.0.0.1', 'ip:::1')");
  await attempt(page, `spoof.${Date.now()}@security-probes.example`, 'whatever password 2');
  // The failure is charged to the TCP peer (no proxy is trusted in the stack), never to the claimed address.
  expect(await ownerDb.count('identity', 'SELECT count(*) AS n FROM login_throttle WHERE key = $1', [`ip:${spoofed}`])).toBe(0);
  const after = await ownerDb.count('identity', "SELECT coalesce(sum(failures), 0) AS n FROM login_throttle WHERE key IN ('ip:127.0.0.1', 'ip:::1')");
  expect(after).toBe(before + 1);
  await context.close();
});
