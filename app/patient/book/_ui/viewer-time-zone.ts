/**
 * The viewer's IANA time zone from the cookie TimeZoneSync sets (validated), or a fallback.
 */
import { cookies } from 'next/headers';
import { isValidTimeZone } from '@/lib/core/availability/index.ts';

/** Returns { zone, fromCookie }: the cookie's zone when valid, else `fallback`. */
export async function viewerTimeZone(fallback: string): Promise<{ zone: string; fromCookie: string | null }> {
  const raw = (await cookies()).get('periodic_tz')?.value;
  const cookieZone = raw ? decodeURIComponent(raw) : null;
  const valid = cookieZone && isValidTimeZone(cookieZone) ? cookieZone : null;
  return { zone: valid ?? fallback, fromCookie: valid };
}
