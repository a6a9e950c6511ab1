/** A browser context signed in as a demo user (MFA passed where the role needs it). */
import type { Browser, BrowserContext } from '@playwright/test';
import { signIn } from '../../auth/support/auth-fixtures.ts';
import { DEMO_PASSWORD } from '../../../scripts/seed-demo.ts';

export async function signedIn(browser: Browser, baseURL: string, email: string): Promise<BrowserContext> {
  const context = await browser.newContext({ baseURL });
  const page = await context.newPage();
  await signIn(page, email, DEMO_PASSWORD);
  await page.close();
  return context;
}
