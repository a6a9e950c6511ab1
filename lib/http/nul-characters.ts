/**
 * PostgreSQL text cannot hold U+0000: a NUL inside any input string makes the write fail deep in
 * the driver (Prisma P2039), which surfaces as an unexpected error. Inputs are checked for it at
 * the boundary (API bodies, server-action forms) and refused as a client error instead.
 */

/** The path (dotted) of the first string or key containing U+0000, or null. */
export function findNulCharacter(value: unknown, path = ''): string | null {
  if (typeof value === 'string') {
    return value.includes('\u0000') ? path || '(body)' : null;
  }
  if (Array.isArray(value)) {
    for (const [i, item] of value.entries()) {
      const hit = findNulCharacter(item, path ? `${path}.${i}` : String(i));
      if (hit) {
        return hit;
      }
    }
    return null;
  }
  if (value !== null && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      const here = path ? `${path}.${key}` : key;
      if (key.includes('\u0000')) {
        return here;
      }
      const hit = findNulCharacter(item, here);
      if (hit) {
        return hit;
      }
    }
  }
  return null;
}
