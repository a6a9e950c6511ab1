import type { ReactNode, TdHTMLAttributes, ThHTMLAttributes } from 'react';
import { cn } from './cn.ts';

export interface TableProps {
  /** Required: names the table for screen readers. Visually hidden when `hideCaption`. */
  caption: ReactNode;
  hideCaption?: boolean;
  children: ReactNode;
  className?: string;
}

/**
 * A plain, accessible data table: real `<table>` semantics, a caption, and horizontal scrolling
 * on narrow screens (the scroll region is focusable and labelled so keyboard users can scroll it).
 * Compose with `<thead><tr><Th>…</Th></tr></thead><tbody><tr><Td>…</Td></tr></tbody>`.
 */
export function Table({ caption, hideCaption = false, children, className }: TableProps) {
  return (
    <div
      className={cn('overflow-x-auto rounded-lg border border-line bg-surface', className)}
      tabIndex={0}
      role="region"
      aria-label={typeof caption === 'string' ? caption : undefined}
    >
      <table className="min-w-full divide-y divide-line text-left text-sm">
        <caption className={hideCaption ? 'sr-only' : 'px-4 py-3 text-left text-sm font-semibold text-ink'}>
          {caption}
        </caption>
        {children}
      </table>
    </div>
  );
}

/** Header cell; defaults to `scope="col"`. */
export function Th({ className, scope = 'col', ...rest }: ThHTMLAttributes<HTMLTableCellElement>) {
  return (
    <th
      scope={scope}
      className={cn('bg-canvas px-4 py-2 text-xs font-semibold uppercase tracking-wide text-ink-muted', className)}
      {...rest}
    />
  );
}

/** Body cell. */
export function Td({ className, ...rest }: TdHTMLAttributes<HTMLTableCellElement>) {
  return <td className={cn('border-t border-line px-4 py-2 align-top text-ink', className)} {...rest} />;
}
