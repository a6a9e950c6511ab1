/**
 * A clinician takes a day off in the availability screen and patients stop seeing that day's
 * slots; removing the exception brings them back. (Uses a day three weeks out so other booking
 * specs are unaffected, and cleans up after itself.)
 */
import { expect, test } from '@playwright/test';
import { signIn } from '../video/sign-in.ts';

test.setTimeout(150_000);

/** Next Wednesday at least 20 days out, as YYYY-MM-DD (a weekday: the demo hours are Mon–Fri). */
function farWednesday(): string {
  const d = new Date(Date.now() + 20 * 86_400_000);
  while (d.getUTCDay() !== 3) {
    d.setUTCDate(d.getUTCDate() + 1);
  }
  return d.toISOString().slice(0, 10);
}

test('time off hides the day’s slots from patients until removed', async ({ browser }) => {
  const day = farWednesday();
  const patientContext = await browser.newContext({ timezoneId: 'America/Chicago' });
  await patientContext.addCookies([{ name: 'periodic_tz', value: encodeURIComponent('America/Chicago'), url: test.info().project.use.baseURL! }]);
  const patient = await patientContext.newPage();
  await signIn(patient, 'priya.patel@example.com');
  await patient.goto('/patient/book');
  await patient.getByRole('link', { name: /Dr\. Chidi Okafor/ }).click();
  await patient.waitForURL(/resource=/);
  const resourceId = new URL(patient.url()).searchParams.get('resource')!;
  const dayHeading = patient.getByRole('heading', { name: new Intl.DateTimeFormat('en-US', { timeZone: 'UTC', weekday: 'short', month: 'short', day: 'numeric' }).format(new Date(`${day}T12:00:00Z`)) });
  await patient.goto(`/patient/book?resource=${resourceId}&week=${day}`);
  await expect(dayHeading).toBeVisible();

  const clinicianContext = await browser.newContext();
  const clinician = await clinicianContext.newPage();
  await signIn(clinician, 'dr.okafor@demo.periodic.test');
  await clinician.goto('/clinician/availability');
  await clinician.getByLabel('Date').fill(day);
  await clinician.getByLabel('Kind').selectOption('off');
  await clinician.getByRole('button', { name: 'Add exception' }).click();
  const listed = clinician.getByRole('listitem').filter({ hasText: `${day} · Time off (all day)` });
  await expect(listed).toBeVisible();

  await patient.reload();
  await expect(dayHeading).toHaveCount(0);

  await listed.getByRole('button', { name: 'Remove' }).click();
  await expect(listed).toHaveCount(0);
  await patient.reload();
  await expect(dayHeading).toBeVisible();
  await clinicianContext.close();
  await patientContext.close();
});
