/**
 * Password hashing with argon2id (@node-rs/argon2: prebuilt, per-hash random salt). The policy
 * (length, common/breached list) lives in password-policy.ts.
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

let dummyHash: Promise<string> | undefined;

/**
 * Verifies against a throwaway hash so a sign-in for an unknown or locked account costs the same
 * time as a real one (no account-existence oracle through timing). Always false.
 */
export async function burnPasswordVerification(password: string): Promise<false> {
  dummyHash ??= hashPassword('periodic-timing-equaliser-not-a-password');
  await verifyPassword(await dummyHash, password);
  return false;
}
