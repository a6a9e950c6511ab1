/**
 * Test-only helpers for core integration tests: a round-the-clock resource, tokens and times.
 * Lives beside the code it serves; imported only from *.test.ts files.
 */
import { randomBytes } from 'node:crypto';
import { withCoreTenant } from '../db/tenant-scope.ts';

/** A well-formed random patient token (the core never looks tokens up). */
export function randomTokenId(): string {
  return `tk_${randomBytes(18).toString('base64url')}`;
}

/** A resource open every day 00:00–24:00 in `timeZone`, 30-minute visits, no buffer. */
export async function createOpenResource(
  tenantId: string,
  opts: { label?: string; timeZone?: string; visitMinutes?: number; bufferMinutes?: number; onCall?: boolean } = {},
): Promise<string> {
  return withCoreTenant(tenantId, async (tx) => {
    const resource = await tx.resource.create({
      data: {
        tenantId,
        label: opts.label ?? `Clinician ${randomBytes(3).toString('hex')}`,
        timeZone: opts.timeZone ?? 'UTC',
        visitMinutes: opts.visitMinutes ?? 30,
        bufferMinutes: opts.bufferMinutes ?? 0,
        onCall: opts.onCall ?? false,
      },
    });
    await tx.availabilityRule.createMany({
      data: [0, 1, 2, 3, 4, 5, 6].map((weekday) => ({ tenantId, resourceId: resource.id, weekday, startMinute: 0, endMinute: 1440 })),
    });
    return resource.id;
  });
}

/** A slot start `days` days from now at hh:mm UTC (on the 30-minute grid of an open resource). */
export function futureSlot(days: number, hour: number, minute = 0): Date {
  const d = new Date();
  d.setUTCDate(d.getUTCDate() + days);
  d.setUTCHours(hour, minute, 0, 0);
  return d;
}

/** Sets the tenant's auto-confirm flag (the app role may update its own tenant row). */
export async function setAutoConfirm(tenantId: string, autoConfirm: boolean, cancelCutoffMinutes?: number): Promise<void> {
  await withCoreTenant(tenantId, (tx) => tx.tenant.update({ where: { id: tenantId }, data: { autoConfirm, ...(cancelCutoffMinutes === undefined ? {} : { cancelCutoffMinutes }) } }));
}

/** Event types written for one appointment, oldest first. */
export async function eventTypesOf(tenantId: string, appointmentId: string): Promise<string[]> {
  const rows = await withCoreTenant(tenantId, (tx) =>
    tx.event.findMany({ where: { appointmentId }, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }], select: { type: true } }),
  );
  return rows.map((r) => r.type);
}
