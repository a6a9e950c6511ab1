/**
 * Specs that need their own stack (started here as a child process on port 3111): a 6-second
 * idle timeout (SESSION_IDLE_MINUTES=0.1) so the logoff can be observed without slowing every
 * other spec, and an appointment of another patient written straight into the core.
 */
import { expect, test, type Browser } from '@playwright/test';
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { DEMO_PASSWORD, DEMO_PATIENTS } from '../../scripts/seed-demo.ts';
import { submitSignIn } from './support/auth-fixtures.ts';

test.describe.configure({ mode: 'serial' });

const ROOT = path.resolve(import.meta.dirname, '..', '..');
let child: ChildProcess | undefined;
let baseUrl = '';
let otherPatientAppointmentId = '';

test.beforeAll(async () => {
  test.setTimeout(300_000);
  child = spawn(process.execPath, ['--experimental-wasm-modules', '--no-warnings=ExperimentalWarning', '--import', 'tsx', 'e2e/auth/support/own-stack.ts'], {
    cwd: ROOT,
    env: { ...process.env, OWN_STACK_PORT: process.env.OWN_STACK_PORT ?? '3111', OWN_STACK_IDLE_MINUTES: '0.1' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const ready = await new Promise<{ baseUrl: string; otherPatientAppointmentId: string }>((resolve, reject) => {
    let buffer = '';
    child!.stdout!.on('data', (chunk: Buffer) => {
      buffer += chunk.toString();
      const m = /OWN_STACK_READY (\{.*\})/.exec(buffer);
      if (m) {
        resolve(JSON.parse(m[1]!));
      }
    });
    child!.once('exit', (code) => reject(new Error(`own stack exited early (${code})`)));
  });
  baseUrl = ready.baseUrl;
  otherPatientAppointmentId = ready.otherPatientAppointmentId;
});

test.afterAll(async () => {
  if (child && child.exitCode === null) {
    const exited = new Promise((r) => child!.once('exit', r));
    child.kill('SIGTERM');
    await exited;
  }
});

async function patientPage(browser: Browser, email: string) {
  const context = await browser.newContext({ baseURL: baseUrl });
  const page = await context.newPage();
  await submitSignIn(page, email, DEMO_PASSWORD);
  await expect(page).toHaveURL(/\/patient$/);
  return { context, page };
}

test('a patient cannot open another patient’s appointment', async ({ browser }) => {
  const owner = await patientPage(browser, DEMO_PATIENTS[1]!.email);
  await owner.page.goto(`/patient/visits/${otherPatientAppointmentId}`);
  await expect(owner.page.getByRole('heading', { name: 'Visit', level: 1 })).toBeVisible();
  await owner.context.close();

  const other = await patientPage(browser, DEMO_PATIENTS[0]!.email);
  const response = await other.page.goto(`/patient/visits/${otherPatientAppointmentId}`);
  expect(response?.status()).toBe(404);
  await expect(other.page.getByRole('heading', { name: 'Page not found' })).toBeVisible();
  // Not in their list either.
  await other.page.goto('/patient');
  await expect(other.page.getByText('No upcoming visits')).toBeVisible();
  await other.context.close();
});

test('an idle session shows a warning, then is logged off', async ({ browser }) => {
  const { context, page } = await patientPage(browser, DEMO_PATIENTS[0]!.email);
  await expect(page.getByRole('alertdialog')).toContainText('You will be signed out soon', { timeout: 8_000 });
  await page.waitForURL(/\/signin\?reason=idle/, { timeout: 10_000 });
  await expect(page.getByText(/signed out after .* minutes of inactivity/)).toBeVisible();
  await page.goto('/patient');
  await expect(page).toHaveURL(/\/signin/);
  await context.close();
});

test('the server enforces the idle limit even with no page open', async ({ browser }) => {
  const { context, page } = await patientPage(browser, DEMO_PATIENTS[2]!.email);
  await page.close(); // no client-side monitor any more
  expect((await context.request.get('/api/session/activity')).status()).toBe(200);
  await new Promise((r) => setTimeout(r, 7_000));
  expect((await context.request.get('/api/session/activity')).status()).toBe(401);
  const res = await context.request.get('/patient', { maxRedirects: 0 });
  expect(res.status()).toBe(307);
  expect(res.headers().location).toContain('/signin?reason=idle');
  await context.close();
});
