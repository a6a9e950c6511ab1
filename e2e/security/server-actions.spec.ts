/**
 * Server actions attacked directly (raw POSTs with a Next-Action header, as any script can send):
 * - CSRF: the admin's own session, but the request comes from a foreign Origin → no effect
 *   (control: the identical request from our own origin does take effect);
 * - role escalation: a patient (and a clinician) calling admin and clinician actions → no effect;
 * - IDOR through actions: a patient cancelling another patient's visit, a clinician changing
 *   another clinician's visit → no effect;
 * - pages: a clinician and an admin opening other roles' areas are sent to /denied, and a portal
 *   session cookie is no key to the headless API.
 */
import { randomBytes } from 'node:crypto';
import type { APIResponse } from '@playwright/test';
import { expect, test } from './support/security-fixture.ts';
import { callFormAction, findServerAction } from './support/server-actions.ts';
import { signedIn } from './support/signed-in.ts';
import { DEMO_ADMIN, DEMO_CLINICIANS, DEMO_PATIENTS } from '../../scripts/seed-demo.ts';

test.describe.configure({ mode: 'serial' });

const createApiKey = findServerAction('createApiKeyAction', 'app/admin/api-keys/actions.ts');
const disableUser = findServerAction('disableUserAction', 'app/admin/users/actions.ts');
const changeVisitStatus = findServerAction('changeVisitStatusAction', 'app/clinician/schedule/actions.ts');
const cancelVisit = findServerAction('cancelVisitAction', 'app/patient/visits/[id]/actions.ts');
const rescheduleVisit = findServerAction('rescheduleVisitAction', 'app/patient/visits/[id]/actions.ts');

/** Runs the calls one after another; returns [label, status, body] (bodies die with their context). */
async function readAll(calls: Array<[string, Promise<APIResponse>]>): Promise<Array<[string, number, string]>> {
  const out: Array<[string, number, string]> = [];
  for (const [label, call] of calls) {
    const res = await call;
    out.push([label, res.status(), await res.text()]);
  }
  return out;
}

test('a server action POSTed from a foreign Origin is refused (CSRF); the same request from our origin works', async ({ sec, browser, ownerDb }) => {
  test.setTimeout(90_000);
  const admin = await signedIn(browser, sec.baseUrl, DEMO_ADMIN.email);
  const keys = (label: string) => ownerDb.count('core', 'SELECT count(*) AS n FROM api_keys WHERE tenant_id = $1 AND label = $2', [sec.demo.tenantId, label]);
  const tag = randomBytes(4).toString('hex');

  const control = await callFormAction(admin.request, sec.baseUrl, createApiKey, { label: `same-origin ${tag}` });
  expect(control.status()).toBe(200);
  expect(await control.text()).toContain('"ok":true');
  expect(await keys(`same-origin ${tag}`), 'control: the raw action call works').toBe(1);

  for (const origin of ['https://evil.example', `http://localhost:${new URL(sec.baseUrl).port}.evil.example`, 'null']) {
    const label = `csrf ${tag} ${origin}`;
    const res = await callFormAction(admin.request, sec.baseUrl, createApiKey, { label }, { origin });
    expect(await res.text(), origin).not.toContain('"ok":true');
    expect(res.status(), origin).not.toBe(200);
    expect(await keys(label), `${origin}: no key created`).toBe(0);
  }
  await admin.close();
});

