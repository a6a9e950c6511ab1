/**
 * `npm run keys:rotate`: rotate the master key without downtime.
 * - Local (.data/secrets.json, no PERIODIC_MASTER_KEY in the env): generates a new master key,
 *   keeps the old one as the previous key (so running processes and restarted ones both read
 *   everything), re-wraps every tenant data key and platform secret under the new key.
 * - Deployed: set PERIODIC_MASTER_KEY=<new> and PERIODIC_MASTER_KEY_PREVIOUS=<old> on every
 *   process (rolling restart), run this to re-wrap, then remove the previous key.
 */
import { randomBytes } from 'node:crypto';
import { prepareLaunch, DATA_DIR } from './lib/launch-env.ts';
import { loadLocalSecrets, saveLocalSecrets } from './lib/local-secrets.ts';
import { createMasterKeyring } from '../lib/crypto/master-keyring.ts';

const local = !process.env.PERIODIC_MASTER_KEY;
if (local) {
  const secrets = loadLocalSecrets(DATA_DIR);
  const next = randomBytes(32).toString('base64');
  saveLocalSecrets(DATA_DIR, { ...secrets, previousMasterKey: secrets.masterKey, masterKey: next });
  console.log(`new master key ${createMasterKeyring(next).current.id} written to .data/secrets.json (previous kept for reading)`);
}
const launch = await prepareLaunch();
Object.assign(process.env, launch.appEnv);
const { useKeyring } = await import('../lib/crypto/app-keyring.ts');
const { rewrapUnderCurrentKey } = await import('../lib/keys/rotate-master-key.ts');
const { disconnectDbs } = await import('../lib/db/clients.ts');
const keyring = createMasterKeyring(launch.appEnv.PERIODIC_MASTER_KEY!, launch.appEnv.PERIODIC_MASTER_KEY_PREVIOUS);
useKeyring(keyring);
const t0 = Date.now();
const report = await rewrapUnderCurrentKey(keyring);
console.log(`re-wrapped ${report.dataKeysRewrapped} data keys and re-sealed ${report.secretsResealed} secrets across ${report.tenants} tenants under ${keyring.current.id} in ${Date.now() - t0} ms`);
if (!local) {
  console.log('all material is now under the new key: PERIODIC_MASTER_KEY_PREVIOUS can be removed after a rolling restart');
}
await disconnectDbs();
await launch.server.stop();
