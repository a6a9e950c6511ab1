/**
 * A private Periodic stack for the security probes (started by security-fixture.ts as a child):
 *   node --experimental-wasm-modules --import tsx e2e/security/support/security-stack.ts
 * Why its own stack: the probes need a SECOND tenant (provisioned as the operator would, with the
 * owner URL the shared stack does not hand to specs), the real SSRF policy (the shared stack sets
 * WEBHOOK_ALLOW_PRIVATE_TARGETS for its local receivers; this one does not), a low sign-in lockout
 * threshold, and a rate limit high enough for fuzzing.
 * Prints one line `SECURITY_STACK_READY {json}` (a {@link SecurityStackInfo}); stops and drops its
 * databases on SIGTERM.
 */
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import type { ChildProcess } from 'node:child_process';
import { createTestDatabases } from '../../../test/support/test-databases.ts';
import { spawnWeb, spawnWorker, stopChild, waitForHttp } from '../../../scripts/lib/processes.ts';
import { E2E_LOG_DIR } from '../../../scripts/lib/e2e-stack.ts';
import { ROOT } from '../../../scripts/lib/launch-env.ts';
import { provisionTenant } from '../../../scripts/lib/provision-tenant.ts';
import { DEMO_CLINICIANS, DEMO_PATIENTS, seedDemo } from '../../../scripts/seed-demo.ts';
import type { SecurityStackInfo } from './security-stack-info.ts';

const distDir = process.env.NEXT_DIST_DIR || '.next';
// Reuse the build the shared stack made: building here would swap it under a running server.
if (!fs.existsSync(path.join(ROOT, distDir, 'BUILD_ID'))) {
  throw new Error('no Next.js build: start the shared e2e stack (npm run e2e:serve / npm test) first');
}
// A free port unless one is forced: two runs at once (a developer's and `npm test`) must not
// meet on one port, where the second stack's checks would reach the first stack's server.
const port = Number(process.env.SECURITY_STACK_PORT) || (await findFreePort());
const baseUrl = `http://localhost:${port}`;
const dbs = await createTestDatabases({ label: 'e2esec' });
const env: Record<string, string> = {
  ...dbs.env,
  APP_URL: baseUrl,
  NEXTAUTH_URL: baseUrl,
  // The real SSRF policy: no private targets (the platform receiver is exempt by design).
  WEBHOOK_ALLOW_PRIVATE_TARGETS: 'false',
  LOGIN_MAX_FAILURES: '3',
  LOGIN_LOCK_MINUTES: '10',
  API_RATE_LIMIT_PER_MINUTE: '100000',
  WEBHOOK_RETRY_BASE_MS: '60000',
};
Object.assign(process.env, env);
const { tenantId: demoTenantId } = await seedDemo(dbs.urls);

const { withCoreTenant, withIdentityTenant } = await import('../../../lib/db/tenant-scope.ts');
const { loadTenantKeys } = await import('../../../lib/identity/tenant-keys.ts');
const { emailIndex } = await import('../../../lib/identity/phi-fields.ts');
const { createApiKey } = await import('../../../lib/api/keys/manage-api-keys.ts');
const { createTestUser } = await import('../../../lib/auth/testing/create-test-user.ts');
const { createOpenResource, futureSlot, randomTokenId } = await import('../../../lib/core/test-fixtures.ts');
const { bookAppointment } = await import('../../../lib/core/appointments/book-appointment.ts');
const { sealEndpointSecret, activeEndpointSecrets } = await import('../../../lib/webhooks/delivery/endpoint-secrets.ts');
const { generateWebhookSecret } = await import('../../../lib/webhooks/signature.ts');

// ---- demo tenant fixtures ----
const demo = await withIdentityTenant(demoTenantId, async (tx) => {
  const keys = await loadTenantKeys(tx, demoTenantId);
  const patient = async (email: string) =>
    (await tx.patient.findFirstOrThrow({ where: { tenantId: demoTenantId, emailBidx: emailIndex(keys, email) }, select: { tokenId: true } })).tokenId;
  const clinician = await tx.user.findFirstOrThrow({ where: { tenantId: demoTenantId, emailBidx: emailIndex(keys, DEMO_CLINICIANS[0]!.email) }, select: { resourceId: true } });
  return { mariaToken: await patient(DEMO_PATIENTS[0]!.email), jamesToken: await patient(DEMO_PATIENTS[1]!.email), riveraResourceId: clinician.resourceId! };
});
// A visit of James's on Dr. Rivera's schedule (weekday 15:00 UTC = inside her New York hours).
const jamesVisit = await bookAppointment(demoTenantId, { resourceId: demo.riveraResourceId, tokenId: demo.jamesToken, startsAt: nextWeekdaySlot(9, 15) });
const receiverRow = await withCoreTenant(demoTenantId, (tx) =>
  tx.webhookEndpoint.findFirstOrThrow({ where: { tenantId: demoTenantId, isPlatformReceiver: true }, select: { id: true, secretEnc: true, previousSecretEnc: true, previousSecretUntil: true } }),
);
const demoKey = await createApiKey(demoTenantId, 'security probes');
const lockoutEmail = `lockout.${Date.now()}@security-probes.example`;
await createTestUser(demoTenantId, 'patient', lockoutEmail, 'Lockout-Probe-2026!');

