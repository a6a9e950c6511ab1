/**
 * The master key (PERIODIC_MASTER_KEY) wraps per-tenant data keys and encrypts small platform
 * secrets. A previous master key may be configured during rotation so that processes keep
 * reading material wrapped under either key (rotation without downtime).
 */
import { createHash } from 'node:crypto';

export interface MasterKey {
  id: string;
  key: Buffer;
}

export interface MasterKeyring {
  current: MasterKey;
  byId(id: string): MasterKey | undefined;
}

/** Stable short id of a master key (a hash prefix: identifies, never reveals, the key). */
export function masterKeyId(key: Buffer): string {
  return `mk_${createHash('sha256').update(key).digest('hex').slice(0, 16)}`;
}

/** Builds a keyring from base64 keys; `previous` is optional. */
export function createMasterKeyring(currentB64: string, previousB64?: string): MasterKeyring {
  const toKey = (b64: string): MasterKey => {
    const key = Buffer.from(b64, 'base64');
    if (key.length !== 32) {
      throw new Error('master key must be 32 bytes (base64)');
    }
    return { id: masterKeyId(key), key };
  };
  const current = toKey(currentB64);
  const keys = new Map([[current.id, current]]);
  if (previousB64) {
    const prev = toKey(previousB64);
    keys.set(prev.id, prev);
  }
  return { current, byId: (id) => keys.get(id) };
}
