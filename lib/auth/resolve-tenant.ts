/** Resolves a clinic code (tenant slug) before any tenant scope exists. */
import { withIdentityUnscoped } from '../db/tenant-scope.ts';

/** The tenant with this slug, or null. Slugs are matched case-insensitively after trimming. */
export async function resolveTenantBySlug(slug: string): Promise<{ id: string; slug: string } | null> {
  const clean = slug.trim().toLowerCase();
  if (!/^[a-z0-9][a-z0-9-]{0,62}$/.test(clean)) {
    return null;
  }
  return withIdentityUnscoped((tx) => tx.tenant.findUnique({ where: { slug: clean }, select: { id: true, slug: true } }));
}
