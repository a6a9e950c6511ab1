import type { Metadata, Viewport } from 'next';
import Link from 'next/link';
import { connection } from 'next/server';
import type { ReactNode } from 'react';
import './globals.css';

export const metadata: Metadata = {
  title: { default: 'Periodic', template: '%s · Periodic' },
  description: 'Telehealth scheduling with tokenized records, guaranteed webhooks and private video rooms.',
  // Patient-facing app: nothing here should be indexed.
  robots: { index: false, follow: false },
  referrer: 'no-referrer',
};

export const viewport: Viewport = {
  width: 'device-width',
  initialScale: 1,
  themeColor: '#0f6a5e',
};

/**
 * Root layout. Every page is rendered per request: the CSP nonce (proxy.ts) is only stamped on
 * Next's scripts during a request-time render; a page prerendered at build time would ship
 * scripts without it and the browser would block them.
 */
export default async function RootLayout({ children }: { children: ReactNode }) {
  await connection();
  return (
    <html lang="en">
      <body className="flex min-h-screen flex-col">
        <a href="#main" className="skip-link">
          Skip to content
        </a>
        <header className="border-b border-line bg-surface">
          <div className="mx-auto flex h-14 max-w-6xl items-center justify-between gap-4 px-4 sm:px-6">
            <Link href="/" className="flex items-center gap-2 text-lg font-semibold text-ink no-underline hover:no-underline">
              <span aria-hidden="true" className="inline-block h-6 w-6 rounded-md bg-brand-600 ring-4 ring-brand-100" />
              Periodic
            </Link>
            {/* Site-wide links only. Portal layouts (app/patient, app/clinician, app/admin) render
                their own section nav with components/ui/nav-link.tsx under this header. */}
            <nav aria-label="Site">
              <ul className="flex items-center gap-1">
                <li>
                  <Link href="/signin" className="rounded-md px-3 py-2 text-sm font-medium text-ink-muted hover:bg-brand-50 hover:text-ink hover:no-underline">
                    Sign in
                  </Link>
                </li>
              </ul>
            </nav>
          </div>
        </header>
        <main id="main" tabIndex={-1} className="mx-auto w-full max-w-6xl flex-1 px-4 py-8 sm:px-6 focus:outline-none">
          {children}
        </main>
        <footer className="border-t border-line bg-surface">
          <div className="mx-auto max-w-6xl px-4 py-4 text-xs text-ink-muted sm:px-6">
            Periodic — scheduling for regulated, on-demand care. Demo software: do not enter real patient data.
          </div>
        </footer>
      </body>
    </html>
  );
}
