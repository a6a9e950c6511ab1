/**
 * A patient's own visits, read from the core by their token. The token comes from the server
 * session — never from the client — so a patient can only ever see their own appointments.
 */
import { withCoreTenant } from '../db/tenant-scope.ts';
import { AppError } from '../errors/app-error.ts';
import type { SessionContext } from '../auth/session.ts';
import { VISIT_SELECT, withResourceLabels, type VisitRow } from './visit-row.ts';

const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function patientToken(ctx: SessionContext): string {
  if (ctx.role !== 'patient' || !ctx.tokenId) {
    throw new AppError('FORBIDDEN', 'Only patients have visits.');
  }
  return ctx.tokenId;
}

/** Upcoming (soonest first) and past (latest first) visits of the signed-in patient. */
export async function listPatientVisits(ctx: SessionContext, now = new Date()): Promise<{ upcoming: VisitRow[]; past: VisitRow[] }> {
  const tokenId = patientToken(ctx);
  return withCoreTenant(ctx.tenantId, async (tx) => {
    const appts = await tx.appointment.findMany({ where: { tenantId: ctx.tenantId, tokenId }, orderBy: { startsAt: 'asc' }, take: 200, select: VISIT_SELECT });
    const resourceIds = [...new Set(appts.map((a) => a.resourceId))];
    const resources = resourceIds.length
      ? await tx.resource.findMany({ where: { tenantId: ctx.tenantId, id: { in: resourceIds } }, select: { id: true, label: true, timeZone: true } })
      : [];
    const rows = withResourceLabels(appts, resources);
    return {
      upcoming: rows.filter((r) => r.endsAt > now),
      past: rows.filter((r) => r.endsAt <= now).reverse(),
    };
  });
}

/**
 * One visit of the signed-in patient, or null — also when the id belongs to someone else, so
 * another patient's appointment id reveals nothing (no IDOR, no existence oracle).
 */
export async function getPatientVisit(ctx: SessionContext, appointmentId: string): Promise<VisitRow | null> {
  const tokenId = patientToken(ctx);
  if (!UUID_RE.test(appointmentId)) {
    return null;
  }
  return withCoreTenant(ctx.tenantId, async (tx) => {
    const appt = await tx.appointment.findFirst({ where: { id: appointmentId, tenantId: ctx.tenantId, tokenId }, select: VISIT_SELECT });
    if (!appt) {
      return null;
    }
    const resource = await tx.resource.findFirst({ where: { id: appt.resourceId, tenantId: ctx.tenantId }, select: { id: true, label: true, timeZone: true } });
    return withResourceLabels([appt], resource ? [resource] : [])[0] ?? null;
  });
}
