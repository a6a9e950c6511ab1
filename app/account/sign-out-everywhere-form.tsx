'use client';

import { useActionState } from 'react';
import { Alert } from '@/components/ui/alert.tsx';
import { SubmitButton } from '@/components/ui/submit-button.tsx';
import { signOutEverywhereAction } from './actions.ts';

/** Ends every session of this account, on every device. */
export function SignOutEverywhereForm() {
  const [state, action] = useActionState(signOutEverywhereAction, null);
  return (
    <form action={action} className="space-y-3">
      {state && !state.ok ? <Alert variant="error">{state.message}</Alert> : null}
      <SubmitButton variant="danger" pendingLabel="Signing out…">
        Sign out on all devices
      </SubmitButton>
    </form>
  );
}
