'use client';
/**
 * A form bound to a safeFormAction via useActionState: shows the action's error (role=alert) or
 * success message (role=status) under its fields. Shared by the booking, visit, clinician and
 * admin screens of the scheduling area.
 */
import { useActionState, type ReactNode } from 'react';
import type { ActionResult } from '@/lib/actions/safe-action.ts';

export type FormAction<T> = (prev: ActionResult<T> | null, form: FormData) => Promise<ActionResult<T>>;

export interface ActionFormProps<T> {
  action: FormAction<T>;
  children: ReactNode;
  className?: string;
  /** Renders extra output of a successful action (e.g. a key shown once). */
  renderSuccess?: (data: T) => ReactNode;
  'aria-label'?: string;
}

/** See file comment. */
export function ActionForm<T>({ action, children, className, renderSuccess, ...rest }: ActionFormProps<T>) {
  const [state, formAction] = useActionState<ActionResult<T> | null, FormData>(action, null);
  return (
    <form action={formAction} className={className} aria-label={rest['aria-label']}>
      {children}
      {state && !state.ok ? (
        <p role="alert" className="mt-2 text-sm font-medium text-red-700">
          {state.message}
        </p>
      ) : null}
      {state?.ok && state.message ? (
        <p role="status" className="mt-2 text-sm text-emerald-800">
          {state.message}
        </p>
      ) : null}
      {state?.ok && renderSuccess ? renderSuccess(state.data) : null}
    </form>
  );
}
