'use client';

import { useActionState } from 'react';
import { Alert } from '@/components/ui/alert.tsx';
import { Field } from '@/components/ui/field.tsx';
import { Button } from '@/components/ui/button.tsx';
import { submitWithoutReset } from '@/components/forms/submit-without-reset.ts';
import { verifyMfaAction } from '../actions.ts';

/** The code step of sign-in. */
export function MfaVerifyForm() {
  const [state, action, isPending] = useActionState(verifyMfaAction, null);
  return (
    <form onSubmit={submitWithoutReset(action)} className="space-y-4">
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
      <Button type="submit" className="w-full" disabled={isPending} aria-busy={isPending || undefined}>
        {isPending ? 'Checking…' : 'Verify'}
      </Button>
    </form>
  );
}