test('patients and clinicians cannot run admin or other people’s actions', async ({ sec, browser, ownerDb }) => {
  test.setTimeout(120_000);
  const status = async () => (await ownerDb.query<{ status: string; starts_at: Date }>('core', 'SELECT status, starts_at FROM appointments WHERE id = $1', [sec.demo.jamesAppointmentId]))[0]!;
  const adminUserId = (await ownerDb.query<{ id: string }>('identity', "SELECT id FROM users WHERE tenant_id = $1 AND role = 'admin'", [sec.demo.tenantId]))[0]!.id;
  const tag = randomBytes(4).toString('hex');
  const before = await status();
  expect(before.status).toBe('pending');

  // Maria (patient): admin actions, the clinician's action, and James's visit.
  const maria = await signedIn(browser, sec.baseUrl, DEMO_PATIENTS[0]!.email);
  const attempts: Array<[string, Promise<APIResponse>]> = [
    ['patient → createApiKey', callFormAction(maria.request, sec.baseUrl, createApiKey, { label: `escalation ${tag}` })],
    ['patient → disableUser(admin)', callFormAction(maria.request, sec.baseUrl, disableUser, { userId: adminUserId })],
    ['patient → changeVisitStatus', callFormAction(maria.request, sec.baseUrl, changeVisitStatus, { appointmentId: sec.demo.jamesAppointmentId, target: 'cancelled' })],
    ['patient → cancel another patient’s visit', callFormAction(maria.request, sec.baseUrl, cancelVisit, { appointmentId: sec.demo.jamesAppointmentId }, { page: `/patient/visits/${sec.demo.jamesAppointmentId}` })],
    [
      'patient → reschedule another patient’s visit',
      callFormAction(maria.request, sec.baseUrl, rescheduleVisit, { appointmentId: sec.demo.jamesAppointmentId, startsAt: new Date(before.starts_at.getTime() + 3_600_000).toISOString() }, { page: `/patient/visits/${sec.demo.jamesAppointmentId}` }),
    ],
  ];
  const outcomes = await readAll(attempts);
  await maria.close();

  // Dr. Okafor (clinician): admin action, and Dr. Rivera's visit.
  const okafor = await signedIn(browser, sec.baseUrl, DEMO_CLINICIANS[1]!.email);
  outcomes.push(
    ...(await readAll([
      ['clinician → createApiKey', callFormAction(okafor.request, sec.baseUrl, createApiKey, { label: `escalation ${tag}` })],
      ['clinician → another clinician’s visit', callFormAction(okafor.request, sec.baseUrl, changeVisitStatus, { appointmentId: sec.demo.jamesAppointmentId, target: 'cancelled' })],
    ])),
  );
  for (const path of ['/admin', '/admin/api-keys', '/admin/webhooks', '/patient', '/patient/book']) {
    const res = await okafor.request.get(`${sec.baseUrl}${path}`, { maxRedirects: 0 });
    expect(res.status(), `clinician GET ${path}`).toBe(307);
    expect(res.headers().location, `clinician GET ${path}`).toMatch(/\/denied$/);
  }
  await okafor.close();

  for (const [label, status, text] of outcomes) {
    expect(text, label).not.toContain('"ok":true');
    expect(status, label).toBeLessThan(500);
  }
  expect(await ownerDb.count('core', 'SELECT count(*) AS n FROM api_keys WHERE label = $1', [`escalation ${tag}`])).toBe(0);
  expect(await ownerDb.count('identity', 'SELECT count(*) AS n FROM users WHERE id = $1 AND disabled_at IS NOT NULL', [adminUserId])).toBe(0);
  expect(await status(), 'James’s visit is untouched').toEqual(before);

  // Control: Dr. Rivera, whose schedule it is, may confirm it with the very same raw call.
  const rivera = await signedIn(browser, sec.baseUrl, DEMO_CLINICIANS[0]!.email);
  const ok = await callFormAction(rivera.request, sec.baseUrl, changeVisitStatus, { appointmentId: sec.demo.jamesAppointmentId, target: 'confirmed' });
  expect(await ok.text()).toContain('"ok":true');
  expect((await status()).status).toBe('confirmed');

  // An admin is not a clinician or a patient either, and a portal cookie is no API key.
  const admin = await signedIn(browser, sec.baseUrl, DEMO_ADMIN.email);
  for (const path of ['/clinician', '/clinician/schedule', '/patient']) {
    const res = await admin.request.get(`${sec.baseUrl}${path}`, { maxRedirects: 0 });
    expect(res.headers().location, `admin GET ${path}`).toMatch(/\/denied$/);
  }
  for (const ctx of [admin, rivera]) {
    const api = await ctx.request.get(`${sec.baseUrl}/api/v1/appointments`);
    expect(api.status()).toBe(401);
  }
  await Promise.all([admin.close(), rivera.close()]);
});
