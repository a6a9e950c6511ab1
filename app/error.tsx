'use client';

import { useEffect, useRef } from 'react';
import { Button } from '@/components/ui/button.tsx';
import { LinkButton } from '@/components/ui/link-button.tsx';

/**
 * Error boundary for every route below the root layout. It shows only a generic message and the
 * digest (a server-side correlation id): error messages may carry details that must not reach the
 * browser, and Next already strips them from server errors in production.
 */
export default function RouteError({ error, retry }: { error: Error & { digest?: string }; retry: () => void }) {
  const headingRef = useRef<HTMLHeadingElement>(null);

  // Move focus to the message so keyboard and screen-reader users learn the page failed.
  useEffect(() => {
    headingRef.current?.focus();
  }, []);

  return (
    <div className="mx-auto max-w-lg py-16 text-center" role="alert">
      <h1 ref={headingRef} tabIndex={-1} className="text-3xl font-semibold tracking-tight text-ink focus:outline-none">
        Something went wrong
      </h1>
      <p className="mt-3 text-ink-muted">We could not complete that request. Please try again.</p>
      {error.digest ? (
        <p className="mt-2 text-xs text-ink-muted">
          Reference: <code className="font-mono">{error.digest}</code>
        </p>
      ) : null}
      <div className="mt-8 flex justify-center gap-3">
        <Button onClick={() => retry()}>Try again</Button>
        <LinkButton href="/" variant="secondary">
          Start page
        </LinkButton>
      </div>
    </div>
  );
}
