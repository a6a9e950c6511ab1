/** Creates a patient record (PHI encrypted per field) and its token in one step. */
import type { IdentityTx } from '../db/tenant-scope.ts';
import { loadTenantKeys } from './tenant-keys.ts';
import { emailIndex, sealPhi } from './phi-fields.ts';
import { mintTokenId } from './token-id.ts';
import { ZPatientIdentity, type TPatientIdentity } from './patient-schemas.ts';

export interface CreatedPatient {
  id: string;
  tokenId: string;
}

/** Thrown when a patient with this email already exists in the tenant. */
export class DuplicatePatientError extends Error {
  constructor() {
    super('a patient with this email already exists');
    this.name = 'DuplicatePatientError';
  }
}

/** Inserts the patient; the email must be unique per tenant (enforced on its blind index). */
export async function createPatient(tx: IdentityTx, tenantId: string, input: TPatientIdentity): Promise<CreatedPatient> {
  const data = ZPatientIdentity.parse(input);
  const keys = await loadTenantKeys(tx, tenantId);
  const bidx = emailIndex(keys, data.email);
  const existing = await tx.patient.findFirst({ where: { tenantId, emailBidx: bidx }, select: { id: true } });
  if (existing) {
    throw new DuplicatePatientError();
  }
  const row = await tx.patient.create({
    data: {
      tenantId,
      tokenId: mintTokenId(),
      emailBidx: bidx,
      nameEnc: sealPhi(keys, 'patient.name', data.name),
      emailEnc: sealPhi(keys, 'patient.email', data.email.trim()),
      phoneEnc: sealPhi(keys, 'patient.phone', data.phone),
      dobEnc: sealPhi(keys, 'patient.dob', data.dateOfBirth),
    },
    select: { id: true, tokenId: true },
  });
  return row;
}
