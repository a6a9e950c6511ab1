'use client';

import { useActionState } from 'react';
import { Button } from '@/components/ui/button.tsx';
import { disableUserAction, enableUserAction, signOutUserEverywhereAction } from './actions.ts';

function RowAction({ action, userId, label, variant }: { action: typeof disableUserAction; userId: string; label: string; variant: 'secondary' | 'danger' }) {
  const [state, formAction, pending] = useActionState(action, null);
  return (
    <form action={formAction}>
      <input type="hidden" name="userId" value={userId} />
      <Button type="submit" size="sm" variant={variant} disabled={pending}>
        {label}
      </Button>
      {state && !state.ok ? (
        <p role="alert" className="mt-1 text-xs text-red-700">
          {state.message}
        </p>
      ) : null}
    </form>
  );
}

/** Disable / enable and sign-out-everywhere buttons of one user row. */
export function UserRowActions({ userId, disabled, isSelf, label }: { userId: string; disabled: boolean; isSelf: boolean; label: string }) {
  return (
    <div className="flex flex-wrap gap-2" aria-label={`Actions for ${label}`} role="group">
      {isSelf ? null : disabled ? (
        <RowAction action={enableUserAction} userId={userId} label="Enable" variant="secondary" />
      ) : (
        <RowAction action={disableUserAction} userId={userId} label="Disable" variant="danger" />
      )}
      <RowAction action={signOutUserEverywhereAction} userId={userId} label="Sign out everywhere" variant="secondary" />
    </div>
  );
}
