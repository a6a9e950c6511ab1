/**
 * The appointment use-cases against real PostgreSQL: booking, the exclusion constraint under
 * concurrency, every illegal transition, reschedule, on-demand, patient rules, and the
 * transactional event guarantee (a rolled-back change leaves no event and no job behind).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import { randomUUID } from 'node:crypto';
import { sealEndpointSecret } from '../../webhooks/delivery/endpoint-secrets.ts';
import { generateWebhookSecret } from '../../webhooks/signature.ts';
import { createTestTenant } from '../../../test/support/test-tenant.ts';
import { withCoreTenant } from '../../db/tenant-scope.ts';
import { pgConfigFromUrl } from '../../db/pg-url.ts';
import { isAppError } from '../../errors/app-error.ts';
import { createOpenResource, eventTypesOf, futureSlot, randomTokenId, setAutoConfirm } from '../test-fixtures.ts';
import { APPOINTMENT_STATUSES, isTransitionAllowed, type AppointmentStatusName } from './appointment-status.ts';
import { bookAppointment } from './book-appointment.ts';
import { BOOKING_HORIZON_DAYS } from '../schedule/assert-bookable-slot.ts';
import { bookOnDemand } from './book-on-demand.ts';
import { cancelAppointment } from './cancel-appointment.ts';
import { changeAppointmentStatus, changeAppointmentStatusInTx, type TargetStatus } from './change-appointment-status.ts';
import { confirmAppointment } from './confirm-appointment.ts';
import { getAppointment } from './get-appointment.ts';
import { listAppointments } from './list-appointments.ts';
import { listAppointmentsForToken } from './list-appointments-for-token.ts';
import { rescheduleAppointment } from './reschedule-appointment.ts';

let tenant: { id: string };
let resourceId: string;

beforeAll(async () => {
  tenant = await createTestTenant('appts');
  resourceId = await createOpenResource(tenant.id);
});

async function errorOf(p: Promise<unknown>): Promise<{ code: string; reason?: unknown }> {
  try {
    await p;
  } catch (e) {
    if (isAppError(e)) {
      return { code: e.code, reason: e.details?.reason };
    }
    throw e;
  }
  throw new Error('expected an error');
}

describe('booking', () => {
  it('books a free slot as pending and writes appointment.created', async () => {
    const appt = await bookAppointment(tenant.id, { resourceId, tokenId: randomTokenId(), startsAt: futureSlot(3, 9) });
    expect(appt.status).toBe('pending');
    expect(appt.endsAt.getTime() - appt.startsAt.getTime()).toBe(30 * 60_000);
    expect(await eventTypesOf(tenant.id, appt.id)).toEqual(['appointment.created']);
  });

  it('refuses off-grid and past starts', async () => {
    expect(await errorOf(bookAppointment(tenant.id, { resourceId, tokenId: randomTokenId(), startsAt: futureSlot(3, 9, 10) }))).toEqual({ code: 'UNPROCESSABLE', reason: 'not_a_slot' });
    expect(await errorOf(bookAppointment(tenant.id, { resourceId, tokenId: randomTokenId(), startsAt: futureSlot(-1, 9) }))).toEqual({ code: 'UNPROCESSABLE', reason: 'not_a_slot' });
  });

  it('refuses starts beyond the booking horizon, up to the last representable date (found by the action fuzz)', async () => {
    for (const startsAt of [futureSlot(BOOKING_HORIZON_DAYS + 1, 9), new Date('9999-12-31T23:30:00Z')]) {
      expect(await errorOf(bookAppointment(tenant.id, { resourceId, tokenId: randomTokenId(), startsAt }))).toEqual({ code: 'UNPROCESSABLE', reason: 'beyond_horizon' });
    }
    const booked = await bookAppointment(tenant.id, { resourceId, tokenId: randomTokenId(), startsAt: futureSlot(3, 11) });
    expect(await errorOf(rescheduleAppointment(tenant.id, booked.id, new Date('9999-12-31T23:30:00Z')))).toEqual({ code: 'UNPROCESSABLE', reason: 'beyond_horizon' });
  });

  it('auto-confirm writes created and confirmed events in order', async () => {
    const t = await createTestTenant('auto');
    const r = await createOpenResource(t.id);
    await setAutoConfirm(t.id, true);
    const appt = await bookAppointment(t.id, { resourceId: r, tokenId: randomTokenId(), startsAt: futureSlot(2, 11) });
    expect(appt.status).toBe('confirmed');
    expect(await eventTypesOf(t.id, appt.id)).toEqual(['appointment.created', 'appointment.status.confirmed']);
  });

  it('lets exactly one of 25 truly concurrent bookings of one slot succeed', async () => {
    const startsAt = futureSlot(5, 14);
    const results = await Promise.allSettled(
      Array.from({ length: 25 }, () => bookAppointment(tenant.id, { resourceId, tokenId: randomTokenId(), startsAt })),
    );
    const ok = results.filter((r) => r.status === 'fulfilled');
    const failed = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(ok).toHaveLength(1);
    expect(failed).toHaveLength(24);
    for (const f of failed) {
      expect(isAppError(f.reason) && f.reason.code === 'CONFLICT' && f.reason.details?.reason === 'slot_taken').toBe(true);
    }
    const rows = await withCoreTenant(tenant.id, (tx) => tx.appointment.count({ where: { resourceId, startsAt } }));
    expect(rows).toBe(1);
  });

  it('frees the slot on cancel so it can be booked again', async () => {
    const startsAt = futureSlot(6, 10);
    const first = await bookAppointment(tenant.id, { resourceId, tokenId: randomTokenId(), startsAt });
    await cancelAppointment(tenant.id, first.id);
    const second = await bookAppointment(tenant.id, { resourceId, tokenId: randomTokenId(), startsAt });
    expect(second.id).not.toBe(first.id);
  });
});

describe('lifecycle', () => {
  /** Drives a fresh appointment into `status` (an on-demand visit has already started). */
  async function appointmentIn(status: AppointmentStatusName, t: { id: string }, r: string): Promise<string> {
    const startsAt = new Date(Date.now() - 60 * 60_000);
    const id = await withCoreTenant(t.id, async (tx) => (await tx.appointment.create({ data: { tenantId: t.id, resourceId: r, tokenId: randomTokenId(), startsAt, endsAt: new Date(startsAt.getTime() + 1000 * Math.floor(Math.random() * 1000) + 1000), status: 'pending' } })).id);
    const path: Record<AppointmentStatusName, TargetStatus[]> = {
      pending: [],
      confirmed: ['confirmed'],
      cancelled: ['cancelled'],
      completed: ['confirmed', 'completed'],
      no_show: ['confirmed', 'no_show'],
    };
    for (const step of path[status]) {
      await changeAppointmentStatus(t.id, id, step);
    }
    return id;
  }

  it('refuses every illegal transition with CONFLICT and changes nothing', async () => {
    const t = await createTestTenant('illegal');
    const targets: TargetStatus[] = ['confirmed', 'cancelled', 'completed', 'no_show'];
    let checked = 0;
    for (const from of APPOINTMENT_STATUSES) {
      for (const to of targets) {
        if (isTransitionAllowed(from, to)) {
          continue;
        }
        // Separate resource per case: terminal rows would otherwise never block, active ones would.
        const r = await createOpenResource(t.id);
        const id = await appointmentIn(from, t, r);
        const before = await getAppointment(t.id, id);
        const eventsBefore = await eventTypesOf(t.id, id);
        expect(await errorOf(changeAppointmentStatus(t.id, id, to)), `${from} → ${to}`).toEqual({ code: 'CONFLICT', reason: 'illegal_transition' });
        const after = await getAppointment(t.id, id);
        expect(after.status).toBe(from);
        expect(after.version).toBe(before.version);
        expect(await eventTypesOf(t.id, id)).toEqual(eventsBefore);
        checked += 1;
      }
    }
    // pending→completed, pending→no_show, and 4 each from cancelled/completed/no_show, confirmed→confirmed
    expect(checked).toBe(15);
  });

  it('allows every legal transition and writes its event', async () => {
    const t = await createTestTenant('legal');
    const r = await createOpenResource(t.id);
    const done = await appointmentIn('completed', t, r);
    expect(await eventTypesOf(t.id, done)).toEqual(['appointment.status.confirmed', 'appointment.status.completed']);
    const r2 = await createOpenResource(t.id);
    const noShow = await appointmentIn('no_show', t, r2);
    expect((await getAppointment(t.id, noShow)).status).toBe('no_show');
  });

  it('refuses to complete a visit before it starts', async () => {
    const appt = await bookAppointment(tenant.id, { resourceId, tokenId: randomTokenId(), startsAt: futureSlot(4, 8) });
    await confirmAppointment(tenant.id, appt.id);
    expect(await errorOf(changeAppointmentStatus(tenant.id, appt.id, 'completed'))).toEqual({ code: 'UNPROCESSABLE', reason: 'not_started' });
  });

  it('rolls back the event, its delivery and its job with a transaction that fails after the status update', async () => {
    // A dedicated tenant with one subscribed endpoint, so every event fans out to a delivery + job.
    const t = await createTestTenant('rollback');
    const r = await createOpenResource(t.id);
    // A real sealed secret: other suites (e.g. master-key rotation) read every endpoint's secret.
    const endpointId = randomUUID();
    await withCoreTenant(t.id, (tx) =>
      tx.webhookEndpoint.create({ data: { id: endpointId, tenantId: t.id, url: 'https://receiver.invalid/hook', secretEnc: sealEndpointSecret(endpointId, generateWebhookSecret()) } }),
    );
    const admin = new pg.Client(pgConfigFromUrl(process.env.TEST_CORE_ADMIN_URL!));
    await admin.connect();
    const counts = async () => {
      const jobs = await admin.query(`SELECT count(*)::int AS n FROM pgboss.job WHERE data->>'tenantId' = $1`, [t.id]);
      const deliveries = await admin.query(`SELECT count(*)::int AS n FROM deliveries WHERE tenant_id = $1`, [t.id]);
      const events = await admin.query(`SELECT count(*)::int AS n FROM events WHERE tenant_id = $1`, [t.id]);
      return { jobs: jobs.rows[0].n as number, deliveries: deliveries.rows[0].n as number, events: events.rows[0].n as number };
    };
    try {
      const appt = await bookAppointment(t.id, { resourceId: r, tokenId: randomTokenId(), startsAt: futureSlot(4, 12) });
      // Positive control: the committed booking wrote one event, one delivery and one job.
      const afterBooking = await counts();
      expect(afterBooking).toEqual({ jobs: 1, deliveries: 1, events: 1 });
      await expect(
        withCoreTenant(t.id, async (tx) => {
          await changeAppointmentStatusInTx(tx, t.id, appt.id, 'confirmed');
          expect(await tx.event.count({ where: { appointmentId: appt.id } })).toBe(2);
          throw new Error('boom after the status update');
        }),
      ).rejects.toThrow('boom');
      expect((await getAppointment(t.id, appt.id)).status).toBe('pending');
      expect(await eventTypesOf(t.id, appt.id)).toEqual(['appointment.created']);
      expect(await counts()).toEqual(afterBooking);
      // And the same change committed does produce its event, delivery and job.
      await confirmAppointment(t.id, appt.id);
      expect(await counts()).toEqual({ jobs: 2, deliveries: 2, events: 2 });
    } finally {
      await admin.end();
    }
  });
});

