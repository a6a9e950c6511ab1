'use client';

import { useActionState } from 'react';
import { Alert } from '@/components/ui/alert.tsx';
import { Field } from '@/components/ui/field.tsx';
import { Button } from '@/components/ui/button.tsx';
import { submitWithoutReset } from '@/components/forms/submit-without-reset.ts';
import { signUpPatientAction } from './actions.ts';

/** The sign-up form; errors come back from the server action per field. */
export function SignupForm({ defaultClinic, minLength }: { defaultClinic: string; minLength: number }) {
  const [state, action, isPending] = useActionState(signUpPatientAction, null);
  const err = (name: string) => (state && !state.ok ? state.fieldErrors?.[name]?.[0] : undefined);
  return (
    <form onSubmit={submitWithoutReset(action)} className="space-y-4">
      {state && !state.ok ? <Alert variant="error">{state.message}</Alert> : null}
      <Field name="clinic" label="Clinic code" defaultValue={defaultClinic} required error={err('clinic')} />
      <Field name="name" label="Full name" autoComplete="name" required error={err('name')} />
      <Field name="email" label="Email" type="email" autoComplete="email" required error={err('email')} />
      <Field name="dateOfBirth" label="Date of birth" type="date" autoComplete="bday" required error={err('dateOfBirth')} />
      <Field name="phone" label="Phone" type="tel" autoComplete="tel" required error={err('phone')} hint="Include the country code, e.g. +1 555 0100." />
      <Field
        name="password"
        label="Password"
        type="password"
        autoComplete="new-password"
        required
        minLength={minLength}
        error={err('password')}
        hint={`At least ${minLength} characters. Avoid common passwords; a short sentence works well.`}
      />
      <Button type="submit" className="w-full" disabled={isPending} aria-busy={isPending || undefined}>
        {isPending ? 'Creating your account…' : 'Create account'}
      </Button>
    </form>
  );
}
