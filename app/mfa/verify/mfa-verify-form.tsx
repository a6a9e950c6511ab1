'use client';

import { useActionState } from 'react';
import { Alert } from '@/components/ui/alert.tsx';
import { Field } from '@/components/ui/field.tsx';
import { SubmitButton } from '@/components/ui/submit-button.tsx';
import { verifyMfaAction } from '../actions.ts';

/** The code step of sign-in. */
export function MfaVerifyForm() {
  const [state, action] = useActionState(verifyMfaAction, null);
  return (
    <form action={action} className="space-y-4">
      {state && !state.ok ? <Alert variant="error">{state.message}</Alert> : null}
      <Field
        name="code"
        label="Verification code"
        autoComplete="one-time-code"
        required
        autoFocus
        hint="The 6-digit code from your authenticator app, or one of your recovery codes."
        error={state && !state.ok ? state.fieldErrors?.code?.[0] : undefined}
      />
      <SubmitButton className="w-full" pendingLabel="Checking…">
        Verify
      </SubmitButton>
    </form>
  );
}