describe('reschedule', () => {
  it('keeps the id, moves the time and writes appointment.rescheduled', async () => {
    const appt = await bookAppointment(tenant.id, { resourceId, tokenId: randomTokenId(), startsAt: futureSlot(7, 9) });
    const moved = await rescheduleAppointment(tenant.id, appt.id, futureSlot(7, 15));
    expect(moved.id).toBe(appt.id);
    expect(moved.startsAt.toISOString()).toBe(futureSlot(7, 15).toISOString());
    expect(await eventTypesOf(tenant.id, appt.id)).toEqual(['appointment.created', 'appointment.rescheduled']);
  });

  it('re-checks overlap and refuses a taken slot', async () => {
    const taken = await bookAppointment(tenant.id, { resourceId, tokenId: randomTokenId(), startsAt: futureSlot(8, 9) });
    const appt = await bookAppointment(tenant.id, { resourceId, tokenId: randomTokenId(), startsAt: futureSlot(8, 10) });
    expect(await errorOf(rescheduleAppointment(tenant.id, appt.id, taken.startsAt))).toEqual({ code: 'CONFLICT', reason: 'slot_taken' });
    expect((await getAppointment(tenant.id, appt.id)).startsAt.toISOString()).toBe(futureSlot(8, 10).toISOString());
  });

  it('refuses to move a cancelled visit', async () => {
    const appt = await bookAppointment(tenant.id, { resourceId, tokenId: randomTokenId(), startsAt: futureSlot(8, 12) });
    await cancelAppointment(tenant.id, appt.id);
    expect(await errorOf(rescheduleAppointment(tenant.id, appt.id, futureSlot(8, 13)))).toEqual({ code: 'CONFLICT', reason: 'illegal_transition' });
  });
});

