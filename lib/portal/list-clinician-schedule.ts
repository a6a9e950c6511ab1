/**
 * A clinician's day: appointments of their own resource on one local date (in the resource's
 * time zone), with patient names resolved on the platform side from the tokens. Resolving names
 * is a read of patient records, so it is audited (count and tokens' appointment ids, no names).
 */
import { withCoreTenant, withIdentityTenant } from '../db/tenant-scope.ts';
import { resolvePatientNames } from '../identity/read-patient.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { AppError } from '../errors/app-error.ts';
import { addDaysToLocalDate, isValidLocalDate, localDateInZone, zonedWallTimeToUtc } from '../core/availability/index.ts';
import type { SessionContext } from '../auth/session.ts';

export interface ScheduleRow {
  id: string;
  status: string;
  startsAt: Date;
  endsAt: Date;
  patientName: string;
}

export interface ClinicianDay {
  linked: boolean;
  resourceLabel: string | null;
  timeZone: string;
  date: string;
  rows: ScheduleRow[];
}

/** The clinician's schedule for `date` (default: today in their zone). */
export async function listClinicianDay(ctx: SessionContext, date?: string, now = new Date()): Promise<ClinicianDay> {
  if (ctx.role !== 'clinician') {
    throw new AppError('FORBIDDEN', 'Only clinicians have a schedule.');
  }
  if (!ctx.resourceId) {
    return { linked: false, resourceLabel: null, timeZone: 'UTC', date: date ?? now.toISOString().slice(0, 10), rows: [] };
  }
  const resourceId = ctx.resourceId;
  const core = await withCoreTenant(ctx.tenantId, async (tx) => {
    const resource = await tx.resource.findFirst({ where: { id: resourceId, tenantId: ctx.tenantId }, select: { label: true, timeZone: true } });
    if (!resource) {
      return null;
    }
    const day = date && isValidLocalDate(date) ? date : localDateInZone(now, resource.timeZone);
    const start = zonedWallTimeToUtc(day, 0, resource.timeZone);
    const end = zonedWallTimeToUtc(addDaysToLocalDate(day, 1), 0, resource.timeZone);
    const appts = await tx.appointment.findMany({
      where: { tenantId: ctx.tenantId, resourceId, startsAt: { gte: start, lt: end } },
      orderBy: { startsAt: 'asc' },
      select: { id: true, status: true, startsAt: true, endsAt: true, tokenId: true },
    });
    return { resource, day, appts };
  });
  if (!core) {
    return { linked: false, resourceLabel: null, timeZone: 'UTC', date: date ?? now.toISOString().slice(0, 10), rows: [] };
  }
  const names = await withIdentityTenant(ctx.tenantId, async (tx) => {
    const tokens = [...new Set(core.appts.map((a) => a.tokenId))];
    const map = await resolvePatientNames(tx, ctx.tenantId, tokens);
    if (tokens.length > 0) {
      await recordAudit(tx, {
        tenantId: ctx.tenantId, actorUserId: ctx.userId, actorRole: ctx.role, action: 'patient.names_read',
        targetType: 'resource', targetId: resourceId, metadata: { date: core.day, patients: tokens.length },
      });
    }
    return map;
  });
  return {
    linked: true,
    resourceLabel: core.resource.label,
    timeZone: core.resource.timeZone,
    date: core.day,
    rows: core.appts.map((a) => ({ id: a.id, status: a.status, startsAt: a.startsAt, endsAt: a.endsAt, patientName: names.get(a.tokenId) ?? 'Unknown patient' })),
  };
}
