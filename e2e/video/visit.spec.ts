/**
 * Video visit, end to end in two browser contexts with Chromium's fake camera: a patient books
 * an on-demand visit, the clinician confirms it, the core's webhook reaches the platform receiver,
 * the room is provisioned, both dashboards show "Join visit", both join the built-in room and see
 * each other (RTCPeerConnection connected). Then: a consumed link, a link opened by a third user,
 * a reload after the link was used and a link after cancel are all refused, and no link token or
 * room URL appears in the stack's logs.
 */
import fs from 'node:fs';
import path from 'node:path';
import { expect, test, type BrowserContext, type Page } from '@playwright/test';
import { signIn } from './sign-in.ts';

const PATIENT = 'maria.lopez@example.com';
const OUTSIDER = 'james.chen@example.com';
const CLINICIANS: Record<string, string> = {
  'Dr. Ana Rivera': 'dr.rivera@demo.periodic.test',
  'Dr. Chidi Okafor': 'dr.okafor@demo.periodic.test',
};

test.describe.configure({ mode: 'serial' });
test.setTimeout(240_000);

/** Reloads `page` until its "Join visit" button for the appointment is there (room provisioned). */
async function waitForJoinButton(page: Page, url: string, appointmentId: string): Promise<void> {
  const button = page.locator(`[data-testid="join-visit"][data-appointment-id="${appointmentId}"]`);
  await expect(async () => {
    await page.goto(url);
    await expect(button).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 60_000, intervals: [500, 1000, 1000, 2000] });
}

/** Presses "Join visit", capturing the link token the page posts to /join; returns it and the room id. */
async function joinVisit(page: Page, appointmentId: string): Promise<{ token: string; roomId: string }> {
  const request = page.waitForRequest((r) => /\/api\/visit\/[^/]+\/join$/.test(r.url()) && r.method() === 'POST');
  await page.locator(`[data-testid="join-visit"][data-appointment-id="${appointmentId}"]`).click();
  const sent = await request;
  const token = (sent.postDataJSON() as { token: string }).token;
  const roomId = /\/api\/visit\/([^/]+)\/join$/.exec(sent.url())?.[1] ?? '';
  await page.waitForURL(`**/visit/${roomId}`);
  return { token, roomId };
}

/** Captures a freshly revealed token without consuming it (the /join request is aborted). */
async function revealWithoutJoining(page: Page, appointmentId: string): Promise<string> {
  let token = '';
  await page.route('**/api/visit/*/join', async (route) => {
    token = (route.request().postDataJSON() as { token: string }).token;
    await route.abort();
  });
  await page.locator(`[data-testid="join-visit"][data-appointment-id="${appointmentId}"]`).click();
  await expect.poll(() => token).not.toBe('');
  await page.unroute('**/api/visit/*/join');
  return token;
}

