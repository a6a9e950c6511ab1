/**
 * IDOR by id, over real HTTP with real sessions, each with a control that the same request works
 * for the rightful user:
 * - patient id / token: a patient smuggling another patient's token (or a patientId) into the
 *   booking form still books as themself — the token comes from the session only;
 * - room ids: a patient with a valid join token of their own visit cannot enter another patient's
 *   room with it (nor with a made-up token), open its page, or start its signalling;
 * - delivery ids: a patient opening an admin delivery page is sent to /denied;
 * - role + tenant: a clinician of one clinic cannot change a visit of another clinic by its id.
 */
import { randomBytes } from 'node:crypto';
import type { APIRequestContext, BrowserContext } from '@playwright/test';
import { bearer, expect, test, type OwnerDb } from './support/security-fixture.ts';
import { callFormAction, findServerAction } from './support/server-actions.ts';
import { signedIn } from './support/signed-in.ts';
import { DEMO_CLINICIANS, DEMO_PATIENTS } from '../../scripts/seed-demo.ts';

test.describe.configure({ mode: 'serial' });

const bookSlot = findServerAction('bookSlotAction', 'app/patient/book/actions.ts');
const seeNow = findServerAction('seeClinicianNowAction', 'app/patient/book/actions.ts');
const changeVisitStatus = findServerAction('changeVisitStatusAction', 'app/clinician/schedule/actions.ts');
const revealLink = findServerAction('revealJoinLinkAction', 'lib/video/actions/reveal-join-link-action.ts');

/** A weekday 16:00 UTC slot `days` ahead (inside Dr. Rivera's New York hours). */
function weekdaySlot(days: number): Date {
  const d = new Date(Date.now() + days * 86_400_000);
  d.setUTCHours(16, 0, 0, 0);
  while (d.getUTCDay() === 0 || d.getUTCDay() === 6) {
    d.setUTCDate(d.getUTCDate() + 1);
  }
  return d;
}

/** An on-demand visit for the signed-in patient; returns its id once its room is ready. */
async function onDemandVisitWithRoom(ctx: BrowserContext, baseUrl: string, ownerDb: OwnerDb): Promise<{ appointmentId: string; roomId: string }> {
  const res = await callFormAction(ctx.request, baseUrl, seeNow, {}, { page: '/patient/book' });
  const appointmentId = /\/patient\/visits\/([0-9a-f-]{36})/.exec(res.headers()['x-action-redirect'] ?? '')?.[1];
  expect(appointmentId, `on-demand booking answered HTTP ${res.status()}`).toBeTruthy();
  // The worker delivers the confirmation to the platform receiver, which provisions the room.
  await expect
    .poll(async () => (await ownerDb.query<{ id: string }>('identity', "SELECT id FROM video_rooms WHERE appointment_id = $1 AND status = 'ready'", [appointmentId]))[0]?.id, { timeout: 60_000 })
    .toBeTruthy();
  const roomId = (await ownerDb.query<{ id: string }>('identity', 'SELECT id FROM video_rooms WHERE appointment_id = $1', [appointmentId]))[0]!.id;
  return { appointmentId: appointmentId!, roomId };
}

/** Calls the "Join visit" action (plain-argument server action) and returns the revealed token. */
async function revealToken(request: APIRequestContext, baseUrl: string, appointmentId: string): Promise<string> {
  const res = await request.post(`${baseUrl}/patient/visits/${appointmentId}`, {
    headers: { 'next-action': revealLink.id, accept: 'text/x-component', 'content-type': 'text/plain;charset=UTF-8', origin: baseUrl },
    data: JSON.stringify([{ appointmentId }]),
  });
  const token = /"token":"([^"]+)"/.exec(await res.text())?.[1];
  expect(token, 'the participant is shown their own join token').toBeTruthy();
  return token!;
}

