'use client';
/** A one-button form bound to an admin server action, with its error or result message inline. */
import { useActionState } from 'react';
import { SubmitButton } from '@/components/ui/submit-button.tsx';
import type { ActionResult } from '@/lib/actions/safe-action.ts';

type Action = (prev: unknown, form: FormData) => Promise<ActionResult<unknown>>;

export function ActionButton({
  action,
  fields,
  label,
  variant = 'secondary',
  testId,
}: {
  action: Action;
  fields: Record<string, string>;
  label: string;
  variant?: 'primary' | 'secondary' | 'danger' | 'ghost';
  testId?: string;
}) {
  const [state, formAction] = useActionState(action, null);
  const data = state?.ok ? (state.data as { replayed?: number; secret?: string } | undefined) : undefined;
  return (
    <form action={formAction} className="inline-flex flex-wrap items-center gap-2">
      {Object.entries(fields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <SubmitButton variant={variant} size="sm" data-testid={testId}>
        {label}
      </SubmitButton>
      {state && !state.ok ? (
        <span role="alert" className="text-xs text-red-800">
          {state.message}
        </span>
      ) : null}
      {data?.replayed !== undefined ? <span className="text-xs text-muted">{data.replayed} replayed</span> : null}
      {data?.secret ? (
        <span className="text-xs">
          New secret (shown once): <code className="font-mono" data-testid="rotated-secret">{data.secret}</code>
        </span>
      ) : null}
    </form>
  );
}
