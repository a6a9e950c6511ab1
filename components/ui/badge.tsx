import type { ReactNode } from 'react';
import { cn } from './cn.ts';

export type BadgeTone = 'neutral' | 'info' | 'success' | 'warning' | 'danger' | 'muted';

const TONE_CLASSES: Record<BadgeTone, string> = {
  neutral: 'bg-slate-100 text-slate-800 ring-slate-300',
  info: 'bg-sky-50 text-sky-800 ring-sky-300',
  success: 'bg-emerald-50 text-emerald-800 ring-emerald-300',
  warning: 'bg-amber-50 text-amber-900 ring-amber-300',
  danger: 'bg-red-50 text-red-800 ring-red-300',
  muted: 'bg-slate-50 text-slate-600 ring-slate-200',
};

export type AppointmentStatusName = 'pending' | 'confirmed' | 'cancelled' | 'completed' | 'no_show';
export type EndpointStateName = 'healthy' | 'failing' | 'circuit_open' | 'disabled';
export type DeliveryStatusName = 'pending' | 'retrying' | 'delivered' | 'failed' | 'dead';
export type KnownStatus = AppointmentStatusName | EndpointStateName | DeliveryStatusName;

/** Tone and human label of every status the UI shows; text carries the meaning, colour only helps. */
const STATUS_STYLES: Record<KnownStatus, { tone: BadgeTone; label: string }> = {
  pending: { tone: 'warning', label: 'Pending' },
  confirmed: { tone: 'success', label: 'Confirmed' },
  cancelled: { tone: 'muted', label: 'Cancelled' },
  completed: { tone: 'info', label: 'Completed' },
  no_show: { tone: 'danger', label: 'No-show' },
  healthy: { tone: 'success', label: 'Healthy' },
  failing: { tone: 'warning', label: 'Failing' },
  circuit_open: { tone: 'danger', label: 'Circuit open' },
  disabled: { tone: 'muted', label: 'Disabled' },
  retrying: { tone: 'warning', label: 'Retrying' },
  delivered: { tone: 'success', label: 'Delivered' },
  failed: { tone: 'danger', label: 'Failed' },
  dead: { tone: 'danger', label: 'Dead-lettered' },
};

export interface BadgeProps {
  tone?: BadgeTone;
  children: ReactNode;
  className?: string;
}

/** A small pill label. */
export function Badge({ tone = 'neutral', children, className }: BadgeProps) {
  return (
    <span
      className={cn(
        'inline-flex items-center rounded-full px-2.5 py-0.5 text-xs font-medium ring-1 ring-inset',
        TONE_CLASSES[tone],
        className,
      )}
    >
      {children}
    </span>
  );
}

/**
 * Badge for an appointment status, webhook-endpoint state or delivery status. Unknown values
 * render neutrally with the raw value, so a new status never crashes a page.
 */
export function StatusBadge({ status, className }: { status: KnownStatus | (string & {}); className?: string }) {
  const style = (STATUS_STYLES as Record<string, { tone: BadgeTone; label: string } | undefined>)[status];
  return (
    <Badge tone={style?.tone ?? 'neutral'} className={className}>
      {style?.label ?? status}
    </Badge>
  );
}