test('a patient cannot book as another patient by smuggling their token or patient id', async ({ sec, browser, ownerDb }) => {
  test.setTimeout(90_000);
  const jamesToken = (await ownerDb.query<{ token_id: string }>('core', 'SELECT token_id FROM appointments WHERE id = $1', [sec.demo.jamesAppointmentId]))[0]!.token_id;
  const maria = await signedIn(browser, sec.baseUrl, DEMO_PATIENTS[0]!.email);
  const startsAt = weekdaySlot(16);
  const res = await callFormAction(maria.request, sec.baseUrl, bookSlot, { resourceId: sec.demo.riveraResourceId, startsAt: startsAt.toISOString(), tokenId: jamesToken, patientId: randomBytes(16).toString('hex') }, { page: '/patient/book' });
  expect(res.headers()['x-action-redirect'] ?? '', 'control: the booking itself went through').toMatch(/\/patient\/visits\//);
  const rows = await ownerDb.query<{ token_id: string }>('core', 'SELECT token_id FROM appointments WHERE resource_id = $1 AND starts_at = $2', [sec.demo.riveraResourceId, startsAt]);
  expect(rows.map((r) => r.token_id)).toEqual([sec.demo.mariaToken]);
  await maria.close();
});

test('a join token opens only its own room: another patient’s room id is refused', async ({ sec, browser, request, ownerDb }) => {
  test.setTimeout(180_000);
  // Two on-call clinicians of our own, sorted first, so on-demand visits never wait for the demo's.
  for (const n of [0, 1]) {
    const r = await request.post(`${sec.baseUrl}/api/v1/resources`, { headers: bearer(sec.demo.apiKey), data: { label: `AA idor probe ${n} ${randomBytes(3).toString('hex')}`, time_zone: 'UTC', visit_minutes: 15, buffer_minutes: 0, on_call: true } });
    expect(r.status()).toBe(201);
  }
  const maria = await signedIn(browser, sec.baseUrl, DEMO_PATIENTS[0]!.email);
  const james = await signedIn(browser, sec.baseUrl, DEMO_PATIENTS[1]!.email);
  const mine = await onDemandVisitWithRoom(maria, sec.baseUrl, ownerDb);
  const theirs = await onDemandVisitWithRoom(james, sec.baseUrl, ownerDb);
  expect(theirs.roomId).not.toBe(mine.roomId);
  const token = await revealToken(maria.request, sec.baseUrl, mine.appointmentId);
  const post = (path: string, data: unknown) => maria.request.post(`${sec.baseUrl}${path}`, { headers: { origin: sec.baseUrl }, data });

  const probes: Array<[string, number]> = [
    ['own token → other room', (await post(`/api/visit/${theirs.roomId}/join`, { token })).status()],
    ['made-up token → other room', (await post(`/api/visit/${theirs.roomId}/join`, { token: randomBytes(32).toString('base64url') })).status()],
    ['signal session of other room', (await post(`/api/visit/${theirs.roomId}/signal/session`, {})).status()],
    ['random room id', (await post(`/api/visit/${crypto.randomUUID()}/join`, { token })).status()],
  ];
  for (const [label, status] of probes) {
    expect(status, label).toBeGreaterThanOrEqual(400);
    expect(status, label).toBeLessThan(500);
  }
  const page = await maria.newPage();
  await page.goto(`/visit/${theirs.roomId}`);
  await expect(page.getByText('You cannot enter this visit room.')).toBeVisible();
  await page.close();
  expect(await ownerDb.count('identity', 'SELECT count(*) AS n FROM video_links WHERE room_id = $1 AND consumed_at IS NOT NULL', [theirs.roomId])).toBe(0);

  // Control: the same token opens its own room once; the second use is refused.
  expect((await post(`/api/visit/${mine.roomId}/join`, { token })).status()).toBe(200);
  expect((await post(`/api/visit/${mine.roomId}/join`, { token })).status()).toBe(403);
  await Promise.all([maria.close(), james.close()]);
});

test('a patient cannot open a delivery by id; a clinician cannot change another clinic’s visit', async ({ sec, browser, ownerDb }) => {
  test.setTimeout(120_000);
  const delivery = (await ownerDb.query<{ id: string }>('core', 'SELECT id FROM deliveries WHERE tenant_id = $1 LIMIT 1', [sec.demo.tenantId]))[0]!.id;
  const maria = await signedIn(browser, sec.baseUrl, DEMO_PATIENTS[0]!.email);
  for (const path of [`/admin/deliveries/${delivery}`, `/admin/deliveries/${sec.rival.deliveryId}`]) {
    const res = await maria.request.get(`${sec.baseUrl}${path}`, { maxRedirects: 0 });
    expect(res.headers().location, `patient GET ${path}`).toMatch(/\/denied$/);
  }
  await maria.close();

  const rivalStatus = async () => (await ownerDb.query<{ status: string }>('core', 'SELECT status FROM appointments WHERE id = $1', [sec.rival.appointmentId]))[0]!.status;
  const before = await rivalStatus();
  const rivera = await signedIn(browser, sec.baseUrl, DEMO_CLINICIANS[0]!.email);
  for (const target of ['confirmed', 'cancelled', 'no_show']) {
    const res = await callFormAction(rivera.request, sec.baseUrl, changeVisitStatus, { appointmentId: sec.rival.appointmentId, target });
    expect(await res.text(), `clinician → rival visit ${target}`).not.toContain('"ok":true');
  }
  const page = await rivera.newPage();
  const visit = await page.goto(`/patient/visits/${sec.rival.appointmentId}`);
  expect(page.url(), 'a clinician is not a patient either').toMatch(/\/denied$/);
  expect(visit?.status()).toBeLessThan(500);
  await rivera.close();
  expect(await rivalStatus(), 'the rival clinic’s visit is untouched').toBe(before);
});
