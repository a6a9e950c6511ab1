/**
 * A second, private Periodic stack for specs that need settings or fixtures the shared stack
 * must not have (a 6-second idle timeout; an appointment written straight into the core for
 * another patient). Run by idle-and-idor.spec.ts as a child process:
 *   node --experimental-wasm-modules --import tsx e2e/auth/support/own-stack.ts
 * Prints one line `OWN_STACK_READY {json}` when serving; stops and drops its databases on SIGTERM.
 */
import { startE2EStack } from '../../../scripts/lib/e2e-stack.ts';
import { DEMO_CLINICIANS, DEMO_PATIENTS } from '../../../scripts/seed-demo.ts';

const port = Number(process.env.OWN_STACK_PORT ?? 3111);
const stack = await startE2EStack({ port, extraEnv: { SESSION_IDLE_MINUTES: process.env.OWN_STACK_IDLE_MINUTES ?? '0.1' } });

const { withCoreTenant, withIdentityTenant, withIdentityUnscoped } = await import('../../../lib/db/tenant-scope.ts');
const { loadTenantKeys } = await import('../../../lib/identity/tenant-keys.ts');
const { emailIndex } = await import('../../../lib/identity/phi-fields.ts');

const tenant = await withIdentityUnscoped((tx) => tx.tenant.findUniqueOrThrow({ where: { slug: 'demo' }, select: { id: true } }));
const { tokenId, resourceId } = await withIdentityTenant(tenant.id, async (tx) => {
  const keys = await loadTenantKeys(tx, tenant.id);
  const patient = await tx.patient.findFirstOrThrow({ where: { tenantId: tenant.id, emailBidx: emailIndex(keys, DEMO_PATIENTS[1]!.email) }, select: { tokenId: true } });
  const clinician = await tx.user.findFirstOrThrow({ where: { tenantId: tenant.id, emailBidx: emailIndex(keys, DEMO_CLINICIANS[0]!.email) }, select: { resourceId: true } });
  return { tokenId: patient.tokenId, resourceId: clinician.resourceId! };
});
// Fixture only: booking proper (with its event and webhook jobs) is lib/core's job.
const startsAt = new Date(Date.UTC(new Date().getUTCFullYear() + 1, 0, 14, 15, 0));
const appointment = await withCoreTenant(tenant.id, (tx) =>
  tx.appointment.create({ data: { tenantId: tenant.id, resourceId, tokenId, status: 'confirmed', startsAt, endsAt: new Date(startsAt.getTime() + 30 * 60_000) }, select: { id: true } }),
);

console.log(`OWN_STACK_READY ${JSON.stringify({ baseUrl: stack.baseUrl, otherPatientAppointmentId: appointment.id })}`);

let stopping = false;
const stop = async () => {
  if (stopping) {
    return;
  }
  stopping = true;
  await stack.stop();
  process.exit(0);
};
process.on('SIGTERM', () => void stop());
process.on('SIGINT', () => void stop());
