/**
 * Sign-in helpers for Playwright specs (shared with other areas' specs). They drive the real
 * sign-in form; for clinicians and admins they also pass MFA: on first sign-in they enrol (reading
 * the manual-entry key from the page) and remember the secret (in memory and in a temp file, so
 * a re-run against the same stack still knows it); later sign-ins compute the code with otplib.
 */
import { expect, type Page } from '@playwright/test';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { generate } from 'otplib';

export const DEMO_CLINIC = 'demo';

const SECRETS_FILE = path.join(os.tmpdir(), 'periodic-e2e-totp-secrets.json');

function readSecrets(): Record<string, string> {
  try {
    return JSON.parse(fs.readFileSync(SECRETS_FILE, 'utf8')) as Record<string, string>;
  } catch {
    return {};
  }
}

const totpSecrets = {
  get: (key: string): string | undefined => readSecrets()[key],
  set: (key: string, secret: string): void => {
    fs.writeFileSync(SECRETS_FILE, JSON.stringify({ ...readSecrets(), [key]: secret }), { mode: 0o600 });
  },
};
const lastStepUsed = new Map<string, number>();

function secretKey(page: Page, email: string): string {
  return `${new URL(page.url() || 'http://x').host}|${email.toLowerCase()}`;
}

/**
 * A TOTP code the server has not seen yet: the server refuses a time step twice, so after a
 * code was used in this step we take the next step's code (accepted as ±30 s clock drift).
 */
export async function nextTotpCode(key: string, secret: string): Promise<string> {
  const step = Math.floor(Date.now() / 1000 / 30);
  const use = Math.max(step, (lastStepUsed.get(key) ?? -1) + 1);
  if (use > step + 1) {
    // Both usable steps are spent: wait for the clock to move on.
    await new Promise((r) => setTimeout(r, (use - 1) * 30_000 - Date.now() + 500));
  }
  lastStepUsed.set(key, use);
  return generate({ secret, epoch: use * 30 });
}

/** Fills and submits the sign-in form; resolves once we have left /signin. */
export async function submitSignIn(page: Page, email: string, password: string, clinic = DEMO_CLINIC): Promise<void> {
  await page.goto('/signin');
  await page.getByLabel('Clinic code').fill(clinic);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL((url) => !url.pathname.startsWith('/signin'), { timeout: 15_000 });
}

/** Enrols TOTP on /mfa/setup; returns the secret and the recovery codes shown once. */
export async function enrolTotp(page: Page, email: string): Promise<{ secret: string; recoveryCodes: string[] }> {
  await expect(page).toHaveURL(/\/mfa\/setup/);
  const secret = (await page.getByTestId('totp-secret').textContent())?.trim() ?? '';
  expect(secret).toMatch(/^[A-Z2-7]{16,}$/);
  const key = secretKey(page, email);
  await page.getByLabel('6-digit code').fill(await nextTotpCode(key, secret));
  await page.getByRole('button', { name: 'Turn on two-step verification' }).click();
  await expect(page.getByText('Two-step verification is on')).toBeVisible();
  const recoveryCodes = await page.getByTestId('recovery-code').allTextContents();
  totpSecrets.set(key, secret);
  await page.getByRole('link', { name: 'Continue' }).click();
  return { secret, recoveryCodes };
}

/** Passes /mfa/verify with a fresh code for a secret enrolled earlier in this run. */
export async function verifyTotp(page: Page, email: string): Promise<void> {
  await expect(page).toHaveURL(/\/mfa\/verify/);
  const key = secretKey(page, email);
  const secret = totpSecrets.get(key);
  if (!secret) {
    throw new Error(`no TOTP secret remembered for ${key}: enrol it earlier in this run`);
  }
  await page.getByLabel('Verification code').fill(await nextTotpCode(key, secret));
  await page.getByRole('button', { name: 'Verify' }).click();
  await page.waitForURL((url) => !url.pathname.startsWith('/mfa'), { timeout: 15_000 });
}

/** Full sign-in (password, then MFA enrolment or verification when asked); ends on the portal. */
export async function signIn(page: Page, email: string, password: string, clinic = DEMO_CLINIC): Promise<void> {
  await submitSignIn(page, email, password, clinic);
  if (page.url().includes('/mfa/setup')) {
    await enrolTotp(page, email);
  } else if (page.url().includes('/mfa/verify')) {
    await verifyTotp(page, email);
  }
  await page.waitForURL((url) => !url.pathname.startsWith('/mfa') && !url.pathname.startsWith('/signin'));
}

/** Signs out through the portal's button. */
export async function signOut(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Sign out' }).first().click();
  await page.waitForURL(/\/signin/);
}
