/**
 * Booking end to end through the portals: a patient books a slot of Dr. Okafor (times shown in
 * the patient's own zone), the clinician confirms it in the schedule, the patient sees it
 * confirmed; a second patient no longer sees that slot; the patient reschedules (same visit id)
 * and then cancels from the portal.
 */
import { expect, test, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { signIn } from '../video/sign-in.ts';

const PATIENT = 'priya.patel@example.com';
const SECOND_PATIENT = 'james.chen@example.com';
const CLINICIAN = 'dr.okafor@demo.periodic.test';
const VIEWER_ZONE = 'America/Los_Angeles';

test.describe.configure({ mode: 'serial' });
test.setTimeout(180_000);

/** A browser context in the viewer's zone, with the zone cookie the pages read already set. */
async function newViewerContext(browser: Browser, baseURL: string): Promise<BrowserContext> {
  const context = await browser.newContext({ timezoneId: VIEWER_ZONE });
  await context.addCookies([{ name: 'periodic_tz', value: encodeURIComponent(VIEWER_ZONE), url: baseURL }]);
  return context;
}

/** Opens Dr. Okafor's slots for next week (clear of the clinic's cancel cut-off). */
async function openOkaforNextWeek(page: Page): Promise<void> {
  await page.goto('/patient/book');
  await page.getByRole('link', { name: /Dr\. Chidi Okafor/ }).click();
  await expect(page.getByRole('heading', { name: /Free times with Dr\. Chidi Okafor/ })).toBeVisible();
  await page.getByRole('link', { name: 'Next week →' }).click();
  await expect(page).toHaveURL(/week=/);
  await expect(page.locator('button[data-slot]').first()).toBeVisible();
}

let bookedSlot = '';
let visitUrl = '';

test('a patient books, the clinician confirms, the patient sees it confirmed', async ({ browser, baseURL }) => {
  const patientContext = await newViewerContext(browser, baseURL!);
  const patient = await patientContext.newPage();
  await signIn(patient, PATIENT);
  await openOkaforNextWeek(patient);
  await expect(patient.getByText(`Times are shown in your time zone (${VIEWER_ZONE})`)).toBeVisible();

  const slotButton = patient.locator('button[data-slot]').nth(2);
  bookedSlot = (await slotButton.getAttribute('data-slot'))!;
  await slotButton.click();
  await patient.waitForURL(/\/patient\/visits\/[0-9a-f-]{36}\?booked=1/);
  visitUrl = new URL(patient.url()).pathname;
  await expect(patient.getByText('Your visit is booked.')).toBeVisible();
  await expect(patient.getByTestId('visit-status')).toContainText('Pending');
  // Shown in the viewer's zone (Pacific), not the clinician's (Central).
  await expect(patient.getByTestId('visit-time')).toContainText(/P[SD]T/);

  const clinicianContext = await browser.newContext();
  const clinician = await clinicianContext.newPage();
  await signIn(clinician, CLINICIAN);
  await clinician.goto('/clinician/schedule');
  const row = clinician.locator(`tr[data-starts-at="${bookedSlot}"]`);
  await expect(row).toContainText('Priya Patel');
  await expect(row).toContainText('Pending');
  await row.getByRole('button', { name: 'Confirm' }).click();
  await expect(row).toContainText('Confirmed');

  await patient.reload();
  await expect(patient.getByTestId('visit-status')).toContainText('Confirmed');
  await clinicianContext.close();
  await patientContext.close();
});

test('a second patient no longer sees the booked slot', async ({ browser, baseURL }) => {
  const context = await newViewerContext(browser, baseURL!);
  const page = await context.newPage();
  await signIn(page, SECOND_PATIENT);
  await openOkaforNextWeek(page);
  await expect(page.locator(`button[data-slot="${bookedSlot}"]`)).toHaveCount(0);
  // Its neighbours are still offered.
  const neighbour = new Date(Date.parse(bookedSlot) + 30 * 60_000).toISOString();
  await expect(page.locator(`button[data-slot="${neighbour}"]`)).toHaveCount(1);
  // Another patient's visit id is simply not found (no IDOR).
  const response = await page.goto(visitUrl);
  expect(response?.status()).toBe(404);
  await context.close();
});

test('the patient reschedules (same visit) and then cancels from the portal', async ({ browser, baseURL }) => {
  const context = await newViewerContext(browser, baseURL!);
  const page = await context.newPage();
  await signIn(page, PATIENT);
  await page.goto(visitUrl);
  await page.getByRole('link', { name: 'Reschedule' }).click();
  await expect(page.getByRole('heading', { name: 'Reschedule your visit' })).toBeVisible();
  await page.getByRole('link', { name: 'Next week →' }).click();
  const target = page.locator('button[data-slot]').nth(5);
  const newSlot = (await target.getAttribute('data-slot'))!;
  expect(newSlot).not.toBe(bookedSlot);
  await target.click();
  await page.waitForURL(`**${visitUrl}?rescheduled=1`);
  await expect(page.getByText('Your visit has been moved.')).toBeVisible();
  await expect(page.getByTestId('visit-status')).toContainText('Confirmed');

  await page.getByRole('button', { name: 'Cancel visit' }).click();
  await page.waitForURL(`**${visitUrl}?cancelled=1`);
  await expect(page.getByTestId('visit-status')).toContainText('Cancelled');
  await expect(page.getByRole('button', { name: 'Cancel visit' })).toHaveCount(0);

  // The original slot is free again for everyone.
  await openOkaforNextWeek(page);
  await expect(page.locator(`button[data-slot="${bookedSlot}"]`)).toHaveCount(1);
  await context.close();
});
