/**
 * Patient self sign-up: one identity transaction creates the encrypted patient record with its
 * token and the user account that signs in as it. Email is unique per tenant (blind index on
 * both tables), enforced by the database even under a race.
 */
import { z } from 'zod';
import { withIdentityTenant } from '../db/tenant-scope.ts';
import { createPatient, DuplicatePatientError } from '../identity/create-patient.ts';
import { ZPatientIdentity } from '../identity/patient-schemas.ts';
import { loadTenantKeys } from '../identity/tenant-keys.ts';
import { emailIndex, sealPhi } from '../identity/phi-fields.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { AppError } from '../errors/app-error.ts';
import { hashPassword } from './password.ts';
import { checkPasswordPolicy, PASSWORD_PROBLEM_MESSAGES } from './password-policy.ts';
import { resolveTenantBySlug } from './resolve-tenant.ts';

export const ZPatientSignup = ZPatientIdentity.extend({
  clinic: z.string().trim().min(1, 'Enter your clinic code').max(63),
  password: z.string().max(1024),
});
export type TPatientSignup = z.infer<typeof ZPatientSignup>;

/** Shown for a taken email; worded so it does not confirm that a particular person is a patient. */
export const SIGNUP_EMAIL_TAKEN = 'We could not create an account with this email. If you already have one, sign in instead.';

function isUniqueViolation(e: unknown): boolean {
  return (e as { code?: unknown })?.code === 'P2002';
}

/** Creates the patient and their account; throws AppError with fieldErrors on refusal. */
export async function signUpPatient(input: TPatientSignup): Promise<{ userId: string; tenantId: string; tenantSlug: string }> {
  const data = ZPatientSignup.parse(input);
  const problem = checkPasswordPolicy(data.password, { email: data.email });
  if (problem) {
    throw new AppError('BAD_REQUEST', 'Choose a stronger password.', { fieldErrors: { password: [PASSWORD_PROBLEM_MESSAGES[problem]] } });
  }
  const tenant = await resolveTenantBySlug(data.clinic);
  if (!tenant) {
    throw new AppError('BAD_REQUEST', 'Check your clinic code.', { fieldErrors: { clinic: ['We do not know this clinic code.'] } });
  }
  const passwordHash = await hashPassword(data.password);
  try {
    return await withIdentityTenant(tenant.id, async (tx) => {
      const keys = await loadTenantKeys(tx, tenant.id);
      const emailBidx = emailIndex(keys, data.email);
      if (await tx.user.findFirst({ where: { tenantId: tenant.id, emailBidx }, select: { id: true } })) {
        throw new DuplicatePatientError();
      }
      const patient = await createPatient(tx, tenant.id, { name: data.name, email: data.email, phone: data.phone, dateOfBirth: data.dateOfBirth });
      const user = await tx.user.create({
        data: {
          tenantId: tenant.id,
          role: 'patient',
          emailBidx,
          emailEnc: sealPhi(keys, 'user.email', data.email.trim()),
          nameEnc: sealPhi(keys, 'user.name', data.name),
          passwordHash,
          patientId: patient.id,
        },
        select: { id: true },
      });
      await recordAudit(tx, { tenantId: tenant.id, actorUserId: user.id, actorRole: 'patient', action: 'patient.signup', targetType: 'patient', targetId: patient.id });
      return { userId: user.id, tenantId: tenant.id, tenantSlug: tenant.slug };
    });
  } catch (e) {
    if (e instanceof DuplicatePatientError || isUniqueViolation(e)) {
      throw new AppError('CONFLICT', SIGNUP_EMAIL_TAKEN, { fieldErrors: { email: [SIGNUP_EMAIL_TAKEN] } });
    }
    throw e;
  }
}
