/**
 * Identity and access, end to end against the shared stack (npm run e2e:serve): patient sign-up
 * and sign-in, role refusal, clinician TOTP sign-in, and the admin's audit view of it all.
 * Serial: later tests read the audit entries earlier ones created.
 */
import { expect, test } from '@playwright/test';
import { randomBytes } from 'node:crypto';
import { DEMO_ADMIN, DEMO_CLINICIANS, DEMO_PASSWORD } from '../../scripts/seed-demo.ts';
import { signIn, signOut, submitSignIn, verifyTotp, enrolTotp } from './support/auth-fixtures.ts';

test.describe.configure({ mode: 'serial' });

const suffix = randomBytes(4).toString('hex');
// The PHI log scan (e2e/zz-phi-log-scan.spec.ts) also looks for this domain and name marker.
const newPatient = {
  name: `E2E Signup ${suffix}`,
  email: `patient.${suffix}@e2e-signup.example`,
  phone: '+1 555 0177',
  dateOfBirth: '1990-05-17',
  password: `otter maps ${suffix} harbour`,
};

test('a new patient signs up, signs in and sees an empty visits page', async ({ page, context }) => {
  await page.goto('/patient/signup');
  await page.getByLabel('Full name').fill(newPatient.name);
  await page.getByLabel('Email').fill(newPatient.email);
  await page.getByLabel('Date of birth').fill(newPatient.dateOfBirth);
  await page.getByLabel('Phone').fill(newPatient.phone);
  await page.getByLabel('Password').fill('password1234');
  await page.getByRole('button', { name: 'Create account' }).click();
  await expect(page.getByText(/too common/)).toBeVisible();

  await page.getByLabel('Password').fill(newPatient.password);
  await page.getByRole('button', { name: 'Create account' }).click();
  await page.waitForURL(/\/signin\?created=1/);
  await expect(page.getByText('Your account is ready')).toBeVisible();

  // A wrong password first (for the audit trail), with the generic message.
  await page.getByLabel('Email').fill(newPatient.email);
  await page.getByLabel('Password').fill('not my password at all');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByText('We could not sign you in')).toBeVisible();

  await submitSignIn(page, newPatient.email, newPatient.password);
  await expect(page).toHaveURL(/\/patient$/);
  await expect(page.getByRole('heading', { name: 'My visits', level: 1 })).toBeVisible();
  await expect(page.getByText('No upcoming visits')).toBeVisible();
  await expect(page.getByText('No past visits yet')).toBeVisible();

  const session = (await context.cookies()).find((c) => c.name.endsWith('periodic.session'));
  expect(session, 'session cookie').toBeDefined();
  expect(session!.httpOnly).toBe(true);
  expect(session!.sameSite).toBe('Lax');
  // APP_URL is http:// in the test stack, so Secure is off (it is on when APP_URL is https).
  expect(session!.secure).toBe(new URL(page.url()).protocol === 'https:');

  await page.getByRole('link', { name: 'Profile' }).click();
  await expect(page.getByText(newPatient.phone)).toBeVisible();
});

test('a patient who opens /clinician or /admin is refused', async ({ page }) => {
  await submitSignIn(page, newPatient.email, newPatient.password);
  for (const path of ['/clinician', '/admin', '/admin/users', '/admin/audit']) {
    await page.goto(path);
    await expect(page).toHaveURL(/\/denied$/);
    await expect(page.getByRole('heading', { name: 'You don’t have access to that page' })).toBeVisible();
  }
  // And a signed-out visitor is sent to sign in.
  await page.goto('/patient');
  await signOut(page);
  await page.goto('/patient');
  await expect(page).toHaveURL(/\/signin\?callbackUrl=%2Fpatient/);
});