// ---- the rival tenant (tenant B) ----
const rivalTenantId = await provisionTenant(dbs.urls, 'rival', 'Rival Clinic');
const rivalAdminEmail = 'admin@rival.periodic.test';
const rivalPassword = 'Rival-Clinic-2026!';
await createTestUser(rivalTenantId, 'admin', rivalAdminEmail, rivalPassword);
const rivalResourceId = await createOpenResource(rivalTenantId, { label: 'Rival Dr. Hidden — Cardiology' });
const rivalEndpointId = crypto.randomUUID();
await withCoreTenant(rivalTenantId, (tx) =>
  tx.webhookEndpoint.create({
    data: {
      id: rivalEndpointId,
      tenantId: rivalTenantId,
      // Loopback on the discard port: the delivery worker's connect-time guard must refuse it.
      url: 'http://127.0.0.1:9/rival-hook',
      description: 'Rival endpoint (fixture written as the operator)',
      eventTypes: [],
      secretEnc: sealEndpointSecret(rivalEndpointId, generateWebhookSecret()),
    },
  }),
);
const rivalVisit = await bookAppointment(rivalTenantId, { resourceId: rivalResourceId, tokenId: randomTokenId(), startsAt: futureSlot(10, 14) });
const rivalDelivery = await withCoreTenant(rivalTenantId, (tx) => tx.delivery.findFirstOrThrow({ where: { endpointId: rivalEndpointId }, select: { id: true } }));
const rivalKey = await createApiKey(rivalTenantId, 'rival key');

// ---- web + worker ----
fs.mkdirSync(E2E_LOG_DIR, { recursive: true });
const children: ChildProcess[] = [spawnWeb(port, env, { stdio: 'pipe' }), spawnWorker(env, { stdio: 'pipe' })];
for (const [i, child] of children.entries()) {
  // Into the directory the PHI log scan reads, like the shared stack's logs.
  const out = fs.createWriteStream(path.join(E2E_LOG_DIR, i === 0 ? 'security-stack-web.log' : 'security-stack-worker.log'), { flags: 'a' });
  child.stdout?.pipe(out);
  child.stderr?.pipe(out);
}
await waitForHttp(`${baseUrl}/api/health`, 120_000);

const info: SecurityStackInfo = {
  baseUrl,
  db: { identityAdmin: dbs.urls.identityAdmin, coreAdmin: dbs.urls.coreAdmin },
  demo: {
    tenantId: demoTenantId,
    apiKey: demoKey.key,
    riveraResourceId: demo.riveraResourceId,
    mariaToken: demo.mariaToken,
    jamesAppointmentId: jamesVisit.id,
    receiverSecret: activeEndpointSecrets(receiverRow)[0]!,
    lockoutEmail,
  },
  rival: {
    tenantId: rivalTenantId,
    apiKey: rivalKey.key,
    adminEmail: rivalAdminEmail,
    password: rivalPassword,
    resourceId: rivalResourceId,
    resourceLabel: 'Rival Dr. Hidden — Cardiology',
    appointmentId: rivalVisit.id,
    endpointId: rivalEndpointId,
    deliveryId: rivalDelivery.id,
  },
};
console.log(`SECURITY_STACK_READY ${JSON.stringify(info)}`);

let stopping = false;
const stop = async () => {
  if (stopping) {
    return;
  }
  stopping = true;
  await Promise.all(children.map((c) => stopChild(c)));
  // Close this process's own pools (booking used pg-boss and Prisma) before the server may stop.
  const { getBoss } = await import('../../../lib/jobs/boss.ts');
  const { disconnectDbs } = await import('../../../lib/db/clients.ts');
  await (await getBoss()).stop({ graceful: false, wait: true }).catch(() => {});
  await disconnectDbs().catch(() => {});
  await dbs.drop();
  process.exit(0);
};
process.on('SIGTERM', () => void stop());
process.on('SIGINT', () => void stop());

/** A slot `minDays`+ days ahead on a Monday–Thursday at hh:00 UTC. */
function nextWeekdaySlot(minDays: number, hourUtc: number): Date {
  const d = futureSlot(minDays, hourUtc);
  while (d.getUTCDay() === 0 || d.getUTCDay() >= 5) {
    d.setUTCDate(d.getUTCDate() + 1);
  }
  return d;
}

/** An ephemeral TCP port that is free right now. */
async function findFreePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, resolve));
  const { port: free } = server.address() as net.AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return free;
}
