import { randomInt } from 'node:crypto';

const LOWER = 'abcdefghijkmnpqrstuvwxyz';
const UPPER = 'ABCDEFGHJKLMNPQRSTUVWXYZ';
const DIGITS = '23456789';
// Zoom allows only @ - _ * besides letters and digits.
const SPECIAL = '@-_*';

/**
 * Generates a Zoom meeting passcode: `length` characters (Zoom's maximum is 10) from Zoom's
 * allowed set [a-zA-Z0-9@-_*], with at least one lower, upper, digit and special character so it
 * meets the strictest account passcode policy short of numeric-only. Look-alike characters
 * (0/O, 1/l/I) are left out because people sometimes type it.
 */
export function generatePasscode(length = 10): string {
  if (!Number.isInteger(length) || length < 4 || length > 10) {
    throw new RangeError('passcode length must be 4..10');
  }
  const all = LOWER + UPPER + DIGITS + SPECIAL;
  const chars = [pickOne(LOWER), pickOne(UPPER), pickOne(DIGITS), pickOne(SPECIAL)];
  while (chars.length < length) {
    chars.push(pickOne(all));
  }
  // Fisher–Yates, so the guaranteed characters do not sit at fixed positions.
  for (let i = chars.length - 1; i > 0; i -= 1) {
    const j = randomInt(i + 1);
    [chars[i], chars[j]] = [chars[j] as string, chars[i] as string];
  }
  return chars.join('');
}

function pickOne(alphabet: string): string {
  return alphabet.charAt(randomInt(alphabet.length));
}