test('a clinician enrols TOTP, then signs in with a code computed by otplib', async ({ page }) => {
  const clinician = DEMO_CLINICIANS[0]!;
  await submitSignIn(page, clinician.email, DEMO_PASSWORD);
  // Clinicians cannot reach their panel before MFA is on.
  await expect(page).toHaveURL(/\/mfa\/setup/);
  await page.goto('/clinician');
  await expect(page).toHaveURL(/\/mfa\/setup/);
  const { recoveryCodes } = await enrolTotp(page, clinician.email);
  expect(recoveryCodes).toHaveLength(10);
  await expect(page).toHaveURL(/\/clinician$/);
  await expect(page.getByText(clinician.label)).toBeVisible();

  await signOut(page);
  await submitSignIn(page, clinician.email, DEMO_PASSWORD);
  await expect(page).toHaveURL(/\/mfa\/verify/);
  await page.getByLabel('Verification code').fill('000000');
  await page.getByRole('button', { name: 'Verify' }).click();
  await expect(page.getByText('That code did not work')).toBeVisible();
  await verifyTotp(page, clinician.email);
  await expect(page).toHaveURL(/\/clinician$/);
  await expect(page.getByText(/No visits on this day|Visits/).first()).toBeVisible();
});

test('an admin sees the audit entries those actions created', async ({ page }) => {
  await signIn(page, DEMO_ADMIN.email, DEMO_PASSWORD);
  await expect(page).toHaveURL(/\/admin$/);
  await page.getByRole('link', { name: 'Audit', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Audit trail' })).toBeVisible();
  // One filtered view per action: robust however many events other specs have added.
  for (const action of ['patient.signup', 'auth.sign_in_failed', 'auth.sign_in', 'auth.sign_out', 'auth.mfa_enrolled', 'auth.mfa_verified', 'auth.mfa_failed', 'patient.read']) {
    await page.goto(`/admin/audit?action=${action}`);
    const cells = page.getByRole('table').getByRole('cell', { name: /^(auth|patient|user|audit)\./ });
    await expect(cells.first(), action).toHaveText(action);
    expect(new Set(await cells.allTextContents())).toEqual(new Set([action]));
  }
  // The filter form drives the same query.
  await page.goto('/admin/audit');
  await page.getByLabel('Action').selectOption('auth.mfa_enrolled');
  await page.getByRole('button', { name: 'Filter' }).click();
  await expect(page).toHaveURL(/action=auth.mfa_enrolled/);
  await expect(page.getByRole('table').getByRole('cell', { name: 'auth.mfa_enrolled', exact: true }).first()).toBeVisible();
});

test('an admin invites a clinician who joins, enrols MFA and reaches the panel', async ({ page, browser }) => {
  await signIn(page, DEMO_ADMIN.email, DEMO_PASSWORD);
  await page.goto('/admin/users');
  await page.getByLabel('Role', { exact: true }).selectOption('clinician');
  await page.getByLabel('Schedule label').fill(`Dr. Invitee ${suffix} — Dermatology`);
  await page.getByRole('button', { name: 'Create invite link' }).click();
  const link = (await page.getByTestId('invite-link').textContent())?.trim() ?? '';
  expect(link).toMatch(/\/invite\/[0-9a-f]{32}\.[A-Za-z0-9_-]{43}$/);

  const invitee = await browser.newContext({ baseURL: new URL(link).origin });
  const p2 = await invitee.newPage();
  const email = `invitee.${suffix}@clinic-staff.example`;
  await p2.goto(new URL(link).pathname);
  await p2.getByLabel('Full name').fill(`Invitee ${suffix}`);
  await p2.getByLabel('Work email').fill(email);
  await p2.getByLabel('Password').fill(`staff pass ${suffix} lime`);
  await p2.getByRole('button', { name: 'Create account' }).click();
  await p2.waitForURL(/\/signin\?created=1/);
  await signIn(p2, email, `staff pass ${suffix} lime`);
  await expect(p2).toHaveURL(/\/clinician$/);
  await expect(p2.getByText(`Dr. Invitee ${suffix} — Dermatology`)).toBeVisible();
  // The link works once.
  await p2.goto(new URL(link).pathname);
  await expect(p2.getByRole('heading', { name: 'Invite not valid' })).toBeVisible();
  await invitee.close();
});
