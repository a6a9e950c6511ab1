/**
 * Secrets for local (non-production) runs, generated once into `.data/secrets.json` with mode 0600:
 * the master key, the next-auth secret, the app roles' database password and the embedded server's
 * admin password. Production must pass real secrets through the environment instead.
 */
import fs from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';

export interface LocalSecrets {
  masterKey: string;
  previousMasterKey?: string;
  nextAuthSecret: string;
  dbAppPassword: string;
  embeddedAdminPassword: string;
}

function generate(): LocalSecrets {
  return {
    masterKey: randomBytes(32).toString('base64'),
    nextAuthSecret: randomBytes(32).toString('base64url'),
    dbAppPassword: randomBytes(24).toString('base64url'),
    embeddedAdminPassword: randomBytes(24).toString('base64url'),
  };
}

/** Reads `.data/secrets.json`, creating it (0600) on first use. */
export function loadLocalSecrets(dataDir: string): LocalSecrets {
  const file = path.join(dataDir, 'secrets.json');
  // The folder stays traversable: the embedded server runs as the postgres OS user and keeps its
  // data in .data/pg. The secrets file itself is 0600.
  fs.mkdirSync(dataDir, { recursive: true, mode: 0o755 });
  fs.chmodSync(dataDir, 0o755);
  if (fs.existsSync(file)) {
    fs.chmodSync(file, 0o600);
    return { ...generate(), ...(JSON.parse(fs.readFileSync(file, 'utf8')) as Partial<LocalSecrets>) } as LocalSecrets;
  }
  const secrets = generate();
  saveLocalSecrets(dataDir, secrets);
  return secrets;
}

/** Writes the secrets file atomically with mode 0600. */
export function saveLocalSecrets(dataDir: string, secrets: LocalSecrets): void {
  const file = path.join(dataDir, 'secrets.json');
  const tmp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, JSON.stringify(secrets, null, 2), { mode: 0o600 });
  fs.renameSync(tmp, file);
  fs.chmodSync(file, 0o600);
}