describe('patient rules', () => {
  it('hides other patients’ visits, forbids confirming, and enforces the cut-off', async () => {
    const token = randomTokenId();
    const appt = await bookAppointment(tenant.id, { resourceId, tokenId: token, startsAt: futureSlot(9, 9) });
    const stranger = { kind: 'patient' as const, tokenId: randomTokenId() };
    expect(await errorOf(getAppointment(tenant.id, appt.id, stranger))).toEqual({ code: 'NOT_FOUND', reason: undefined });
    expect(await errorOf(cancelAppointment(tenant.id, appt.id, { actor: stranger }))).toEqual({ code: 'NOT_FOUND', reason: undefined });
    const me = { kind: 'patient' as const, tokenId: token };
    expect((await errorOf(confirmAppointment(tenant.id, appt.id, { actor: me }))).code).toBe('FORBIDDEN');
    const lateNow = new Date(appt.startsAt.getTime() - 60 * 60_000); // 60 min before; default cut-off 120
    expect(await errorOf(cancelAppointment(tenant.id, appt.id, { actor: me, now: lateNow }))).toEqual({ code: 'UNPROCESSABLE', reason: 'cutoff_passed' });
    expect((await cancelAppointment(tenant.id, appt.id, { actor: me })).status).toBe('cancelled');
    const mine = await listAppointmentsForToken(tenant.id, token, { when: 'upcoming' });
    expect(mine.map((a) => a.id)).toEqual([appt.id]);
  });

  it('a clinician only sees their own resource’s visits', async () => {
    const appt = await bookAppointment(tenant.id, { resourceId, tokenId: randomTokenId(), startsAt: futureSlot(9, 11) });
    const other = await createOpenResource(tenant.id);
    expect((await errorOf(confirmAppointment(tenant.id, appt.id, { actor: { kind: 'clinician', resourceId: other } }))).code).toBe('NOT_FOUND');
    expect((await confirmAppointment(tenant.id, appt.id, { actor: { kind: 'clinician', resourceId } })).status).toBe('confirmed');
  });
});

