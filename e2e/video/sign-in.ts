/**
 * Sign-in helpers for the video specs, through the real sign-in form (and TOTP enrolment or
 * verification for clinicians: the test computes the code from the secret the setup page shows).
 */
import fs from 'node:fs';
import path from 'node:path';
import { expect, type Page } from '@playwright/test';
import { generate } from 'otplib';

export const DEMO_PASSWORD = 'Periodic-Demo-2026!';

const secretFile = (email: string) => path.join(process.cwd(), 'test-results', `.totp-${email.replace(/[^a-z0-9]/gi, '_')}`);

async function totpCode(secret: string, notStep?: number): Promise<{ code: string; step: number }> {
  // The server refuses a code of an already used time step (replay), so wait for a fresh one.
  let now = Date.now();
  let step = Math.floor(now / 30_000);
  if (notStep !== undefined && step <= notStep) {
    await new Promise((resolve) => setTimeout(resolve, (notStep + 1) * 30_000 - now + 500));
    now = Date.now();
    step = Math.floor(now / 30_000);
  }
  return { code: await generate({ secret, epoch: Math.floor(now / 1000) }), step };
}

/** Signs `email` in on `page` (demo clinic), completing MFA for clinicians. */
export async function signIn(page: Page, email: string): Promise<void> {
  await page.goto('/signin');
  await page.getByLabel('Clinic code').fill('demo');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL((url) => !url.pathname.startsWith('/signin'), { timeout: 20_000 });
  if (page.url().includes('/mfa/setup')) {
    const secret = (await page.getByTestId('totp-secret').innerText()).replace(/\s+/g, '');
    const { code, step } = await totpCode(secret);
    fs.mkdirSync(path.dirname(secretFile(email)), { recursive: true });
    fs.writeFileSync(secretFile(email), JSON.stringify({ secret, step }));
    await page.getByLabel('6-digit code').fill(code);
    await page.getByRole('button', { name: 'Turn on two-step verification' }).click();
    await expect(page.getByTestId('recovery-code').first()).toBeVisible();
  } else if (page.url().includes('/mfa/verify')) {
    const saved = JSON.parse(fs.readFileSync(secretFile(email), 'utf8')) as { secret: string; step: number };
    const { code, step } = await totpCode(saved.secret, saved.step);
    fs.writeFileSync(secretFile(email), JSON.stringify({ secret: saved.secret, step }));
    await page.getByLabel('Verification code').fill(code);
    await page.getByRole('button', { name: /verify|continue|sign in/i }).click();
    await page.waitForURL((url) => !url.pathname.startsWith('/mfa'), { timeout: 20_000 });
  }
}
