import type { ReactNode } from 'react';
import { cn } from './cn.ts';

export interface EmptyStateProps {
  title: ReactNode;
  description?: ReactNode;
  /** Optional call to action, e.g. a LinkButton. */
  action?: ReactNode;
  className?: string;
}

/** What a list or table shows when it has nothing yet: say so plainly and offer the next step. */
export function EmptyState({ title, description, action, className }: EmptyStateProps) {
  return (
    <div className={cn('rounded-lg border border-dashed border-line bg-surface px-6 py-10 text-center', className)}>
      <p className="text-base font-semibold text-ink">{title}</p>
      {description ? <p className="mx-auto mt-1 max-w-prose text-sm text-ink-muted">{description}</p> : null}
      {action ? <div className="mt-4 flex justify-center">{action}</div> : null}
    </div>
  );
}
