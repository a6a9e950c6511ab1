/**
 * Concurrent edits of one schedule: whole replacements never mix, and read-modify-write edits
 * (the clinician's "add an exception") never lose one another.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { createTestTenant } from '../../../test/support/test-tenant.ts';
import { createResource } from '../resources/create-resource.ts';
import { getAvailability } from './get-availability.ts';
import { putAvailability } from './put-availability.ts';
import { updateAvailability } from './update-availability.ts';

let tenantId: string;

beforeAll(async () => {
  tenantId = (await createTestTenant('avail')).id;
});

const newResource = async () => (await createResource(tenantId, { label: 'Dr. Concurrent', timeZone: 'UTC', visitMinutes: 30 })).id;

describe('availability under concurrency', () => {
  it('20 concurrent replacements leave exactly one of them, never a mix', async () => {
    const resourceId = await newResource();
    // Replacement i has i + 1 rules, so the final rule count names the one that won.
    const bodies = Array.from({ length: 20 }, (_, i) => ({
      rules: Array.from({ length: i + 1 }, (_, k) => ({ weekday: k % 7, startMinute: 60 * Math.floor(k / 7), endMinute: 60 * Math.floor(k / 7) + 30 })),
      exceptions: [{ date: `2027-01-${String(i + 1).padStart(2, '0')}`, kind: 'off' as const, startMinute: null, endMinute: null }],
    }));
    await Promise.all(bodies.map((b) => putAvailability(tenantId, resourceId, b)));
    const final = await getAvailability(tenantId, resourceId);
    expect(final.exceptions).toHaveLength(1);
    const winner = Number(final.exceptions[0]!.date.slice(8, 10)) - 1;
    expect(final.rules).toHaveLength(winner + 1);
  });

  it('15 concurrent "add an exception" edits keep all 15', async () => {
    const resourceId = await newResource();
    await Promise.all(
      Array.from({ length: 15 }, (_, i) =>
        updateAvailability(tenantId, resourceId, (current) => ({ rules: current.rules, exceptions: [...current.exceptions, { date: `2027-02-${String(i + 1).padStart(2, '0')}`, kind: 'off', startMinute: null, endMinute: null }] })),
      ),
    );
    expect((await getAvailability(tenantId, resourceId)).exceptions).toHaveLength(15);
  });

  it('an invalid result of the edit changes nothing', async () => {
    const resourceId = await newResource();
    await putAvailability(tenantId, resourceId, { rules: [{ weekday: 1, startMinute: 540, endMinute: 600 }], exceptions: [] });
    await expect(updateAvailability(tenantId, resourceId, (current) => ({ ...current, rules: [...current.rules, { weekday: 9, startMinute: 0, endMinute: 10 }] }))).rejects.toThrow();
    expect((await getAvailability(tenantId, resourceId)).rules).toEqual([{ weekday: 1, startMinute: 540, endMinute: 600 }]);
  });
});
