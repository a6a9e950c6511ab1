'use client';

import { useActionState } from 'react';
import { Alert } from '@/components/ui/alert.tsx';
import { Field } from '@/components/ui/field.tsx';
import { Button } from '@/components/ui/button.tsx';
import { submitWithoutReset } from '@/components/forms/submit-without-reset.ts';
import { acceptInviteAction } from './actions.ts';

/** Name, email and password for an invited account. */
export function AcceptInviteForm({ token, minLength }: { token: string; minLength: number }) {
  const [state, action, isPending] = useActionState(acceptInviteAction, null);
  const err = (name: string) => (state && !state.ok ? state.fieldErrors?.[name]?.[0] : undefined);
  return (
    <form onSubmit={submitWithoutReset(action)} className="space-y-4">
      {state && !state.ok ? <Alert variant="error">{state.message}</Alert> : null}
      <input type="hidden" name="token" value={token} />
      <Field name="name" label="Full name" autoComplete="name" required error={err('name')} />
      <Field name="email" label="Work email" type="email" autoComplete="email" required error={err('email')} />
      <Field name="password" label="Password" type="password" autoComplete="new-password" minLength={minLength} required error={err('password')} hint={`At least ${minLength} characters; not a common password.`} />
      <Button type="submit" className="w-full" disabled={isPending} aria-busy={isPending || undefined}>
        {isPending ? 'Creating your account…' : 'Create account'}
      </Button>
    </form>
  );
}