describe('on-demand', () => {
  it('books the first free on-call clinician now, then says nobody is available', async () => {
    const t = await createTestTenant('ondemand');
    const a = await createOpenResource(t.id, { label: 'A on call', onCall: true });
    const b = await createOpenResource(t.id, { label: 'B on call', onCall: true });
    await createOpenResource(t.id, { label: 'C off call', onCall: false });
    const first = await bookOnDemand(t.id, randomTokenId());
    expect(first.resourceId).toBe(a);
    expect(first.status).toBe('confirmed');
    expect(first.kind).toBe('on_demand');
    expect(await eventTypesOf(t.id, first.id)).toEqual(['appointment.created', 'appointment.status.confirmed']);
    const second = await bookOnDemand(t.id, randomTokenId());
    expect(second.resourceId).toBe(b);
    expect(await errorOf(bookOnDemand(t.id, randomTokenId()))).toEqual({ code: 'UNPROCESSABLE', reason: 'nobody_available' });
  });
});

describe('listing', () => {
  it('pages through appointments with a cursor and filters', async () => {
    const t = await createTestTenant('list');
    const r = await createOpenResource(t.id);
    const token = randomTokenId();
    for (let h = 8; h < 13; h += 1) {
      await bookAppointment(t.id, { resourceId: r, tokenId: token, startsAt: futureSlot(3, h) });
    }
    const page1 = await listAppointments(t.id, { limit: 2 });
    const page2 = await listAppointments(t.id, { limit: 2, cursor: page1.nextCursor! });
    const page3 = await listAppointments(t.id, { limit: 2, cursor: page2.nextCursor! });
    expect([...page1.items, ...page2.items, ...page3.items].map((a) => a.startsAt.getUTCHours())).toEqual([8, 9, 10, 11, 12]);
    expect(page3.nextCursor).toBeNull();
    expect((await listAppointments(t.id, { status: 'confirmed' })).items).toHaveLength(0);
    expect((await listAppointments(t.id, { tokenId: token, from: futureSlot(3, 10) })).items).toHaveLength(3);
  });
});
