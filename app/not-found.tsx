import type { Metadata } from 'next';
import { LinkButton } from '@/components/ui/link-button.tsx';

export const metadata: Metadata = { title: 'Page not found' };

/** Shown for unknown URLs and for `notFound()` calls (also used to hide records a user may not see). */
export default function NotFound() {
  return (
    <div className="mx-auto max-w-lg py-16 text-center">
      <p className="text-sm font-semibold text-brand-700">404</p>
      <h1 className="mt-2 text-3xl font-semibold tracking-tight text-ink">Page not found</h1>
      <p className="mt-3 text-ink-muted">The page you asked for does not exist, or you do not have access to it.</p>
      <div className="mt-8 flex justify-center">
        <LinkButton href="/">Back to the start page</LinkButton>
      </div>
    </div>
  );
}
