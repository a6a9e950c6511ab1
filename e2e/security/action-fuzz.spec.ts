/**
 * Fuzzing the server actions (issue 7 item 5): fast-check generates 1,000 form bodies per write
 * action (fixed seed, so a failure reproduces), posted the way the browser posts them (Next-Action
 * header, multipart form) with the session of the role the action is for, plus the public
 * sign-up and invite-acceptance forms with no session.
 * Every answer must be < 500 and a well-formed action result: `{ ok: true }`, a redirect (the
 * success path of booking, sign-up and rescheduling), or `{ ok: false, message }` with a message
 * that is not the generic one — that one means an unexpected exception, the action's 5xx.
 * No partial writes: rows behind each action move by exactly the number of successes, and state an
 * action replaces (weekly hours, visit settings, a rescheduled visit) ends as one whole accepted
 * input (or the original), never a mix. Other people's visits are never touched.
 */
import fc from 'fast-check';
import type { APIResponse, BrowserContext } from '@playwright/test';
import { expect, test } from './support/security-fixture.ts';
import { callFormAction, findServerAction } from './support/server-actions.ts';
import { signedIn } from './support/signed-in.ts';
import { DEMO_ADMIN, DEMO_CLINICIANS, DEMO_PATIENTS } from '../../scripts/seed-demo.ts';
import { parseDayWindows } from '../../lib/core/schedule/weekly-hours-text.ts';

test.describe.configure({ mode: 'serial' });

const SEED = 20261204;
const RUNS = 1000;
const CONCURRENCY = 6;
const GENERIC_FAILURE = 'Something went wrong. Please try again.';

type Fields = Record<string, string>;
type Action = { id: string; page: string };

interface Outcome {
  /** ok:true, or a redirect (the success path of redirecting actions). */
  success: boolean;
  redirect: string | null;
}

/** What a response says, or a protocol violation. */
function readOutcome(res: APIResponse, text: string): Outcome | string {
  if (res.status() >= 500) {
    return `${res.status()} ${text.slice(0, 200)}`;
  }
  const redirect = res.headers()['x-action-redirect'] ?? null;
  if (redirect) {
    return { success: true, redirect };
  }
  if (res.status() !== 200) {
    return `unexpected ${res.status()} ${text.slice(0, 200)}`;
  }
  if (text.includes(GENERIC_FAILURE)) {
    return `unexpected exception (generic failure message): ${text.slice(0, 200)}`;
  }
  if (text.includes('"ok":true')) {
    return { success: true, redirect: null };
  }
  const failure = /"ok":false,"message":"([^"]*)"/.exec(text);
  if (!failure || failure[1]!.trim() === '') {
    return `not an action result: ${text.slice(0, 200)}`;
  }
  return { success: false, redirect: null };
}

