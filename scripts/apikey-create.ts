/**
 * `npm run apikey:create -- --tenant <slug> --name <label>`: creates a headless API key for a
 * tenant and prints it once (only its hash is stored). Uses the same database resolution as
 * `npm start` (DATABASE_URL, or the embedded server under .data/).
 */
import { parseArgs } from 'node:util';
import { prepareLaunch } from './lib/launch-env.ts';

const { values } = parseArgs({ options: { tenant: { type: 'string' }, name: { type: 'string' } } });
if (!values.tenant || !values.name) {
  console.error('usage: npm run apikey:create -- --tenant <slug> --name <label>');
  process.exit(2);
}

const launch = await prepareLaunch();
let exitCode = 0;
try {
  Object.assign(process.env, launch.appEnv);
  const { withCoreUnscoped } = await import('../lib/db/tenant-scope.ts');
  const { createApiKey } = await import('../lib/api/keys/manage-api-keys.ts');
  const { disconnectDbs } = await import('../lib/db/clients.ts');
  const slug = values.tenant;
  const tenant = await withCoreUnscoped((tx) => tx.tenant.findUnique({ where: { slug }, select: { id: true } }));
  if (!tenant) {
    console.error(`no tenant with slug "${slug}"`);
    exitCode = 1;
  } else {
    const created = await createApiKey(tenant.id, values.name);
    console.log(`Created API key "${created.label}" (prefix ${created.prefix}) for tenant ${slug}.`);
    console.log('Copy it now; it is not stored and will not be shown again:');
    console.log(created.key);
  }
  await disconnectDbs();
} finally {
  await launch.server.stop();
}
process.exit(exitCode);
