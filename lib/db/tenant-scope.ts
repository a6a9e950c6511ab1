/**
 * The one way to run a unit of work against our databases. Each unit is a transaction that first
 * sets `app.tenant_id` with `set_config(..., true)` (transaction-local, like SET LOCAL), which the
 * row-level-security policies of every tenant-owned table compare against. With no tenant set,
 * policies match nothing, so a forgotten scope reads nothing rather than everything.
 */
import { identityDb, coreDb } from './clients.ts';
import type { Prisma as IdentityPrisma } from '../generated/identity/client.ts';
import type { Prisma as CorePrisma } from '../generated/core/client.ts';

export type IdentityTx = IdentityPrisma.TransactionClient;
export type CoreTx = CorePrisma.TransactionClient;

const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface ScopeOptions {
  /** Transaction timeout in ms (Prisma default is 5 s). */
  timeout?: number;
  isolationLevel?: 'ReadCommitted' | 'RepeatableRead' | 'Serializable';
}

function assertTenantId(tenantId: string): void {
  if (!UUID_RE.test(tenantId)) {
    throw new Error('tenant id must be a uuid');
  }
}

/** Runs `work` in an identity-database transaction scoped to `tenantId`. */
export async function withIdentityTenant<T>(tenantId: string, work: (tx: IdentityTx) => Promise<T>, opts: ScopeOptions = {}): Promise<T> {
  assertTenantId(tenantId);
  return identityDb().$transaction(
    async (tx) => {
      await tx.$queryRaw`SELECT set_config('app.tenant_id', ${tenantId}, true)`;
      return work(tx);
    },
    { timeout: opts.timeout ?? 15_000, maxWait: 10_000, isolationLevel: opts.isolationLevel },
  );
}

/** Runs `work` in a core-database transaction scoped to `tenantId`. */
export async function withCoreTenant<T>(tenantId: string, work: (tx: CoreTx) => Promise<T>, opts: ScopeOptions = {}): Promise<T> {
  assertTenantId(tenantId);
  return coreDb().$transaction(
    async (tx) => {
      await tx.$queryRaw`SELECT set_config('app.tenant_id', ${tenantId}, true)`;
      return work(tx);
    },
    { timeout: opts.timeout ?? 15_000, maxWait: 10_000, isolationLevel: opts.isolationLevel },
  );
}

/**
 * Runs `work` with no tenant set: only tables without tenant rows are visible (tenant registry,
 * sign-in throttling). Used to resolve a tenant before entering its scope.
 */
export async function withIdentityUnscoped<T>(work: (tx: IdentityTx) => Promise<T>): Promise<T> {
  return identityDb().$transaction(async (tx) => work(tx), { timeout: 15_000, maxWait: 10_000 });
}

/** Core counterpart of withIdentityUnscoped (tenant registry, API-key resolution function). */
export async function withCoreUnscoped<T>(work: (tx: CoreTx) => Promise<T>): Promise<T> {
  return coreDb().$transaction(async (tx) => work(tx), { timeout: 15_000, maxWait: 10_000 });
}
