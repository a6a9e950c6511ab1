/** Client IP and user agent of the current request, for the audit trail and sign-in throttling. */
import { headers } from 'next/headers';

export interface RequestMeta {
  ip: string | null;
  userAgent: string | null;
}

const MAX_UA = 300;

/**
 * Picks the client address from proxy headers. The right-most X-Forwarded-For entry is the one
 * added by the hop closest to us (our reverse proxy, or Next itself when absent); left-most
 * entries are whatever the client claimed.
 */
export function clientIpFromHeaders(get: (name: string) => string | null | undefined): string | null {
  const xff = get('x-forwarded-for');
  if (xff) {
    const hops = xff.split(',').map((h) => h.trim()).filter(Boolean);
    const last = hops.at(-1);
    if (last) {
      return last.replace(/^::ffff:/, '').slice(0, 64);
    }
  }
  const real = get('x-real-ip');
  return real ? real.trim().slice(0, 64) : null;
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
