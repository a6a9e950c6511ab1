/**
 * Sign-in for the video, booking and webhook specs: the shared auth fixture (one TOTP secret store
 * per run, so a clinician enrolled by one spec can sign in again in another).
 */
import type { Page } from '@playwright/test';
import { signIn as signInWithPassword } from '../auth/support/auth-fixtures.ts';

export const DEMO_PASSWORD = 'Periodic-Demo-2026!';

/** Signs `email` in on `page` (demo clinic), completing MFA for clinicians and admins. */
export async function signIn(page: Page, email: string): Promise<void> {
  await signInWithPassword(page, email, DEMO_PASSWORD);
}
