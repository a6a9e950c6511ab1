/**
 * Free slots of one resource for a date range, labelled in the viewer's time zone.
 */
import { withCoreTenant } from '../../db/tenant-scope.ts';
import { AppError } from '../../errors/app-error.ts';
import { computeSlots, formatSlotForViewer, ZSlotQuery, type TSlotQuery } from '../availability/index.ts';
import type { ResourceView } from '../resources/resource-schemas.ts';
import { loadBusy, loadSchedule } from './load-schedule.ts';

export interface SlotView {
  startsAt: Date;
  endsAt: Date;
  /** Human label in the viewer's zone (e.g. "Mon, Mar 9, 2026, 9:00 – 9:30 AM EDT"). */
  label: string;
}

export interface SlotList {
  resource: ResourceView;
  timeZone: string;
  slots: SlotView[];
}

/**
 * Lists bookable slots in [from, to) (at most 31 days): weekly hours and exceptions in the
 * resource's zone minus active appointments (with buffer), never in the past. `tz` (default: the
 * resource's zone) only changes the labels; instants are UTC. An inactive resource has no slots.
 */
export async function listSlots(tenantId: string, query: TSlotQuery, opts: { now?: Date } = {}): Promise<SlotList> {
  const parsed = ZSlotQuery.safeParse(query);
  if (!parsed.success) {
    throw new AppError('BAD_REQUEST', 'Invalid slot query', { issues: parsed.error.issues });
  }
  const from = new Date(parsed.data.from);
  const to = new Date(parsed.data.to);
  return withCoreTenant(tenantId, async (tx) => {
    const schedule = await loadSchedule(tx, tenantId, parsed.data.resourceId, from, to);
    const { resource } = schedule;
    const viewerZone = parsed.data.tz ?? resource.timeZone;
    if (!resource.active) {
      return { resource, timeZone: viewerZone, slots: [] };
    }
    const busy = await loadBusy(tx, tenantId, resource.id, from, to, resource.bufferMinutes + resource.visitMinutes);
    const slots = computeSlots({ ...schedule, resource, busy, from, to, now: opts.now });
    return {
      resource,
      timeZone: viewerZone,
      slots: slots.map((slot) => ({ ...slot, label: formatSlotForViewer(slot, viewerZone) })),
    };
  });
}
