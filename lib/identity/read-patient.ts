/** Decrypting reads of patient records. Callers audit reads (lib/audit). */
import type { IdentityTx } from '../db/tenant-scope.ts';
import { loadTenantKeys } from './tenant-keys.ts';
import { openPhi } from './phi-fields.ts';
import type { TPatientIdentity } from './patient-schemas.ts';

export interface PatientRecord extends TPatientIdentity {
  id: string;
  tokenId: string;
}

const patientSelect = { id: true, tokenId: true, nameEnc: true, emailEnc: true, phoneEnc: true, dobEnc: true } as const;

function decrypt(keys: Awaited<ReturnType<typeof loadTenantKeys>>, row: { id: string; tokenId: string; nameEnc: string; emailEnc: string; phoneEnc: string; dobEnc: string }): PatientRecord {
  return {
    id: row.id,
    tokenId: row.tokenId,
    name: openPhi(keys, 'patient.name', row.nameEnc),
    email: openPhi(keys, 'patient.email', row.emailEnc),
    phone: openPhi(keys, 'patient.phone', row.phoneEnc),
    dateOfBirth: openPhi(keys, 'patient.dob', row.dobEnc),
  };
}

/** The patient with this id in the tenant, decrypted; null if absent (or another tenant's). */
export async function readPatient(tx: IdentityTx, tenantId: string, patientId: string): Promise<PatientRecord | null> {
  const row = await tx.patient.findFirst({ where: { id: patientId, tenantId }, select: patientSelect });
  return row ? decrypt(await loadTenantKeys(tx, tenantId), row) : null;
}

/** Display names for a set of tokens (clinician schedule view): token → name. */
export async function resolvePatientNames(tx: IdentityTx, tenantId: string, tokenIds: string[]): Promise<Map<string, string>> {
  if (tokenIds.length === 0) {
    return new Map();
  }
  const rows = await tx.patient.findMany({ where: { tenantId, tokenId: { in: tokenIds } }, select: { tokenId: true, nameEnc: true } });
  const keys = await loadTenantKeys(tx, tenantId);
  return new Map(rows.map((r) => [r.tokenId, openPhi(keys, 'patient.name', r.nameEnc)]));
}
