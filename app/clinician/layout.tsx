import type { ReactNode } from 'react';
import { PortalShell } from '@/components/portal/portal-shell.tsx';
import { getSessionContext } from '@/lib/auth/session.ts';

const NAV = [
  { href: '/clinician', label: 'Today', exact: true },
  { href: '/clinician/availability', label: 'Availability' },
  { href: '/account', label: 'Security' },
];

/** Clinician panel chrome (pages check the session themselves). */
export default async function ClinicianLayout({ children }: { children: ReactNode }) {
  const ctx = await getSessionContext();
  if (ctx?.role !== 'clinician') {
    return <>{children}</>;
  }
  return (
    <PortalShell title="Clinician panel" nav={NAV}>
      {children}
    </PortalShell>
  );
}
