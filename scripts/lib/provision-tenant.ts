/**
 * Registers a tenant in both databases' registries. Tenants are created by the operator (owner
 * role), never by the app: the app roles cannot insert into either registry.
 */
import pg from 'pg';
import { randomUUID } from 'node:crypto';
import { pgConfigFromUrl } from '../../lib/db/pg-url.ts';
import type { DbUrls } from '../db/setup.ts';

async function adminQuery<T extends pg.QueryResultRow>(url: string, sql: string, params: unknown[]): Promise<T[]> {
  const client = new pg.Client(pgConfigFromUrl(url));
  await client.connect();
  try {
    return (await client.query<T>(sql, params)).rows;
  } finally {
    await client.end();
  }
}

/** Creates the tenant if its slug is new; returns its id either way. */
export async function provisionTenant(urls: DbUrls, slug: string, label: string): Promise<string> {
  const existing = await adminQuery<{ id: string }>(urls.coreAdmin, 'SELECT id FROM tenants WHERE slug = $1', [slug]);
  const id = existing[0]?.id ?? randomUUID();
  await adminQuery(urls.coreAdmin, 'INSERT INTO tenants (id, slug, label) VALUES ($1, $2, $3) ON CONFLICT (slug) DO NOTHING', [id, slug, label]);
  await adminQuery(urls.identityAdmin, 'INSERT INTO tenants (id, slug) VALUES ($1, $2) ON CONFLICT (slug) DO NOTHING', [id, slug]);
  return id;
}
