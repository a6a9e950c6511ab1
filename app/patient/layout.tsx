import type { ReactNode } from 'react';
import { PortalShell } from '@/components/portal/portal-shell.tsx';
import { getSessionContext } from '@/lib/auth/session.ts';

const NAV = [
  { href: '/patient', label: 'My visits', exact: true },
  { href: '/patient/book', label: 'Book a visit' },
  { href: '/patient/profile', label: 'Profile' },
  { href: '/account', label: 'Security' },
];

/**
 * Patient portal chrome. Not a security boundary: it only decides whether to draw the portal
 * nav (sign-up, also under /patient, is public); every page checks the session itself.
 */
export default async function PatientLayout({ children }: { children: ReactNode }) {
  const ctx = await getSessionContext();
  if (ctx?.role !== 'patient') {
    return <>{children}</>;
  }
  return (
    <PortalShell title="Patient portal" nav={NAV}>
      {children}
    </PortalShell>
  );
}
