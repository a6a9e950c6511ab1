/**
 * Password policy (NIST SP 800-63B style): length, not common/breached, no composition rules.
 * Applied on sign-up, invite acceptance and password changes — never on sign-in, so a policy
 * change does not lock anyone out.
 */
import { z } from 'zod';
import { COMMON_PASSWORDS } from './common-passwords.ts';

export const PASSWORD_MIN_LENGTH = 12;
/** argon2 cost grows with input; a cap stops multi-megabyte "passwords" from tying up a worker. */
export const PASSWORD_MAX_LENGTH = 256;

/** Why a password was refused (user-facing, no secrets echoed back). */
export type PasswordProblem = 'too_short' | 'too_long' | 'common';

export const PASSWORD_PROBLEM_MESSAGES: Record<PasswordProblem, string> = {
  too_short: `Use at least ${PASSWORD_MIN_LENGTH} characters.`,
  too_long: `Use at most ${PASSWORD_MAX_LENGTH} characters.`,
  common: 'This password is too common or has appeared in data breaches. Choose a less predictable one.',
};

/** Returns the first problem with `password`, or null if the policy accepts it. */
export function checkPasswordPolicy(password: string, context: { email?: string } = {}): PasswordProblem | null {
  // Length counts code points, not UTF-16 units, so emoji count once.
  const length = [...password].length;
  if (length < PASSWORD_MIN_LENGTH) {
    return 'too_short';
  }
  if (length > PASSWORD_MAX_LENGTH) {
    return 'too_long';
  }
  const lower = password.toLowerCase();
  // "password2024!" is "password" with a suffix: strip trailing digits/symbols and compare too.
  const stem = lower.replace(/[^a-z]+$/u, '');
  if (COMMON_PASSWORDS.has(lower) || COMMON_PASSWORDS.has(stem)) {
    return 'common';
  }
  // A single repeated character, or the account's own email, is as guessable as a list entry.
  if (/^(.)\1+$/u.test(password)) {
    return 'common';
  }
  const email = context.email?.trim().toLowerCase();
  const localPart = email?.split('@')[0];
  if (email && (lower === email || stem === localPart || stem === email.replace(/[^a-z]+$/u, ''))) {
    return 'common';
  }
  return null;
}

/** zod schema for a new password (use with .superRefine for the email rule where known). */
export const ZNewPassword = z.string().superRefine((value, ctx) => {
  const problem = checkPasswordPolicy(value);
  if (problem) {
    ctx.addIssue({ code: 'custom', message: PASSWORD_PROBLEM_MESSAGES[problem] });
  }
});
