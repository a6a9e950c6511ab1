import type { ReactNode } from 'react';
import { NavLink } from '@/components/ui/nav-link.tsx';
import { SignOutButton } from '@/components/auth/sign-out-button.tsx';
import { IdleMonitor } from '@/components/auth/idle-monitor.tsx';
import { idleTimeoutMs } from '@/lib/auth/session-token.ts';

export interface PortalNavItem {
  href: string;
  label: string;
  exact?: boolean;
}

export interface PortalShellProps {
  /** Section name, e.g. "Patient portal". */
  title: string;
  nav: PortalNavItem[];
  children: ReactNode;
}

/** Chrome of a signed-in portal: section nav, sign-out, and the idle-logoff monitor. */
export function PortalShell({ title, nav, children }: PortalShellProps) {
  return (
    <div className="space-y-6">
      <div className="flex flex-col gap-3 border-b border-line pb-3 sm:flex-row sm:items-center sm:justify-between">
        <nav aria-label={title} className="-mx-3 overflow-x-auto">
          <p className="sr-only">{title}</p>
          <ul className="flex flex-wrap items-center gap-1">
            {nav.map((item) => (
              <li key={item.href}>
                <NavLink href={item.href} exact={item.exact}>
                  {item.label}
                </NavLink>
              </li>
            ))}
          </ul>
        </nav>
        <SignOutButton />
      </div>
      {children}
      <IdleMonitor idleMs={idleTimeoutMs()} />
    </div>
  );
}
