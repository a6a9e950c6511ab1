/**
 * A second, private Periodic stack for specs that need settings or fixtures the shared stack
 * must not have (a 6-second idle timeout; an appointment written straight into the core for
 * another patient). Run by idle-and-idor.spec.ts as a child process:
 *   node --experimental-wasm-modules --import tsx e2e/auth/support/own-stack.ts
 * Prints one line `OWN_STACK_READY {json}` when serving; stops and drops its databases on SIGTERM.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { ChildProcess } from 'node:child_process';
import { createTestDatabases } from '../../../test/support/test-databases.ts';
import { spawnWeb, spawnWorker, stopChild, waitForHttp } from '../../../scripts/lib/processes.ts';
import { E2E_LOG_DIR } from '../../../scripts/lib/e2e-stack.ts';
import { ROOT } from '../../../scripts/lib/launch-env.ts';
import { DEMO_CLINICIANS, DEMO_PATIENTS, seedDemo } from '../../../scripts/seed-demo.ts';

// Reuse the build the shared stack made: building here would swap .next under a running server.
if (!fs.existsSync(path.join(ROOT, '.next', 'BUILD_ID'))) {
  throw new Error('no Next.js build: start the shared e2e stack (npm run e2e:serve / npm test) first');
}
const port = Number(process.env.OWN_STACK_PORT ?? 3111);
const baseUrl = `http://localhost:${port}`;
const dbs = await createTestDatabases({ label: 'e2eown' });
const env: Record<string, string> = {
  ...dbs.env,
  APP_URL: baseUrl,
  NEXTAUTH_URL: baseUrl,
  SESSION_IDLE_MINUTES: process.env.OWN_STACK_IDLE_MINUTES ?? '0.1',
};
Object.assign(process.env, env);
await seedDemo(dbs.urls);
fs.mkdirSync(E2E_LOG_DIR, { recursive: true });
const children: ChildProcess[] = [spawnWeb(port, env, { stdio: 'pipe' }), spawnWorker(env, { stdio: 'pipe' })];
for (const [i, child] of children.entries()) {
  // Into the directory the PHI log scan reads, like the shared stack's logs.
  const out = fs.createWriteStream(path.join(E2E_LOG_DIR, i === 0 ? 'own-stack-web.log' : 'own-stack-worker.log'), { flags: 'a' });
  child.stdout?.pipe(out);
  child.stderr?.pipe(out);
}
await waitForHttp(`${baseUrl}/api/health`, 120_000);
const stack = {
  baseUrl,
  async stop() {
    await Promise.all(children.map((c) => stopChild(c)));
    await dbs.drop();
  },
};

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
