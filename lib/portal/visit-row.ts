/** The shape portal pages render for one appointment (ids, times, status, provider label). */
export interface VisitRow {
  id: string;
  resourceId: string;
  resourceLabel: string;
  timeZone: string;
  status: string;
  startsAt: Date;
  endsAt: Date;
}

export const VISIT_SELECT = { id: true, resourceId: true, status: true, startsAt: true, endsAt: true } as const;

/** Joins resource labels onto appointments (one query for all resources involved). */
export function withResourceLabels(
  appointments: Array<{ id: string; resourceId: string; status: string; startsAt: Date; endsAt: Date }>,
  resources: Array<{ id: string; label: string; timeZone: string }>,
): VisitRow[] {
  const byId = new Map(resources.map((r) => [r.id, r]));
  return appointments.map((a) => ({
    ...a,
    resourceLabel: byId.get(a.resourceId)?.label ?? 'Clinician',
    timeZone: byId.get(a.resourceId)?.timeZone ?? 'UTC',
  }));
}
