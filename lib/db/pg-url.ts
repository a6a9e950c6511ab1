/** Small helpers for PostgreSQL connection URLs (no secrets are ever logged from here). */

/** Explicit connection parameters (accepted by pg, pg-boss and the Prisma pg adapter). */
export interface PgConnectionConfig {
  host: string;
  port: number;
  user: string;
  password?: string;
  database: string;
  ssl?: { rejectUnauthorized: boolean };
}

/** Parses a postgres:// URL into an explicit pg config (host, port, user, password, database). */
export function pgConfigFromUrl(url: string): PgConnectionConfig {
  const u = new URL(url);
  const sslmode = u.searchParams.get('sslmode');
  const hostParam = u.searchParams.get('host');
  return {
    host: hostParam ?? (decodeURIComponent(u.hostname) || '127.0.0.1'),
    port: u.port ? Number(u.port) : 5432,
    user: decodeURIComponent(u.username) || 'postgres',
    password: u.password ? decodeURIComponent(u.password) : undefined,
    database: decodeURIComponent(u.pathname.replace(/^\//, '')) || 'postgres',
    ssl: sslmode && sslmode !== 'disable' ? { rejectUnauthorized: sslmode === 'verify-full' } : undefined,
  };
}

/** Returns `url` pointed at another database, optionally with other credentials. */
export function withDatabase(url: string, database: string, credentials?: { user: string; password?: string }): string {
  const u = new URL(url);
  u.pathname = `/${encodeURIComponent(database)}`;
  if (credentials) {
    u.username = encodeURIComponent(credentials.user);
    u.password = credentials.password ? encodeURIComponent(credentials.password) : '';
  }
  return u.toString();
}

/** A URL with its password replaced by `***`, for messages. */
export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) {
      u.password = '***';
    }
    return u.toString();
  } catch {
    return '<invalid url>';
  }
}
