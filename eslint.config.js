// ESLint 9 flat config: typescript-eslint's recommended rules plus Periodic's architecture rule.
import { defineConfig, globalIgnores } from 'eslint/config';
import tseslint from 'typescript-eslint';

/**
 * Core (scheduling) and webhooks must never import the identity side: core knows patients only
 * by opaque token ids, and this keeps a code path from ever joining PHI into core. The regex
 * catches relative (`../identity/x.ts`), aliased (`@/lib/identity/x`) and generated-client
 * (`../generated/identity/client.ts`) forms; `import type` is included on purpose.
 */
const IDENTITY_BOUNDARY = {
  regex: '(^|/)identity(\\.tsx?)?(/|$)',
  message:
    'lib/core and lib/webhooks must not import lib/identity (or the identity Prisma client): core sees only token ids. Go through a token passed in by the platform side.',
};

export default defineConfig([
  globalIgnores([
    'lib/generated/**',
    '.next*/**',
    'node_modules/**',
    '.data/**',
    'reports/**',
    'test-results/**',
    'playwright-report/**',
    'next-env.d.ts',
  ]),
  {
    files: ['**/*.ts', '**/*.tsx', '**/*.mts', '**/*.cts'],
    extends: [tseslint.configs.recommended],
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['lib/core/**', 'lib/webhooks/**'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [IDENTITY_BOUNDARY] }],
    },
  },
]);
