/**
 * Real patient traffic for the final PHI / link-token leak scan (checklist 1): a batch of patients
 * with random names, emails, phones and birth dates sign up through the portal's own sign-up
 * action over HTTP, sign in, and some book visits — slots through the booking form, and "see a
 * clinician now" visits that are confirmed at once, provisioned by the worker, whose join link is
 * revealed to the patient (the legitimate response) and consumed by joining. Every webhook body a
 * verify-side endpoint receives meanwhile is kept for the scan.
 * Positive control: each patient's profile page must show all four values back.
 */
import { startTestReceiver, type TestReceiver } from '../../../lib/webhooks/testing/test-receiver.ts';
import { demoApiClient, type ApiClient } from '../api-client.ts';
import type { Drill, VerifyContext } from '../drill.ts';
import { collectLinkToken, collectWebhookBody } from '../leak-collector.ts';
import { portalVisitor, type PortalVisitor } from '../portal-client.ts';
import { randomPatient, type GeneratedPatient } from '../phi/random-patient.ts';

/** What the traffic produced, for the scan and the report (counts only, no values). */
export interface PatientTraffic {
  patients: GeneratedPatient[];
  signedUp: number;
  profilesShowingAllValues: number;
  slotBookings: number;
  onDemandVisits: number;
  linksRevealed: number;
  linksConsumed: number;
  problems: string[];
}

let traffic: PatientTraffic | undefined;
let recorder: TestReceiver | undefined;

const SIGNUP = ['signUpPatientAction', 'app/patient/signup/actions.ts'] as const;
const BOOK = ['bookSlotAction', 'app/patient/book/actions.ts'] as const;
const NOW = ['seeClinicianNowAction', 'app/patient/book/actions.ts'] as const;
const REVEAL = ['revealJoinLinkAction', 'lib/video/actions/reveal-join-link-action.ts'] as const;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A free slot of one of the demo clinicians, `nth` free slot from 20 days ahead. */
async function freeSlot(api: ApiClient, resourceId: string, nth: number): Promise<string | undefined> {
  const from = new Date(Date.now() + 20 * 86_400_000);
  from.setUTCHours(0, 0, 0, 0);
  const to = new Date(from.getTime() + 14 * 86_400_000);
  const r = await api.call('GET', `/slots?resource_id=${resourceId}&from=${from.toISOString()}&to=${to.toISOString()}`);
  const slots = (r.json.slots as { starts_at: string }[] | undefined) ?? [];
  return slots[nth]?.starts_at;
}

/** Reveals the patient's join link once the worker has provisioned the room (it retries while it is being prepared). */
async function revealWhenReady(visitor: PortalVisitor, appointmentId: string): Promise<{ roomId: string; token: string } | undefined> {
  for (let i = 0; i < 60; i += 1) {
    const reply = await visitor.call(REVEAL[0], REVEAL[1], [{ appointmentId }], `/patient/visits/${appointmentId}`);
    const token = /"token":"([^"]+)"/.exec(reply.text)?.[1];
    const roomId = /"roomId":"([^"]+)"/.exec(reply.text)?.[1];
    if (token && roomId) {
      return { roomId, token };
    }
    await sleep(500);
  }
  return undefined;
}

async function onDemandVisit(visitor: PortalVisitor, api: ApiClient, t: PatientTraffic): Promise<void> {
  const booked = await visitor.action(NOW[0], NOW[1], {}, '/patient/book');
  const id = /\/patient\/visits\/([0-9a-f-]{36})/.exec(booked.redirect ?? '')?.[1];
  if (!id) {
    t.problems.push(`on-demand booking: HTTP ${booked.status}`);
    return;
  }
  t.onDemandVisits += 1;
  const link = await revealWhenReady(visitor, id);
  if (link) {
    t.linksRevealed += 1;
    collectLinkToken(link.token);
    const joined = await visitor.postJson(`/api/visit/${link.roomId}/join`, { token: link.token });
    t.linksConsumed += joined.status === 200 ? 1 : 0;
  } else {
    t.problems.push('join link never revealed');
  }
  // Frees the on-call clinician for the next patient (and revokes the visit's links).
  await api.call('POST', `/appointments/${id}/cancel`, {});
}

