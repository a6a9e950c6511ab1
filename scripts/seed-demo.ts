/**
 * Idempotent demo seed: the "demo" clinic with two clinicians (bookable resources with weekday
 * hours), three patients and one admin. Runs through the app's own domain functions as the app
 * roles (so RLS and encryption apply exactly as in production).
 */
import { provisionTenant } from './lib/provision-tenant.ts';
import type { DbUrls } from './db/setup.ts';

export const DEMO_PASSWORD = 'Periodic-Demo-2026!';

export const DEMO_CLINICIANS = [
  { email: 'dr.rivera@demo.periodic.test', name: 'Dr. Ana Rivera', label: 'Dr. Ana Rivera — Family Medicine', timeZone: 'America/New_York' },
  { email: 'dr.okafor@demo.periodic.test', name: 'Dr. Chidi Okafor', label: 'Dr. Chidi Okafor — Internal Medicine', timeZone: 'America/Chicago' },
];
export const DEMO_PATIENTS = [
  { email: 'maria.lopez@example.com', name: 'Maria Lopez', phone: '+1 555 0101', dateOfBirth: '1984-02-17' },
  { email: 'james.chen@example.com', name: 'James Chen', phone: '+1 555 0102', dateOfBirth: '1972-09-03' },
  { email: 'priya.patel@example.com', name: 'Priya Patel', phone: '+1 555 0103', dateOfBirth: '1995-06-28' },
];
export const DEMO_ADMIN = { email: 'admin@demo.periodic.test', name: 'Demo Admin' };

export interface SeedResult {
  tenantId: string;
  created: boolean;
}

/** Seeds the demo tenant; the app env (app-role URLs, keys) must already be in process.env. */
export async function seedDemo(urls: DbUrls): Promise<SeedResult> {
  const tenantId = await provisionTenant(urls, 'demo', 'Demo Clinic');
  // The platform's own receiver is a webhook endpoint of every tenant (idempotent; issue 5).
  const { registerPlatformReceiver } = await import('../lib/platform/register-platform-receiver.ts');
  await registerPlatformReceiver(tenantId);
  const { withIdentityTenant, withCoreTenant } = await import('../lib/db/tenant-scope.ts');
  const { loadTenantKeys } = await import('../lib/identity/tenant-keys.ts');
  const { emailIndex, sealPhi } = await import('../lib/identity/phi-fields.ts');
  const { createPatient } = await import('../lib/identity/create-patient.ts');
  const { hashPassword } = await import('../lib/auth/password.ts');

  const already = await withIdentityTenant(tenantId, async (tx) => {
    const keys = await loadTenantKeys(tx, tenantId);
    return tx.user.findFirst({ where: { tenantId, emailBidx: emailIndex(keys, DEMO_ADMIN.email) }, select: { id: true } });
  });
  if (already) {
    return { tenantId, created: false };
  }

  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const resourceIds = await withCoreTenant(tenantId, async (tx) => {
    const ids: string[] = [];
    for (const c of DEMO_CLINICIANS) {
      const r = await tx.resource.create({ data: { tenantId, label: c.label, timeZone: c.timeZone, visitMinutes: 30, bufferMinutes: 0, onCall: true } });
      for (let weekday = 1; weekday <= 5; weekday += 1) {
        await tx.availabilityRule.create({ data: { tenantId, resourceId: r.id, weekday, startMinute: 9 * 60, endMinute: 17 * 60 } });
      }
      ids.push(r.id);
    }
    return ids;
  });

  await withIdentityTenant(tenantId, async (tx) => {
    const keys = await loadTenantKeys(tx, tenantId);
    const user = (role: 'patient' | 'clinician' | 'admin', email: string, name: string) => ({
      tenantId,
      role,
      emailBidx: emailIndex(keys, email),
      emailEnc: sealPhi(keys, 'user.email', email),
      nameEnc: sealPhi(keys, 'user.name', name),
      passwordHash,
    });
    await tx.user.create({ data: user('admin', DEMO_ADMIN.email, DEMO_ADMIN.name) });
    for (const [i, c] of DEMO_CLINICIANS.entries()) {
      await tx.user.create({ data: { ...user('clinician', c.email, c.name), resourceId: resourceIds[i] } });
    }
    for (const p of DEMO_PATIENTS) {
      const patient = await createPatient(tx, tenantId, p);
      await tx.user.create({ data: { ...user('patient', p.email, p.name), patientId: patient.id } });
    }
  });
  return { tenantId, created: true };
}

/** Lines describing the demo sign-ins (printed by npm start; demo data only, never real PHI). */
export function demoLoginLines(): string[] {
  return [
    `Demo clinic code: demo    password for every demo account: ${DEMO_PASSWORD}`,
    `  admin      ${DEMO_ADMIN.email}`,
    ...DEMO_CLINICIANS.map((c) => `  clinician  ${c.email}`),
    // Patient sign-ins are listed in the README, not printed: logs never carry patient identities.
    `  patients   ${DEMO_PATIENTS.length} demo patients (sign-ins listed in README.md)`,
    '  Clinicians and admins enrol an authenticator app (TOTP) at first sign-in.',
  ];
}
