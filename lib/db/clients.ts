/**
 * The two Prisma clients, created once per process (cached on globalThis so Next's dev reloads
 * don't open new pools). They connect as the least-privilege app roles; only `tenant-scope.ts`
 * hands them out, always inside a transaction that has set the tenant for row-level security.
 */
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient as IdentityPrismaClient } from '../generated/identity/client.ts';
import { PrismaClient as CorePrismaClient } from '../generated/core/client.ts';
import { getConfig } from '../config.ts';
import { pgConfigFromUrl } from './pg-url.ts';

export type IdentityClient = IdentityPrismaClient;
export type CoreClient = CorePrismaClient;

interface ClientCache {
  identity?: IdentityPrismaClient;
  core?: CorePrismaClient;
}

const cache = globalThis as typeof globalThis & { __periodicDb?: ClientCache };
cache.__periodicDb ??= {};

const POOL_MAX = Number(process.env.DB_POOL_MAX ?? 10);

/** Prisma client for periodic_identity (role *_identity_app). */
export function identityDb(): IdentityPrismaClient {
  const c = cache.__periodicDb!;
  c.identity ??= new IdentityPrismaClient({
    adapter: new PrismaPg({ ...pgConfigFromUrl(getConfig().IDENTITY_DATABASE_URL), max: POOL_MAX }),
  });
  return c.identity;
}

/** Prisma client for periodic_core (role *_core_app). */
export function coreDb(): CorePrismaClient {
  const c = cache.__periodicDb!;
  c.core ??= new CorePrismaClient({
    adapter: new PrismaPg({ ...pgConfigFromUrl(getConfig().CORE_DATABASE_URL), max: POOL_MAX }),
  });
  return c.core;
}

/** Closes both clients (worker shutdown, tests). */
export async function disconnectDbs(): Promise<void> {
  const c = cache.__periodicDb!;
  await Promise.all([c.identity?.$disconnect(), c.core?.$disconnect()]);
  c.identity = undefined;
  c.core = undefined;
}