/** Posts every body to the action (limited concurrency); collects outcomes and violations. */
async function fire(ctx: BrowserContext, baseUrl: string, action: Action, bodies: Fields[], opts: { page?: string; concurrency?: number } = {}) {
  const outcomes: Outcome[] = new Array(bodies.length);
  const violations: string[] = [];
  let next = 0;
  const lane = async () => {
    for (let i = next++; i < bodies.length; i = next++) {
      const res = await callFormAction(ctx.request, baseUrl, action, bodies[i]!, { page: opts.page });
      const outcome = readOutcome(res, await res.text());
      if (typeof outcome === 'string') {
        violations.push(`${action.page} ${JSON.stringify(bodies[i]).slice(0, 300)} → ${outcome}`);
        outcomes[i] = { success: false, redirect: null };
      } else {
        outcomes[i] = outcome;
      }
    }
  };
  const started = Date.now();
  await Promise.all(Array.from({ length: opts.concurrency ?? CONCURRENCY }, lane));
  console.log(`  ${action.page}: ${bodies.length} forms in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return { outcomes, violations, successes: outcomes.filter((o) => o.success).length };
}

// ---- generators: form fields are always strings ----
const nasty = fc.constantFrom('', ' ', '\u0000', 'a\u0000b', 'null', 'undefined', '[]', '{}', '<script>alert(1)</script>', "' OR 1=1 --", '../../etc/passwd', '%00', '\u202e', '😀'.repeat(30), 'x'.repeat(5000), '-1', '1e309', 'NaN', '0x10');
const text = fc.oneof({ weight: 3, arbitrary: fc.string({ maxLength: 40 }) }, { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 30 }) }, { weight: 2, arbitrary: nasty });
const uuidish = (...known: string[]) => fc.oneof(fc.uuid(), ...(known.length > 0 ? [fc.constantFrom(...known)] : []), text);
const isoish = fc.oneof(
  fc.date({ min: new Date('1900-01-01'), max: new Date('2200-01-01'), noInvalidDate: true }).map((d) => d.toISOString()),
  fc.integer({ min: 2, max: 60 }).chain((days) => fc.integer({ min: 0, max: 47 }).map((half) => slot(days, half))),
  fc.constantFrom('2026-13-45T25:61:00Z', '0000-00-00T00:00:00Z', '2026-02-30T10:00:00Z', '9999-12-31T23:59:59.999Z', '2026-03-08T02:30:00-05:00', '2027-01-01', '2027-01-01T10:00'),
  text,
);
const clock = fc.oneof(fc.integer({ min: 0, max: 23 }).chain((h) => fc.constantFrom(0, 15, 30, 45, 61).map((m) => `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`)), fc.constantFrom('24:00', '9', '9:5', '25:00', '12:00pm', '-01:00'), text);
const dayText = fc.oneof(fc.array(fc.tuple(clock, clock).map(([a, b]) => `${a}-${b}`), { maxLength: 3 }).map((w) => w.join(', ')), fc.constantFrom('', 'off', 'closed', '09:00-17:00', '17:00-09:00', '09:00-12:00, 11:00-14:00'), text);
const strongPassword = fc.string({ unit: fc.constantFrom(...'abcdefghjkmnpqrstuvwxyz23456789'), minLength: 8, maxLength: 12 }).map((s) => `Fz-${s}-Q9!`);
const emailish = fc.oneof(fc.emailAddress(), fc.integer({ min: 0, max: 1e9 }).map((n) => `fuzz.${n}@fuzz.example`), text);

/** A record over `fields` with any of them missing, plus sometimes stray extra fields. */
function form(fields: Record<string, fc.Arbitrary<string>>): fc.Arbitrary<Fields> {
  const body = fc.record(fields, { requiredKeys: [] }) as fc.Arbitrary<Fields>;
  return fc.oneof(
    { weight: 6, arbitrary: body },
    { weight: 1, arbitrary: fc.tuple(body, fc.dictionary(fc.string({ minLength: 1, maxLength: 10 }), text, { maxKeys: 3 })).map(([b, extra]) => ({ ...extra, ...b })) },
  );
}

const sample = <T>(arb: fc.Arbitrary<T>, offset: number) => fc.sample(arb, { seed: SEED + offset, numRuns: RUNS });

/** `days` days ahead at half-hour `half` (UTC), as the booking form sends it. */
function slot(days: number, half: number): string {
  const d = new Date(Date.now() + days * 86_400_000);
  d.setUTCHours(Math.floor(half / 2), (half % 2) * 30, 0, 0);
  return d.toISOString();
}

test('1,000 generated forms per public and patient action: well-formed results, no partial writes', async ({ sec, browser, ownerDb }) => {
  test.setTimeout(600_000);
  const violations: string[] = [];
  const t0 = Date.now();
  const identityCount = (sql: string) => ownerDb.count('identity', sql, [sec.demo.tenantId]);

  // Public: sign-up (no session) — every success is one patient and one account, nothing else.
  const anonymous = await browser.newContext({ baseURL: sec.baseUrl });
  const signUp = findServerAction('signUpPatientAction', 'app/patient/signup/actions.ts');
  const phone = fc.oneof(fc.stringMatching(/^\+1 \d{3} \d{3} \d{4}$/), text);
  const dob = fc.oneof(fc.date({ min: new Date('1901-01-01'), max: new Date('2020-01-01'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)), fc.constantFrom('2999-01-01', '1800-01-01', '2001-02-30', '01/02/1990'), text);
  const signUpBodies = sample(form({ clinic: fc.oneof(fc.constant('demo'), fc.constant('rival'), text), name: fc.oneof(fc.constant('Fuzz Patient'), text), email: emailish, phone, dateOfBirth: dob, password: fc.oneof(strongPassword, fc.constantFrom('password', 'short', 'Periodic-Demo-2026!'), text) }), 1);
  const patientsBefore = await ownerDb.count('identity', 'SELECT count(*) AS n FROM patients');
  const usersBefore = await ownerDb.count('identity', 'SELECT count(*) AS n FROM users');
  let r = await fire(anonymous, sec.baseUrl, signUp, signUpBodies);
  violations.push(...r.violations);
  expect(r.outcomes.filter((o) => o.success).every((o) => o.redirect?.includes('/signin?created=1')), 'sign-up success redirects to sign-in').toBe(true);
  expect((await ownerDb.count('identity', 'SELECT count(*) AS n FROM patients')) - patientsBefore, 'sign-up: patients = successes').toBe(r.successes);
  expect((await ownerDb.count('identity', 'SELECT count(*) AS n FROM users')) - usersBefore, 'sign-up: accounts = successes').toBe(r.successes);
  const signUps = r.successes;

  // Public: invite acceptance with made-up tokens — never an account.
  const accept = findServerAction('acceptInviteAction', 'app/invite/[token]/actions.ts');
  const usersMid = await ownerDb.count('identity', 'SELECT count(*) AS n FROM users');
  r = await fire(anonymous, sec.baseUrl, accept, sample(form({ token: fc.oneof(fc.base64String({ minLength: 10, maxLength: 60 }), text), name: text, email: emailish, password: fc.oneof(strongPassword, text) }), 2), { page: '/invite/x' });
  violations.push(...r.violations);
  expect(r.successes, 'no made-up invite token is accepted').toBe(0);
  expect(await ownerDb.count('identity', 'SELECT count(*) AS n FROM users'), 'invite acceptance: no account').toBe(usersMid);
  await anonymous.close();

  // Patient Maria: booking. A resource of her clinic open all week is the target most slots hit.
  const maria = await signedIn(browser, sec.baseUrl, DEMO_PATIENTS[0]!.email);
  const api = { authorization: `Bearer ${sec.demo.apiKey}` };
  const created = await maria.request.post(`${sec.baseUrl}/api/v1/resources`, { headers: api, data: { label: 'Action fuzz target', time_zone: 'UTC', visit_minutes: 30 } });
  expect(created.status()).toBe(201);
  const fuzzResource = ((await created.json()) as { id: string }).id;
  const rules = [0, 1, 2, 3, 4, 5, 6].map((weekday) => ({ weekday, start_minute: 0, end_minute: 1440 }));
  expect((await maria.request.put(`${sec.baseUrl}/api/v1/resources/${fuzzResource}/availability`, { headers: api, data: { rules, exceptions: [] } })).status()).toBe(200);
  const book = findServerAction('bookSlotAction', 'app/patient/book/actions.ts');
  const othersBefore = await ownerDb.query<{ id: string; status: string; starts_at: Date }>('core', 'SELECT id, status, starts_at FROM appointments WHERE tenant_id = $1 AND token_id <> $2 ORDER BY id', [sec.demo.tenantId, sec.demo.mariaToken]);
  const mine = () => ownerDb.count('core', 'SELECT count(*) AS n FROM appointments WHERE tenant_id = $1 AND token_id = $2', [sec.demo.tenantId, sec.demo.mariaToken]);
  const mineBefore = await mine();
  r = await fire(maria, sec.baseUrl, book, sample(form({ resourceId: uuidish(fuzzResource, fuzzResource, sec.demo.riveraResourceId, sec.rival.resourceId), startsAt: isoish }), 3));
  violations.push(...r.violations);
  expect(r.successes, 'some generated bookings are valid and succeed').toBeGreaterThan(0);
  expect((await mine()) - mineBefore, 'booking: Maria’s visits = successes').toBe(r.successes);
  const booked = r.outcomes.map((o) => /\/patient\/visits\/([0-9a-f-]{36})/.exec(o.redirect ?? '')?.[1]).filter((id): id is string => Boolean(id));
  expect(booked.length).toBe(r.successes);

  // Rescheduling: her own visit may move (ending at one accepted time); nobody else's.
  const target = booked[0]!;
  const reschedule = findServerAction('rescheduleVisitAction', 'app/patient/visits/[id]/actions.ts');
  const original = (await ownerDb.query<{ starts_at: Date }>('core', 'SELECT starts_at FROM appointments WHERE id = $1', [target]))[0]!.starts_at;
  const rescheduleBodies = sample(form({ appointmentId: uuidish(target, target, sec.demo.jamesAppointmentId, sec.rival.appointmentId), startsAt: isoish }), 4);
  r = await fire(maria, sec.baseUrl, reschedule, rescheduleBodies, { page: `/patient/visits/${target}` });
  violations.push(...r.violations);
  const accepted = rescheduleBodies.filter((b, i) => r.outcomes[i]!.success && b.appointmentId === target).map((b) => new Date(b.startsAt!).getTime());
  const now = (await ownerDb.query<{ starts_at: Date }>('core', 'SELECT starts_at FROM appointments WHERE id = $1', [target]))[0]!.starts_at;
  expect([original.getTime(), ...accepted], 'the visit sits at one accepted time').toContain(now.getTime());
  const othersAfter = await ownerDb.query<{ id: string; status: string; starts_at: Date }>('core', 'SELECT id, status, starts_at FROM appointments WHERE tenant_id = $1 AND token_id <> $2 AND id IN (SELECT unnest($3::uuid[])) ORDER BY id', [sec.demo.tenantId, sec.demo.mariaToken, othersBefore.map((a) => a.id)]);
  expect(othersAfter, 'other patients’ visits are untouched').toEqual(othersBefore);
  await maria.close();

  console.log(`action fuzz (public + patient): ${RUNS * 4} forms in ${((Date.now() - t0) / 1000).toFixed(1)} s, ${signUps} sign-ups and ${booked.length} bookings accepted`);
  expect(await identityCount('SELECT count(*) AS n FROM patients WHERE tenant_id = $1')).toBeGreaterThan(0);
  expect(violations.slice(0, 20)).toEqual([]);
});

test('1,000 generated forms per clinician and admin action: well-formed results, no partial writes', async ({ sec, browser, ownerDb }) => {
  test.setTimeout(600_000);
  const violations: string[] = [];
  const t0 = Date.now();

  // Clinician Dr. Okafor: her own schedule only.
  const okafor = await signedIn(browser, sec.baseUrl, DEMO_CLINICIANS[1]!.email);
  const resourceId = (await ownerDb.query<{ resource_id: string }>('identity', "SELECT resource_id FROM users WHERE tenant_id = $1 AND role = 'clinician' AND resource_id IS NOT NULL AND resource_id <> $2 LIMIT 1", [sec.demo.tenantId, sec.demo.riveraResourceId]))[0]!.resource_id;
  const settings = () => ownerDb.query<{ visit_minutes: number; buffer_minutes: number; on_call: boolean }>('core', 'SELECT visit_minutes, buffer_minutes, on_call FROM resources WHERE id = $1', [resourceId]).then((rows) => rows[0]!);
  const visitSettings = findServerAction('saveVisitSettingsAction', 'app/clinician/availability/actions.ts');
  const number = fc.oneof(fc.integer({ min: -10, max: 600 }).map(String), fc.constantFrom('15', '30', '5.5', '1e2', ' 20 ', '0x1f'), text);
  const settingsBodies = sample(form({ visitMinutes: number, bufferMinutes: number, onCall: fc.oneof(fc.constant('on'), text) }), 11);
  const settingsBefore = await settings();
  let r = await fire(okafor, sec.baseUrl, visitSettings, settingsBodies);
  violations.push(...r.violations);
  const acceptedSettings = settingsBodies.filter((_, i) => r.outcomes[i]!.success).map((b) => ({ visit_minutes: Number(b.visitMinutes), buffer_minutes: Number(b.bufferMinutes), on_call: b.onCall === 'on' }));
  expect(acceptedSettings.length, 'some generated settings are valid').toBeGreaterThan(0);
  expect([settingsBefore, ...acceptedSettings], 'settings are one whole accepted form').toContainEqual(await settings());

  const ruleCount = () => ownerDb.count('core', 'SELECT count(*) AS n FROM availability_rules WHERE resource_id = $1', [resourceId]);
  const weekly = findServerAction('saveWeeklyHoursAction', 'app/clinician/availability/actions.ts');
  // A week is valid only when all seven days are: a quarter of the forms are built from valid days.
  const validDay = fc.constantFrom('', '09:00-17:00', '08:00-12:00, 13:00-17:30', '00:00-24:00', '7:30 - 11:15');
  const days = (day: fc.Arbitrary<string>) => Object.fromEntries([0, 1, 2, 3, 4, 5, 6].map((d) => [`day${d}`, day]));
  const weeklyBodies = sample(fc.oneof({ weight: 1, arbitrary: fc.record(days(validDay)) as fc.Arbitrary<Fields> }, { weight: 3, arbitrary: form(days(dayText)) }), 12);
  const rulesBefore = await ruleCount();
  r = await fire(okafor, sec.baseUrl, weekly, weeklyBodies);
  violations.push(...r.violations);
  const acceptedRuleCounts = weeklyBodies.filter((_, i) => r.outcomes[i]!.success).map((b) => [0, 1, 2, 3, 4, 5, 6].reduce((n, d) => n + parseDayWindows(b[`day${d}`] ?? '').length, 0));
  expect(acceptedRuleCounts.length, 'some generated weeks are valid').toBeGreaterThan(0);
  expect([rulesBefore, ...acceptedRuleCounts], 'weekly hours are one whole accepted form').toContain(await ruleCount());

  const exceptionCount = () => ownerDb.count('core', 'SELECT count(*) AS n FROM availability_exceptions WHERE resource_id = $1', [resourceId]);
  const addException = findServerAction('addExceptionAction', 'app/clinician/availability/actions.ts');
  const date = fc.oneof(fc.date({ min: new Date('2026-01-01'), max: new Date('2030-01-01'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)), fc.constantFrom('2026-02-30', '2026-13-01', '0000-00-00', '24/12/2026'), text);
  const exceptionsBefore = await exceptionCount();
  // Concurrent on purpose: each add is a read-modify-write of the whole list, serialised per schedule.
  r = await fire(okafor, sec.baseUrl, addException, sample(form({ date, kind: fc.oneof(fc.constantFrom('off', 'extra'), text), start: fc.oneof(clock, fc.constant('')), end: fc.oneof(clock, fc.constant('')) }), 13));
  violations.push(...r.violations);
  expect(r.successes, 'some generated exceptions are valid').toBeGreaterThan(0);
  expect((await exceptionCount()) - exceptionsBefore, 'exceptions: rows = successes').toBe(r.successes);

  const statusOf = () => ownerDb.query<{ id: string; status: string }>('core', 'SELECT a.id, a.status FROM appointments a WHERE a.resource_id <> $1 ORDER BY a.id', [resourceId]);
  const changeStatus = findServerAction('changeVisitStatusAction', 'app/clinician/schedule/actions.ts');
  const othersBefore = await statusOf();
  r = await fire(okafor, sec.baseUrl, changeStatus, sample(form({ appointmentId: uuidish(sec.demo.jamesAppointmentId, sec.rival.appointmentId), target: fc.oneof(fc.constantFrom('confirmed', 'cancelled', 'completed', 'no_show'), text) }), 14));
  violations.push(...r.violations);
  expect(r.successes, 'no visit of another schedule or clinic changes').toBe(0);
  expect(await statusOf(), 'other schedules’ visits are untouched').toEqual(othersBefore);
  await okafor.close();

  // Admin: API keys, endpoints (real SSRF policy), invites, replay windows.
  const admin = await signedIn(browser, sec.baseUrl, DEMO_ADMIN.email);
  const core = (sql: string) => ownerDb.count('core', sql, [sec.demo.tenantId]);
  const createKey = findServerAction('createApiKeyAction', 'app/admin/api-keys/actions.ts');
  const keysBefore = await core('SELECT count(*) AS n FROM api_keys WHERE tenant_id = $1');
  r = await fire(admin, sec.baseUrl, createKey, sample(form({ label: fc.oneof(fc.constant('fuzz key'), text) }), 21));
  violations.push(...r.violations);
  expect(r.successes).toBeGreaterThan(0);
  expect((await core('SELECT count(*) AS n FROM api_keys WHERE tenant_id = $1')) - keysBefore, 'API keys: rows = successes').toBe(r.successes);

  const createEndpoint = findServerAction('createEndpointAction', 'app/admin/webhooks/actions.ts');
  const host = fc.constantFrom('127.0.0.1', '10.0.0.1', '169.254.169.254', '[::1]', 'localhost', '0.0.0.0', '[::ffff:127.0.0.1]', '2130706433', 'hooks.invalid');
  const url = fc.oneof(fc.tuple(fc.constantFrom('http', 'https', 'ftp', 'file', 'gopher'), host, fc.string({ maxLength: 10 })).map(([s, h, p]) => `${s}://${h}/${encodeURIComponent(p)}`), fc.webUrl(), text);
  const endpointsBefore = await core('SELECT count(*) AS n FROM webhook_endpoints WHERE tenant_id = $1');
  r = await fire(admin, sec.baseUrl, createEndpoint, sample(form({ url, description: text, eventTypes: fc.oneof(fc.constantFrom('appointment.created', 'appointment.status.confirmed'), text) }), 22));
  violations.push(...r.violations);
  expect((await core('SELECT count(*) AS n FROM webhook_endpoints WHERE tenant_id = $1')) - endpointsBefore, 'endpoints: rows = successes').toBe(r.successes);

  const invite = findServerAction('inviteUserAction', 'app/admin/users/actions.ts');
  const invitesBefore = await ownerDb.count('identity', 'SELECT count(*) AS n FROM invites WHERE tenant_id = $1', [sec.demo.tenantId]);
  const resourcesBefore = await core('SELECT count(*) AS n FROM resources WHERE tenant_id = $1');
  const inviteBodies = sample(form({ role: fc.oneof(fc.constantFrom('admin', 'clinician', 'patient'), text), resourceId: uuidish('new', sec.demo.riveraResourceId, sec.rival.resourceId), label: text, timeZone: fc.oneof(fc.constantFrom('UTC', 'America/New_York', 'Mars/Olympus'), text) }), 23);
  r = await fire(admin, sec.baseUrl, invite, inviteBodies);
  violations.push(...r.violations);
  expect(r.successes).toBeGreaterThan(0);
  expect((await ownerDb.count('identity', 'SELECT count(*) AS n FROM invites WHERE tenant_id = $1', [sec.demo.tenantId])) - invitesBefore, 'invites: rows = successes').toBe(r.successes);
  const newResources = inviteBodies.filter((b, i) => r.outcomes[i]!.success && b.role === 'clinician' && (b.resourceId ?? 'new') === 'new').length;
  expect((await core('SELECT count(*) AS n FROM resources WHERE tenant_id = $1')) - resourcesBefore, 'a clinician invite for a new schedule creates one resource').toBe(newResources);

  const replay = findServerAction('replayWindowAction', 'app/admin/webhooks/actions.ts');
  const local = fc.oneof(fc.date({ min: new Date('2000-01-01'), max: new Date('2100-01-01'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 16)), isoish);
  const deliveriesBefore = await core('SELECT count(*) AS n FROM deliveries WHERE tenant_id = $1');
  r = await fire(admin, sec.baseUrl, replay, sample(form({ from: local, to: local, endpointId: uuidish(sec.rival.endpointId, '') }), 24));
  violations.push(...r.violations);
  expect(await core('SELECT count(*) AS n FROM deliveries WHERE tenant_id = $1'), 'replay resends existing deliveries, never adds').toBe(deliveriesBefore);
  await admin.close();

  console.log(`action fuzz (clinician + admin): ${RUNS * 8} forms in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  expect(violations.slice(0, 20)).toEqual([]);
});
