// Proves the architecture lint rule in eslint.config.js fires: lib/core and lib/webhooks may not
// import lib/identity, while other platform-side folders may.
import path from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const repoRoot = path.resolve(import.meta.dirname, '..');
const eslint = new ESLint({ cwd: repoRoot, overrideConfigFile: path.join(repoRoot, 'eslint.config.js') });

/** Lints `code` as if it lived at `relativePath` and returns the boundary-rule messages. */
async function lintBoundary(relativePath: string, code: string) {
  const [result] = await eslint.lintText(code, { filePath: path.join(repoRoot, relativePath) });
  if (!result) {
    throw new Error('ESLint returned no result');
  }
  return result.messages.filter((m) => m.ruleId === 'no-restricted-imports');
}

describe('identity import boundary', () => {
  const forbidden = [
    "import { findPatient } from '../identity/patients.ts';\nexport const x = findPatient;\n",
    "import { findPatient } from '@/lib/identity/patients';\nexport const x = findPatient;\n",
    "import type { Patient } from '../../lib/identity/types.ts';\nexport type X = Patient;\n",
    "import { PrismaClient } from '../generated/identity/client.ts';\nexport const x = PrismaClient;\n",
    "export { findPatient } from '../identity/index.ts';\n",
    "import * as identity from '../identity';\nexport const x = identity;\n",
  ];

  for (const code of forbidden) {
    it(`rejects in lib/core: ${code.split('\n')[0]}`, async () => {
      const messages = await lintBoundary('lib/core/x.ts', code);
      expect(messages).toHaveLength(1);
      expect(messages[0]?.severity).toBe(2);
    });
  }

  it('rejects in lib/webhooks (nested folder too)', async () => {
    const messages = await lintBoundary('lib/webhooks/deliver/x.ts', "import '../../identity/patients.ts';\n");
    expect(messages).toHaveLength(1);
  });

  it('allows the same import from lib/video', async () => {
    const code = "import { findPatient } from '../identity/patients.ts';\nexport const x = findPatient;\n";
    expect(await lintBoundary('lib/video/x.ts', code)).toEqual([]);
  });

  it('allows core to import its own modules and names that merely contain "identity"', async () => {
    const code = "import { a } from './appointments.ts';\nimport { b } from './identity-free.ts';\nexport const x = [a, b];\n";
    expect(await lintBoundary('lib/core/x.ts', code)).toEqual([]);
  });
});
