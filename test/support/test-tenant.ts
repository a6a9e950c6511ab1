/** Creates an isolated tenant for a test file (as the owner, like the operator would). */
import { randomBytes } from 'node:crypto';
import { provisionTenant } from '../../scripts/lib/provision-tenant.ts';
import { resolveDbUrls } from '../../scripts/db/setup.ts';

/** Registers a new tenant with a random slug; returns its id and slug. */
export async function createTestTenant(label = 'test'): Promise<{ id: string; slug: string }> {
  const serverUrl = process.env.TEST_SERVER_ADMIN_URL;
  const prefix = process.env.TEST_DB_PREFIX;
  if (!serverUrl || !prefix) {
    throw new Error('test databases are not set up (vitest globalSetup)');
  }
  const urls = resolveDbUrls({ identityAdminUrl: serverUrl, coreAdminUrl: serverUrl, prefix, appPassword: process.env.TEST_APP_PASSWORD ?? '' });
  const slug = `${label}-${randomBytes(4).toString('hex')}`;
  const id = await provisionTenant(urls, slug, `Test clinic ${slug}`);
  return { id, slug };
}
