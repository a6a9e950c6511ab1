/** The signed-in patient's own record (decrypted), for the profile page. Audited as a read. */
import { withIdentityTenant } from '../db/tenant-scope.ts';
import { readPatient, type PatientRecord } from '../identity/read-patient.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { AppError } from '../errors/app-error.ts';
import type { SessionContext } from '../auth/session.ts';

/** Reads the caller's patient record; FORBIDDEN for non-patients. */
export async function readOwnPatientProfile(ctx: SessionContext): Promise<PatientRecord> {
  if (ctx.role !== 'patient' || !ctx.patientId) {
    throw new AppError('FORBIDDEN', 'Only patients have a patient profile.');
  }
  const patientId = ctx.patientId;
  return withIdentityTenant(ctx.tenantId, async (tx) => {
    const record = await readPatient(tx, ctx.tenantId, patientId);
    if (!record) {
      throw new AppError('NOT_FOUND', 'Profile not found.');
    }
    await recordAudit(tx, { tenantId: ctx.tenantId, actorUserId: ctx.userId, actorRole: ctx.role, action: 'patient.read', targetType: 'patient', targetId: patientId, metadata: { view: 'own_profile' } });
    return record;
  });
}
