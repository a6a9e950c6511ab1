/**
 * Test fixture: a tenant with one clinician (user linked to a core resource), one patient (user
 * linked to a patient and its token), an outsider patient, and helpers to create appointments.
 * Writes through the app roles (RLS applies), like the demo seed.
 */
import { randomBytes } from 'node:crypto';
import { createTestTenant } from '../../../test/support/test-tenant.ts';
import { withCoreTenant, withIdentityTenant } from '../../db/tenant-scope.ts';
import { createPatient } from '../../identity/create-patient.ts';
import { emailIndex, sealPhi } from '../../identity/phi-fields.ts';
import { loadTenantKeys } from '../../identity/tenant-keys.ts';

export interface VisitFixture {
  tenantId: string;
  resourceId: string;
  clinicianUserId: string;
  patientUserId: string;
  patientTokenId: string;
  outsiderUserId: string;
  /** Creates an appointment for the fixture's patient and clinician (status confirmed by default). */
  createAppointment(opts?: { startsInMinutes?: number; minutes?: number; status?: 'pending' | 'confirmed' }): Promise<{ id: string; startsAt: Date; endsAt: Date }>;
  setAppointment(id: string, data: { status?: 'confirmed' | 'cancelled' | 'completed' | 'no_show'; startsAt?: Date; endsAt?: Date }): Promise<void>;
}

/** Creates the fixture in a fresh tenant. */
export async function createVisitFixture(label = 'video'): Promise<VisitFixture> {
  const tenant = await createTestTenant(label);
  const tenantId = tenant.id;
  const suffix = randomBytes(4).toString('hex');
  const resource = await withCoreTenant(tenantId, (tx) =>
    tx.resource.create({ data: { tenantId, label: 'Fixture clinician', timeZone: 'UTC', visitMinutes: 30 }, select: { id: true } }),
  );
  const users = await withIdentityTenant(tenantId, async (tx) => {
    const keys = await loadTenantKeys(tx, tenantId);
    const base = (role: 'patient' | 'clinician', email: string) => ({
      tenantId,
      role,
      emailBidx: emailIndex(keys, email),
      emailEnc: sealPhi(keys, 'user.email', email),
      nameEnc: sealPhi(keys, 'user.name', 'Fixture Person'),
      passwordHash: 'not-a-real-hash',
    });
    const clinician = await tx.user.create({ data: { ...base('clinician', `clin-${suffix}@fixture.test`), resourceId: resource.id } });
    // Distinctive names: leak scans look for every patient's name, and "Other Patient" matched prose
    // such as a test title "…another patient…" in the logs (a false positive of the verify scan).
    const patient = await createPatient(tx, tenantId, { name: 'Fenna Visitfixture', email: `pat-${suffix}@fixture.test`, phone: '+1 555 0199', dateOfBirth: '1980-01-01' });
    const patientUser = await tx.user.create({ data: { ...base('patient', `pat-${suffix}@fixture.test`), patientId: patient.id } });
    const other = await createPatient(tx, tenantId, { name: 'Otto Outsiderfixture', email: `oth-${suffix}@fixture.test`, phone: '+1 555 0198', dateOfBirth: '1981-01-01' });
    const outsider = await tx.user.create({ data: { ...base('patient', `oth-${suffix}@fixture.test`), patientId: other.id } });
    return { clinicianUserId: clinician.id, patientUserId: patientUser.id, patientTokenId: patient.tokenId, outsiderUserId: outsider.id };
  });
  let slot = 0;
  return {
    tenantId,
    resourceId: resource.id,
    ...users,
    async createAppointment(opts = {}) {
      // Distinct, non-overlapping one-minute slots a few minutes ahead (inside the join window):
      // the exclusion constraint forbids overlapping active appointments of one resource.
      slot += 1;
      const startsAt = new Date(Date.now() + (opts.startsInMinutes ?? 2) * 60_000 + slot * 65_000);
      const endsAt = new Date(startsAt.getTime() + (opts.minutes ?? 1) * 60_000);
      return withCoreTenant(tenantId, (tx) =>
        tx.appointment.create({
          data: { tenantId, resourceId: resource.id, tokenId: users.patientTokenId, status: opts.status ?? 'confirmed', startsAt, endsAt },
          select: { id: true, startsAt: true, endsAt: true },
        }),
      );
    },
    async setAppointment(id, data) {
      await withCoreTenant(tenantId, (tx) => tx.appointment.update({ where: { id }, data }));
    },
  };
}
