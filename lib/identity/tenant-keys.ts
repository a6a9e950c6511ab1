/**
 * Per-tenant keys of the identity database: a data key (encrypts PHI fields) and an index key
 * (blind indexes), each stored wrapped by the master key. Unwrapped keys are cached in process
 * memory only, keyed by tenant and key id.
 */
import { appKeyring } from '../crypto/app-keyring.ts';
import { generateDataKey, unwrapDataKey, wrapDataKey } from '../crypto/envelope.ts';
import type { IdentityTx } from '../db/tenant-scope.ts';

export interface TenantKeys {
  tenantId: string;
  /** The key new ciphertexts are written with. */
  current: { id: string; key: Buffer };
  /** Blind-index key (stable for the tenant's lifetime). */
  index: Buffer;
  /** Any data key of this tenant by id (older ciphertexts may name older keys). */
  byId(id: string): Buffer | undefined;
}

const cache = new Map<string, TenantKeys>();

/** Forgets cached keys (after rotation, in tests). */
export function clearTenantKeyCache(): void {
  cache.clear();
}

async function createKey(tx: IdentityTx, tenantId: string, purpose: 'data' | 'index'): Promise<void> {
  const dk = generateDataKey();
  const { wrapped, masterKeyId } = wrapDataKey(appKeyring(), tenantId, dk.id, dk.key);
  await tx.tenantKey.create({ data: { id: dk.id, tenantId, purpose, wrappedKey: wrapped, masterKeyId } });
}

/**
 * Loads (creating on first use) the tenant's keys. Must run inside withIdentityTenant(tenantId):
 * RLS makes other tenants' keys invisible anyway.
 */
export async function loadTenantKeys(tx: IdentityTx, tenantId: string): Promise<TenantKeys> {
  const hit = cache.get(tenantId);
  if (hit) {
    return hit;
  }
  let rows = await tx.tenantKey.findMany({ where: { tenantId }, orderBy: { createdAt: 'asc' } });
  if (!rows.some((r) => r.purpose === 'data' && r.active) || !rows.some((r) => r.purpose === 'index')) {
    // Serialise first-use creation per tenant so two requests cannot create two key sets.
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`tenant-keys:${tenantId}`}))`;
    rows = await tx.tenantKey.findMany({ where: { tenantId }, orderBy: { createdAt: 'asc' } });
    if (!rows.some((r) => r.purpose === 'data' && r.active)) {
      await createKey(tx, tenantId, 'data');
    }
    if (!rows.some((r) => r.purpose === 'index')) {
      await createKey(tx, tenantId, 'index');
    }
    rows = await tx.tenantKey.findMany({ where: { tenantId }, orderBy: { createdAt: 'asc' } });
  }
  const keyring = appKeyring();
  const unwrapped = new Map(rows.map((r) => [r.id, unwrapDataKey(keyring, tenantId, r.id, r.wrappedKey, r.masterKeyId)]));
  const dataRow = rows.filter((r) => r.purpose === 'data' && r.active).at(-1)!;
  const indexRow = rows.find((r) => r.purpose === 'index')!;
  const keys: TenantKeys = {
    tenantId,
    current: { id: dataRow.id, key: unwrapped.get(dataRow.id)! },
    index: unwrapped.get(indexRow.id)!,
    byId: (id) => unwrapped.get(id),
  };
  cache.set(tenantId, keys);
  return keys;
}
