/**
 * MFA recovery codes: 10 single-use codes of 80 random bits each, shown once and stored only as
 * SHA-256 hashes (random 80-bit codes need no slow hash: there is nothing to brute-force from).
 */
import { createHash, randomBytes } from 'node:crypto';
import type { IdentityTx } from '../../db/tenant-scope.ts';

export const RECOVERY_CODE_COUNT = 10;
const ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/** Upper-cases and drops separators, so "abcd-efgh" and "ABCD EFGH" are the same code. */
export function normalizeRecoveryCode(code: string): string {
  return code.toUpperCase().replace(/[^A-Z0-9]/g, '');
}

/** SHA-256 (hex) of the normalized code. */
export function hashRecoveryCode(code: string): string {
  return createHash('sha256').update(`periodic-recovery:${normalizeRecoveryCode(code)}`).digest('hex');
}

/** True if `code` has the shape of a recovery code (16 characters of our alphabet). */
export function isRecoveryCodeShaped(code: string): boolean {
  return /^[A-Z2-9]{16}$/.test(normalizeRecoveryCode(code));
}

function randomCode(): string {
  // 16 symbols from a 32-letter alphabet = 80 bits; grouped as XXXX-XXXX-XXXX-XXXX for reading.
  const bytes = randomBytes(16);
  const chars = [...bytes].map((b) => ALPHABET[b % 32]);
  return [0, 4, 8, 12].map((i) => chars.slice(i, i + 4).join('')).join('-');
}

/** New codes to show the user once, and the hashes to store. */
export function generateRecoveryCodes(count = RECOVERY_CODE_COUNT): { codes: string[]; hashes: string[] } {
  const codes = Array.from({ length: count }, randomCode);
  return { codes, hashes: codes.map(hashRecoveryCode) };
}

/**
 * Uses up a recovery code: removes its hash in one conditional UPDATE, so two concurrent uses
 * of the same code cannot both succeed. `tx` must be scoped to the user's tenant.
 */
export async function consumeRecoveryCode(tx: IdentityTx, userId: string, code: string): Promise<boolean> {
  if (!isRecoveryCodeShaped(code)) {
    return false;
  }
  const hash = hashRecoveryCode(code);
  const removed = await tx.$executeRaw`
    UPDATE users SET recovery_codes = array_remove(recovery_codes, ${hash})
    WHERE id = ${userId}::uuid AND ${hash} = ANY(recovery_codes)`;
  return removed === 1;
}
