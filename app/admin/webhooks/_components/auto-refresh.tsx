'use client';
/** Live updates: re-renders the server component tree every few seconds (pauses in background tabs). */
import { useRouter } from 'next/navigation';
import { useEffect } from 'react';

export function AutoRefresh({ intervalMs = 3000 }: { intervalMs?: number }) {
  const router = useRouter();
  useEffect(() => {
    const timer = setInterval(() => {
      if (document.visibilityState === 'visible') {
        router.refresh();
      }
    }, intervalMs);
    return () => clearInterval(timer);
  }, [router, intervalMs]);
  return (
    <p className="text-xs text-muted" aria-live="off">
      Live: refreshes every {Math.round(intervalMs / 1000)} s
    </p>
  );
}