async function runTraffic({ stack, profile }: VerifyContext): Promise<PatientTraffic> {
  const api = await demoApiClient(stack.baseUrl);
  recorder = await startTestReceiver();
  const { createEndpoint } = await import('../../../lib/webhooks/endpoints/manage-endpoints.ts');
  await createEndpoint(api.tenantId, { url: recorder.url, description: 'verify: leak-scan recorder (all events)', eventTypes: [] });
  const resources = ((await api.call('GET', '/resources')).json.data as { id: string; label: string }[]).filter((r) => r.label.startsWith('Dr. '));
  const count = profile === 'full' ? 12 : 4;
  const t: PatientTraffic = { patients: [], signedUp: 0, profilesShowingAllValues: 0, slotBookings: 0, onDemandVisits: 0, linksRevealed: 0, linksConsumed: 0, problems: [] };
  for (let i = 0; i < count; i += 1) {
    const p = randomPatient();
    t.patients.push(p);
    const visitor = portalVisitor(stack.baseUrl);
    const signup = await visitor.action(SIGNUP[0], SIGNUP[1], { clinic: 'demo', ...p }, '/patient/signup');
    if (!signup.redirect?.includes('/signin?created=1')) {
      t.problems.push(`sign-up ${i}: HTTP ${signup.status}`);
      continue;
    }
    t.signedUp += 1;
    if (!(await visitor.signIn('demo', p.email, p.password))) {
      t.problems.push(`sign-in ${i} refused`);
      continue;
    }
    const profilePage = await visitor.get('/patient/profile');
    if ([p.name, p.email, p.phone, p.dateOfBirth].every((v) => profilePage.text.includes(v))) {
      t.profilesShowingAllValues += 1;
    }
    // Two of every three patients book: alternately a slot through the form and an on-demand visit.
    if (i % 3 === 0 && resources.length > 0) {
      const startsAt = await freeSlot(api, resources[i % resources.length]!.id, i);
      const booked = startsAt ? await visitor.action(BOOK[0], BOOK[1], { resourceId: resources[i % resources.length]!.id, startsAt }, '/patient/book') : undefined;
      t.slotBookings += booked?.redirect?.includes('/patient/visits/') ? 1 : 0;
    } else if (i % 3 === 1) {
      await onDemandVisit(visitor, api, t);
    }
  }
  return t;
}

/** The traffic of this run, generating it first if the drill did not run (e.g. VERIFY_ONLY). */
export async function ensurePatientTraffic(ctx: VerifyContext): Promise<PatientTraffic> {
  traffic ??= await runTraffic(ctx);
  return traffic;
}

/** Stops the recording endpoint and hands its bodies to the leak collector. */
export async function closeTrafficRecorder(): Promise<number> {
  if (!recorder) {
    return 0;
  }
  for (const r of recorder.requests) {
    collectWebhookBody('leak-scan recorder endpoint', r.body);
  }
  const n = recorder.requests.length;
  await recorder.close();
  recorder = undefined;
  return n;
}

export const patientTrafficDrill: Drill = {
  id: 'patient-traffic',
  title: 'Generated patients sign up, sign in, book and join through the real portal (traffic for the leak scan)',
  checklist: 1,
  async run(ctx) {
    const t = await ensurePatientTraffic(ctx);
    const ok = t.signedUp === t.patients.length && t.profilesShowingAllValues === t.signedUp && t.linksRevealed > 0 && t.linksConsumed === t.linksRevealed && t.problems.length === 0;
    return {
      ok,
      figure: `${t.signedUp} patients signed up over HTTP; ${t.slotBookings} slot + ${t.onDemandVisits} on-demand bookings; ${t.linksRevealed} links revealed, ${t.linksConsumed} consumed`,
      evidence: { generatedPatients: t.patients.length, signedUp: t.signedUp, profilesShowingAllValues: t.profilesShowingAllValues, slotBookings: t.slotBookings, onDemandVisits: t.onDemandVisits, linksRevealed: t.linksRevealed, linksConsumed: t.linksConsumed, problems: t.problems },
    };
  },
};
