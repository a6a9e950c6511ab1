/**
 * The DB-backed slot service: DST correctness, viewer-zone labels, busy time and exceptions.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { createTestTenant } from '../../../test/support/test-tenant.ts';
import { bookAppointment } from '../appointments/book-appointment.ts';
import { createResource } from '../resources/create-resource.ts';
import { randomTokenId } from '../test-fixtures.ts';
import { getAvailability } from './get-availability.ts';
import { listSlots } from './list-slots.ts';
import { putAvailability } from './put-availability.ts';

let tenantId: string;
let resourceId: string;
// A fixed "now" before the DST week so the engine never drops the slots as past.
const now = new Date('2026-03-01T00:00:00Z');

beforeAll(async () => {
  tenantId = (await createTestTenant('slots')).id;
  resourceId = (await createResource(tenantId, { label: 'Dr. DST', timeZone: 'America/New_York', visitMinutes: 60 })).id;
  // 09:00–11:00 local every weekday; Mar 8 2026 is the US spring-forward Sunday.
  await putAvailability(tenantId, resourceId, {
    rules: [1, 2, 3, 4, 5].map((weekday) => ({ weekday, startMinute: 540, endMinute: 660 })),
    exceptions: [
      { date: '2026-03-10', kind: 'off', startMinute: null, endMinute: null },
      { date: '2026-03-08', kind: 'extra', startMinute: 600, endMinute: 660 },
    ],
  });
});

describe('listSlots', () => {
  it('keeps 09:00 local across the spring-forward change (UTC shifts by an hour)', async () => {
    const { slots } = await listSlots(tenantId, { resourceId, from: '2026-03-06T00:00:00Z', to: '2026-03-12T00:00:00Z' }, { now });
    const starts = slots.map((s) => s.startsAt.toISOString());
    expect(starts).toEqual([
      '2026-03-06T14:00:00.000Z', // Fri 09:00 EST (UTC-5)
      '2026-03-06T15:00:00.000Z',
      '2026-03-08T14:00:00.000Z', // Sun extra hours 10:00 EDT (UTC-4)
      '2026-03-09T13:00:00.000Z', // Mon 09:00 EDT
      '2026-03-09T14:00:00.000Z',
      // Tue Mar 10 is off
      '2026-03-11T13:00:00.000Z',
      '2026-03-11T14:00:00.000Z',
    ]);
  });

  it('labels slots in the viewer’s zone', async () => {
    const { slots, timeZone } = await listSlots(tenantId, { resourceId, from: '2026-03-09T00:00:00Z', to: '2026-03-10T00:00:00Z', tz: 'Europe/Berlin' }, { now });
    expect(timeZone).toBe('Europe/Berlin');
    expect(slots[0]?.label).toMatch(/2:00\s*–\s*3:00\sPM GMT\+1/);
  });

  it('hides a booked slot', async () => {
    const t = await createTestTenant('slots-busy');
    const r = (await createResource(t.id, { label: 'Dr. Busy', timeZone: 'UTC' })).id;
    await putAvailability(t.id, r, { rules: [0, 1, 2, 3, 4, 5, 6].map((weekday) => ({ weekday, startMinute: 600, endMinute: 720 })), exceptions: [] });
    const day = new Date(Date.now() + 3 * 86_400_000).toISOString().slice(0, 10);
    const range = { resourceId: r, from: `${day}T00:00:00Z`, to: `${day}T23:59:00Z` };
    const before = await listSlots(t.id, range);
    expect(before.slots).toHaveLength(4);
    await bookAppointment(t.id, { resourceId: r, tokenId: randomTokenId(), startsAt: before.slots[1]!.startsAt });
    const after = await listSlots(t.id, range);
    expect(after.slots.map((s) => s.startsAt.toISOString())).toEqual([0, 2, 3].map((i) => before.slots[i]!.startsAt.toISOString()));
  });

  it('round-trips availability and rejects a bad query', async () => {
    const availability = await getAvailability(tenantId, resourceId);
    expect(availability.rules).toHaveLength(5);
    expect(availability.exceptions.map((e) => e.date)).toEqual(['2026-03-08', '2026-03-10']);
    await expect(listSlots(tenantId, { resourceId, from: '2026-03-09T00:00:00Z', to: '2026-05-09T00:00:00Z' })).rejects.toThrow(/Invalid slot query/);
  });
});
