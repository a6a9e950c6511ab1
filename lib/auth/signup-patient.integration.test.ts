/** Patient self sign-up: one transaction for patient + account; email unique per tenant. */
import { beforeAll, describe, expect, it } from 'vitest';
import { createTestTenant } from '../../test/support/test-tenant.ts';
import { withIdentityTenant } from '../db/tenant-scope.ts';
import { isAppError } from '../errors/app-error.ts';
import { readPatient } from '../identity/read-patient.ts';
import { signUpPatient, SIGNUP_EMAIL_TAKEN } from './signup-patient.ts';
import { authenticatePassword } from './authenticate-password.ts';
import { randomTestEmail } from './testing/create-test-user.ts';

const base = { name: 'Signup Tester', phone: '+1 555 0142', dateOfBirth: '1991-04-12', password: 'violet kites over harbour' };

async function refusal(p: Promise<unknown>) {
  try {
    await p;
  } catch (e) {
    if (isAppError(e)) {
      return e;
    }
    throw e;
  }
  throw new Error('expected a refusal');
}

describe('signUpPatient', () => {
  let tenant: { id: string; slug: string };
  let other: { id: string; slug: string };
  beforeAll(async () => {
    tenant = await createTestTenant('signup');
    other = await createTestTenant('signup2');
  });

  it('creates the encrypted patient record, its token and the account in one step', async () => {
    const email = randomTestEmail('new');
    const created = await signUpPatient({ ...base, email, clinic: tenant.slug });
    const user = await withIdentityTenant(tenant.id, (tx) => tx.user.findUniqueOrThrow({ where: { id: created.userId }, select: { role: true, patientId: true, nameEnc: true } }));
    expect(user.role).toBe('patient');
    expect(user.nameEnc).not.toContain('Signup');
    const patient = await withIdentityTenant(tenant.id, (tx) => readPatient(tx, tenant.id, user.patientId!));
    expect(patient).toMatchObject({ name: base.name, email, phone: base.phone, dateOfBirth: base.dateOfBirth });
    expect(patient!.tokenId).toMatch(/^tk_/);
    const signedIn = await authenticatePassword({ clinic: tenant.slug, email, password: base.password }, { ip: null, userAgent: null });
    expect(signedIn.tokenId).toBe(patient!.tokenId);
    const audit = await withIdentityTenant(tenant.id, (tx) => tx.auditEvent.findMany({ where: { tenantId: tenant.id, action: 'patient.signup', actorUserId: created.userId } }));
    expect(audit).toHaveLength(1);
  });

  it('refuses a duplicate email in the same tenant (any case) and leaves no orphan patient', async () => {
    const email = randomTestEmail('dup');
    await signUpPatient({ ...base, email, clinic: tenant.slug });
    const before = await withIdentityTenant(tenant.id, (tx) => tx.patient.count({ where: { tenantId: tenant.id } }));
    const err = await refusal(signUpPatient({ ...base, email: email.toUpperCase(), clinic: tenant.slug }));
    expect(err.code).toBe('CONFLICT');
    expect(err.message).toBe(SIGNUP_EMAIL_TAKEN);
    const after = await withIdentityTenant(tenant.id, (tx) => tx.patient.count({ where: { tenantId: tenant.id } }));
    expect(after).toBe(before);
    // The same email is fine in another clinic.
    await expect(signUpPatient({ ...base, email, clinic: other.slug })).resolves.toMatchObject({ tenantId: other.id });
  });

  it('refuses two concurrent sign-ups with one email: exactly one wins', async () => {
    const email = randomTestEmail('race');
    const results = await Promise.allSettled([1, 2, 3].map(() => signUpPatient({ ...base, email, clinic: tenant.slug })));
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
  });

  it('refuses weak passwords and unknown clinics with field errors', async () => {
    const weak = await refusal(signUpPatient({ ...base, email: randomTestEmail('weak'), password: 'password1234', clinic: tenant.slug }));
    expect(weak.code).toBe('BAD_REQUEST');
    expect(weak.details?.fieldErrors).toHaveProperty('password');
    const short = await refusal(signUpPatient({ ...base, email: randomTestEmail('short'), password: 'short-pw', clinic: tenant.slug }));
    expect(short.details?.fieldErrors).toHaveProperty('password');
    const clinic = await refusal(signUpPatient({ ...base, email: randomTestEmail('clinic'), clinic: 'nope-nope' }));
    expect(clinic.details?.fieldErrors).toHaveProperty('clinic');
  });
});
