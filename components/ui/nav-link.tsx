'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';
import type { ComponentProps } from 'react';
import { cn } from './cn.ts';

export interface NavLinkProps extends Omit<ComponentProps<typeof Link>, 'href'> {
  href: string;
  /** Match only the exact path (for section roots like `/admin`); default matches sub-paths too. */
  exact?: boolean;
}

/**
 * A navigation link that marks the current page with `aria-current="page"` and a visible
 * underline, so the active item is conveyed to screen readers and not by colour alone.
 */
export function NavLink({ href, exact = false, className, ...rest }: NavLinkProps) {
  const pathname = usePathname() ?? '';
  const active = exact ? pathname === href : pathname === href || pathname.startsWith(`${href}/`);
  return (
    <Link
      href={href}
      aria-current={active ? 'page' : undefined}
      className={cn(
        'rounded-md px-3 py-2 text-sm font-medium hover:bg-brand-50',
        active
          ? 'text-brand-800 underline decoration-2 underline-offset-8'
          : 'text-ink-muted no-underline hover:text-ink hover:no-underline',
        className,
      )}
      {...rest}
    />
  );
}
