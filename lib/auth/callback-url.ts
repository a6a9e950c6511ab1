/** Post-sign-in return paths: same-site relative paths only (no open redirect). */

/** `value` if it is a plain relative path on this site, else null. */
export function safeCallbackUrl(value: string | undefined | null): string | null {
  if (!value || value.length > 512) {
    return null;
  }
  if (!value.startsWith('/') || value.startsWith('//') || value.includes('\\') || /[\u0000-\u001f]/.test(value)) {
    return null;
  }
  return value;
}
