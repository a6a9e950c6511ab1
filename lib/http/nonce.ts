// Reading the per-request CSP nonce in server components.

import { headers } from 'next/headers';
import { NONCE_HEADER } from './security-headers.ts';

/**
 * Returns this request's CSP nonce (set by proxy.ts), for a `<Script nonce={…}>` or inline
 * `<script nonce={…}>` that a server component renders itself. Next's own scripts get the nonce
 * automatically. Calling it opts the route into dynamic rendering, which nonces require anyway.
 */
export async function readNonce(): Promise<string | undefined> {
  const requestHeaders = await headers();
  return requestHeaders.get(NONCE_HEADER) ?? undefined;
}
