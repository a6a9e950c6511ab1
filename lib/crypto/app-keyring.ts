/** The process's master keyring, built once from configuration. */
import { getConfig } from '../config.ts';
import { createMasterKeyring, type MasterKeyring } from './master-keyring.ts';

let keyring: MasterKeyring | undefined;

/** Current (and, during rotation, previous) master key from PERIODIC_MASTER_KEY[_PREVIOUS]. */
export function appKeyring(): MasterKeyring {
  const cfg = getConfig();
  keyring ??= createMasterKeyring(cfg.PERIODIC_MASTER_KEY, cfg.PERIODIC_MASTER_KEY_PREVIOUS);
  return keyring;
}

/**
 * Replaces the process keyring (used by `npm run keys:rotate`, which runs with the new key as
 * current and the old one as previous, and by rotation tests).
 */
export function useKeyring(next: MasterKeyring): void {
  keyring = next;
}