test('patient and clinician meet in the built-in room; used, foreign and cancelled links are refused', async ({ browser }) => {
  const contexts: BrowserContext[] = [];
  const newContext = async () => {
    const ctx = await browser.newContext({ permissions: ['camera', 'microphone'] });
    contexts.push(ctx);
    return ctx;
  };
  try {
    // 1. The patient books "see a clinician now" (an on-demand visit starting now).
    const patientCtx = await newContext();
    const patient = await patientCtx.newPage();
    await signIn(patient, PATIENT);
    await patient.goto('/patient/book');
    await patient.getByRole('button', { name: 'See a clinician now' }).click();
    await patient.waitForURL(/\/patient\/visits\/[0-9a-f-]{36}/);
    const appointmentId = /\/patient\/visits\/([0-9a-f-]{36})/.exec(patient.url())?.[1] ?? '';
    const body = await patient.locator('main').innerText();
    const clinicianName = Object.keys(CLINICIANS).find((name) => body.includes(name));
    expect(clinicianName, 'visit page names the clinician').toBeTruthy();

    // 2. That clinician confirms it in their schedule.
    const clinicianCtx = await newContext();
    const clinician = await clinicianCtx.newPage();
    await signIn(clinician, CLINICIANS[clinicianName!]!);
    await clinician.goto('/clinician/schedule');
    const row = clinician.locator(`tr[data-appointment-id="${appointmentId}"]`);
    await expect(row).toBeVisible();
    // On-demand visits may be confirmed at booking already; otherwise the clinician confirms here.
    const confirm = row.getByRole('button', { name: 'Confirm' });
    if ((await confirm.count()) > 0) {
      await confirm.click();
    }
    await expect(row.getByText('confirmed', { exact: false })).toBeVisible();

    // 3. Within seconds both dashboards offer "Join visit" (webhook → receiver → provisioning job).
    await waitForJoinButton(patient, `/patient/visits/${appointmentId}`, appointmentId);
    await waitForJoinButton(clinician, '/clinician/schedule', appointmentId);

    // 4. Both join and see each other.
    const patientJoin = await joinVisit(patient, appointmentId);
    const clinicianJoin = await joinVisit(clinician, appointmentId);
    expect(clinicianJoin.roomId).toBe(patientJoin.roomId);
    expect(patientJoin.token).not.toBe(clinicianJoin.token);
    const roomId = patientJoin.roomId;
    for (const page of [patient, clinician]) {
      await expect(page.getByTestId('visit-room')).toHaveAttribute('data-connection-state', 'connected', { timeout: 30_000 });
      await expect.poll(() => page.getByTestId('remote-video').evaluate((v) => (v as HTMLVideoElement).videoWidth), { timeout: 15_000 }).toBeGreaterThan(0);
    }
    await patient.getByRole('button', { name: 'Mute' }).click();
    await expect(patient.getByRole('button', { name: 'Unmute' })).toBeVisible();

    // 5. A consumed link is refused; so is re-entering the room page without a fresh link.
    const reuse = await patientCtx.request.post(`/api/visit/${roomId}/join`, { data: { token: patientJoin.token } });
    expect(reuse.status()).toBe(403);
    const again = await patientCtx.newPage();
    await again.goto(`/visit/${roomId}`);
    await expect(again.getByTestId('visit-refused')).toBeVisible();
    await again.close();

    // 6. A third signed-in user can use neither a participant's link nor the room page.
    const outsiderCtx = await newContext();
    const outsider = await outsiderCtx.newPage();
    await signIn(outsider, OUTSIDER);
    const foreign = await outsiderCtx.request.post(`/api/visit/${roomId}/join`, { data: { token: clinicianJoin.token } });
    expect(foreign.status()).toBe(403);
    await outsider.goto(`/visit/${roomId}`);
    await expect(outsider.getByTestId('visit-refused')).toBeVisible();
    await expect(outsider.getByTestId('visit-room')).toHaveCount(0);

    // 7. A fresh link revealed before the clinician cancels is dead after the cancel.
    const dashboard = await patientCtx.newPage();
    await dashboard.goto(`/patient/visits/${appointmentId}`);
    const freshToken = await revealWithoutJoining(dashboard, appointmentId);
    const schedule = await clinicianCtx.newPage();
    await schedule.goto('/clinician/schedule');
    await schedule.locator(`tr[data-appointment-id="${appointmentId}"]`).getByRole('button', { name: 'Cancel' }).click({ noWaitAfter: true });
    // The room closes for those inside it once the revoke job has run.
    await expect(clinician.getByTestId('visit-room')).toHaveAttribute('data-phase', 'closed', { timeout: 60_000 });
    const afterCancel = await patientCtx.request.post(`/api/visit/${roomId}/join`, { data: { token: freshToken } });
    expect(afterCancel.status()).toBe(403);

    // 8. No link token or room URL in the stack's logs (when the stack runs from this checkout).
    const logDir = path.join(process.cwd(), 'test-results', 'logs');
    if (fs.existsSync(logDir)) {
      const logs = fs.readdirSync(logDir).map((f) => fs.readFileSync(path.join(logDir, f), 'utf8')).join('\n');
      for (const secret of [patientJoin.token, clinicianJoin.token, freshToken, `/visit/${roomId}`]) {
        expect(logs.includes(secret), 'a link token or room URL was logged').toBe(false);
      }
    }
  } finally {
    for (const ctx of contexts) {
      await ctx.close();
    }
  }
});
