/** Client IP and user agent of the current request, for the audit trail and sign-in throttling. */
import { headers } from 'next/headers';

export interface RequestMeta {
  ip: string | null;
  userAgent: string | null;
}

const MAX_UA = 300;

/**
 * The client address. Our web server (scripts/web-server.ts) replaces X-Forwarded-For with the one
 * address it worked out from the TCP peer and TRUST_PROXY_HOPS, so the header is ours by the time
 * the app reads it; the right-most entry is taken should anything have appended to it since.
 */
export function clientIpFromHeaders(get: (name: string) => string | null | undefined): string | null {
  const last = get('x-forwarded-for')
    ?.split(',')
    .map((h) => h.trim())
    .filter(Boolean)
    .at(-1);
  return last ? last.replace(/^::ffff:/, '').slice(0, 64) : null;
}

/** Builds RequestMeta from a header getter (route handlers, next-auth's authorize). */
export function requestMetaFromHeaders(get: (name: string) => string | null | undefined): RequestMeta {
  const ua = get('user-agent');
  return { ip: clientIpFromHeaders(get), userAgent: ua ? ua.slice(0, MAX_UA) : null };
}

/** Reads RequestMeta from `headers()`; both null outside a request (jobs, scripts, tests). */
export async function readRequestMeta(): Promise<RequestMeta> {
  try {
    const h = await headers();
    return requestMetaFromHeaders((n) => h.get(n));
  } catch {
    return { ip: null, userAgent: null };
  }
}
