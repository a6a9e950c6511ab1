/**
 * Loads what the slot engine needs for one resource inside a transaction.
 */
import type { CoreTx } from '../../db/tenant-scope.ts';
import type { AvailabilityExceptionInput, BusyInterval, WeeklyRuleInput } from '../availability/index.ts';
import { findResourceOrThrow } from '../resources/get-resource.ts';
import type { ResourceView } from '../resources/resource-schemas.ts';

export interface LoadedSchedule {
  resource: ResourceView;
  rules: WeeklyRuleInput[];
  exceptions: AvailabilityExceptionInput[];
}

const DAY_MS = 86_400_000;

/** Resource, weekly rules and the exceptions that can touch [from, to) (±2 days for zones). */
export async function loadSchedule(tx: CoreTx, tenantId: string, resourceId: string, from: Date, to: Date): Promise<LoadedSchedule> {
  const resource = await findResourceOrThrow(tx, tenantId, resourceId);
  const [rules, exceptions] = await Promise.all([
    tx.availabilityRule.findMany({ where: { tenantId, resourceId }, select: { weekday: true, startMinute: true, endMinute: true } }),
    tx.availabilityException.findMany({
      where: { tenantId, resourceId, date: { gte: new Date(from.getTime() - 2 * DAY_MS), lte: new Date(to.getTime() + 2 * DAY_MS) } },
      select: { date: true, kind: true, startMinute: true, endMinute: true },
    }),
  ]);
  return {
    resource,
    rules,
    exceptions: exceptions.map((e) => ({ ...e, kind: e.kind === 'extra' ? 'extra' : 'off' })),
  };
}

/** Active (pending/confirmed) appointments of the resource reaching into [from - margin, to + margin). */
export async function loadBusy(tx: CoreTx, tenantId: string, resourceId: string, from: Date, to: Date, marginMinutes: number, excludeId?: string): Promise<BusyInterval[]> {
  const marginMs = marginMinutes * 60_000;
  return tx.appointment.findMany({
    where: {
      tenantId,
      resourceId,
      status: { in: ['pending', 'confirmed'] },
      startsAt: { lt: new Date(to.getTime() + marginMs) },
      endsAt: { gt: new Date(from.getTime() - marginMs) },
      ...(excludeId ? { id: { not: excludeId } } : {}),
    },
    select: { startsAt: true, endsAt: true },
  });
}
