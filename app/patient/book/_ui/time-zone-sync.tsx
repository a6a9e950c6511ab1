'use client';
/**
 * Tells the server the viewer's time zone (a cookie read by viewerTimeZone) so slot times are
 * rendered in the viewer's zone; refreshes once when it changes.
 */
import { useRouter } from 'next/navigation';
import { useEffect } from 'react';

export const TZ_COOKIE = 'periodic_tz';

/** Renders nothing; syncs the zone cookie on mount. */
export function TimeZoneSync({ current }: { current: string | null }) {
  const router = useRouter();
  useEffect(() => {
    const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    if (zone && zone !== current) {
      document.cookie = `${TZ_COOKIE}=${encodeURIComponent(zone)}; path=/; max-age=31536000; samesite=lax`;
      router.refresh();
    }
  }, [current, router]);
  return null;
}
