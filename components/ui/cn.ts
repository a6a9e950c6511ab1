/**
 * Joins class names, skipping falsy values, so components can merge a caller's `className`
 * with their own without a dependency.
 */
export function cn(...classes: Array<string | false | null | undefined>): string {
  return classes.filter(Boolean).join(' ');
}
