import type { HTMLAttributes, ReactNode } from 'react';
import { cn } from './cn.ts';

export interface CardProps extends Omit<HTMLAttributes<HTMLElement>, 'title'> {
  /** Optional heading shown at the top of the card. */
  title?: ReactNode;
  /** Heading level of the title, so the card fits the page outline. */
  titleAs?: 'h2' | 'h3' | 'h4';
  /** Optional footer row (actions). */
  footer?: ReactNode;
}

/** A bordered surface grouping related content; a `<section>` so its title labels a region. */
export function Card({ title, titleAs: Heading = 'h2', footer, className, children, ...rest }: CardProps) {
  return (
    <section className={cn('rounded-lg border border-line bg-surface shadow-sm', className)} {...rest}>
      {title ? (
        <header className="border-b border-line px-5 py-3">
          <Heading className="text-base font-semibold text-ink">{title}</Heading>
        </header>
      ) : null}
      <div className="px-5 py-4">{children}</div>
      {footer ? <footer className="flex justify-end gap-2 border-t border-line px-5 py-3">{footer}</footer> : null}
    </section>
  );
}
