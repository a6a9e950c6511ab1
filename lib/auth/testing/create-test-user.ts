/** Test support: creates a user of any role directly (as the seed does), returning its id. */
import { randomBytes } from 'node:crypto';
import { withIdentityTenant } from '../../db/tenant-scope.ts';
import { loadTenantKeys } from '../../identity/tenant-keys.ts';
import { emailIndex, sealPhi } from '../../identity/phi-fields.ts';
import { createPatient } from '../../identity/create-patient.ts';
import { hashPassword } from '../password.ts';
import type { Role } from '../roles.ts';

/** A random email on a reserved test domain. */
export function randomTestEmail(label = 'user'): string {
  return `${label}.${randomBytes(4).toString('hex')}@auth-tests.example`;
}

/** Inserts a user with `password` into `tenantId`. */
export async function createTestUser(tenantId: string, role: Role, email: string, password: string): Promise<string> {
  const passwordHash = await hashPassword(password);
  return withIdentityTenant(tenantId, async (tx) => {
    const keys = await loadTenantKeys(tx, tenantId);
    // Patient accounts must link to a patient record (check constraint users_patient_link).
    const patient = role === 'patient' ? await createPatient(tx, tenantId, { name: 'Test Patient', email, phone: '+1 555 0199', dateOfBirth: '1990-01-01' }) : null;
    const user = await tx.user.create({
      data: { tenantId, role, emailBidx: emailIndex(keys, email), emailEnc: sealPhi(keys, 'user.email', email), nameEnc: sealPhi(keys, 'user.name', `Test ${role}`), passwordHash, patientId: patient?.id },
      select: { id: true },
    });
    return user.id;
  });
}
