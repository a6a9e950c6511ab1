'use client';

import { signIn } from 'next-auth/react';
import { useState, type FormEvent } from 'react';
import { Alert } from '@/components/ui/alert.tsx';
import { Button } from '@/components/ui/button.tsx';
import { Field } from '@/components/ui/field.tsx';

export interface SignInFormProps {
  defaultClinic: string;
  callbackUrl?: string;
  refusedMessage: string;
}

/** Clinic code + email + password, posted to next-auth's credentials callback (CSRF-protected). */
export function SignInForm({ defaultClinic, callbackUrl, refusedMessage }: SignInFormProps) {
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setPending(true);
    setError(null);
    try {
      const res = await signIn('credentials', {
        redirect: false,
        clinic: String(form.get('clinic') ?? ''),
        email: String(form.get('email') ?? ''),
        password: String(form.get('password') ?? ''),
      });
      if (!res || res.error || !res.ok) {
        setError(refusedMessage);
        setPending(false);
        return;
      }
      const next = new URL('/signin/continue', window.location.origin);
      if (callbackUrl) {
        next.searchParams.set('callbackUrl', callbackUrl);
      }
      window.location.assign(next.toString());
    } catch {
      setError('Sign-in is unavailable right now. Please try again.');
      setPending(false);
    }
  }

  return (
    <form onSubmit={onSubmit} className="space-y-4" noValidate>
      {error ? <Alert variant="error">{error}</Alert> : null}
      <Field name="clinic" label="Clinic code" defaultValue={defaultClinic} autoComplete="organization" required hint="Your clinic gave you this code." />
      <Field name="email" label="Email" type="email" autoComplete="username" required />
      <Field name="password" label="Password" type="password" autoComplete="current-password" required />
      <Button type="submit" className="w-full" disabled={pending} aria-busy={pending || undefined}>
        {pending ? 'Signing in…' : 'Sign in'}
      </Button>
    </form>
  );
}
