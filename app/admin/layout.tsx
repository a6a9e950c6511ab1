import type { ReactNode } from 'react';
import { PortalShell } from '@/components/portal/portal-shell.tsx';
import { getSessionContext } from '@/lib/auth/session.ts';

const NAV = [
  { href: '/admin', label: 'Overview', exact: true },
  { href: '/admin/users', label: 'Users' },
  { href: '/admin/audit', label: 'Audit' },
  { href: '/admin/webhooks', label: 'Webhooks' },
  { href: '/admin/deliveries', label: 'Deliveries' },
  { href: '/admin/api-keys', label: 'API keys' },
  { href: '/admin/compliance', label: 'Compliance' },
  { href: '/account', label: 'Security' },
];

/** Admin panel chrome (pages check the session themselves). */
export default async function AdminLayout({ children }: { children: ReactNode }) {
  const ctx = await getSessionContext();
  if (ctx?.role !== 'admin') {
    return <>{children}</>;
  }
  return (
    <PortalShell title="Admin" nav={NAV}>
      {children}
    </PortalShell>
  );
}
