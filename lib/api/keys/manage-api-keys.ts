/**
 * Creating, listing and revoking a tenant's API keys (admin screen and `npm run apikey:create`).
 */
import { z } from 'zod';
import { withCoreTenant } from '../../db/tenant-scope.ts';
import { AppError } from '../../errors/app-error.ts';
import { mintApiKey } from './api-key-format.ts';

export const ZApiKeyLabel = z.string().trim().min(1, 'Give the key a name').max(100);

export interface ApiKeySummary {
  id: string;
  label: string;
  prefix: string;
  createdAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
}

const SUMMARY_SELECT = { id: true, label: true, prefix: true, createdAt: true, lastUsedAt: true, revokedAt: true } as const;

/** Creates a key; the returned `key` is the only time the secret exists outside its hash. */
export async function createApiKey(tenantId: string, label: string): Promise<ApiKeySummary & { key: string }> {
  const name = ZApiKeyLabel.parse(label);
  const minted = mintApiKey(tenantId);
  const row = await withCoreTenant(tenantId, (tx) =>
    tx.apiKey.create({ data: { tenantId, label: name, prefix: minted.prefix, keyHash: minted.keyHash }, select: SUMMARY_SELECT }),
  );
  return { ...row, key: minted.key };
}

/** One page of the tenant's keys, newest first (never the hash); `nextCursor` opens the next page. */
export async function listApiKeys(tenantId: string, opts: { cursor?: string; limit?: number } = {}): Promise<{ keys: ApiKeySummary[]; nextCursor: string | null }> {
  const limit = Math.min(Math.max(opts.limit ?? 50, 1), 200);
  // The cursor is the id of the last key shown; an unknown or malformed one starts over.
  const cursor = opts.cursor && z.uuid().safeParse(opts.cursor).success ? opts.cursor : undefined;
  const rows = await withCoreTenant(tenantId, async (tx) => {
    const anchor = cursor ? await tx.apiKey.findFirst({ where: { id: cursor, tenantId }, select: { id: true } }) : null;
    return tx.apiKey.findMany({
      where: { tenantId },
      select: SUMMARY_SELECT,
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      take: limit + 1,
      ...(anchor ? { cursor: { id: anchor.id }, skip: 1 } : {}),
    });
  });
  const keys = rows.slice(0, limit);
  return { keys, nextCursor: rows.length > limit ? keys[keys.length - 1]!.id : null };
}

/** Revokes a key at once (idempotent); NOT_FOUND when it is not the tenant's. */
export async function revokeApiKey(tenantId: string, id: string): Promise<void> {
  if (!z.uuid().safeParse(id).success) {
    throw new AppError('NOT_FOUND', 'API key not found');
  }
  await withCoreTenant(tenantId, async (tx) => {
    const key = await tx.apiKey.findFirst({ where: { id, tenantId }, select: { revokedAt: true } });
    if (!key) {
      throw new AppError('NOT_FOUND', 'API key not found');
    }
    if (!key.revokedAt) {
      await tx.apiKey.update({ where: { id }, data: { revokedAt: new Date() } });
    }
  });
}
