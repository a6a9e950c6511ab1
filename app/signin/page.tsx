import type { Metadata } from 'next';
import Link from 'next/link';
import { Alert } from '@/components/ui/alert.tsx';
import { Card } from '@/components/ui/card.tsx';
import { SIGN_IN_REFUSED_MESSAGE } from '@/lib/auth/authenticate-password.ts';
import { getConfig } from '@/lib/config.ts';
import { safeCallbackUrl } from '@/lib/auth/callback-url.ts';
import { SignInForm } from './sign-in-form.tsx';

export const metadata: Metadata = { title: 'Sign in' };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

function first(v: string | string[] | undefined): string | undefined {
  return Array.isArray(v) ? v[0] : v;
}

function notice(params: Record<string, string | string[] | undefined>): { variant: 'info' | 'success' | 'warning'; text: string } | null {
  const reason = first(params.reason);
  if (reason === 'idle') {
    return { variant: 'warning', text: `You were signed out after ${getConfig().SESSION_IDLE_MINUTES} minutes of inactivity. Sign in again to continue.` };
  }
  if (reason === 'expired') {
    return { variant: 'warning', text: `Sessions last at most ${getConfig().SESSION_MAX_HOURS} hours. Sign in again to continue.` };
  }
  if (reason === 'revoked') {
    return { variant: 'warning', text: 'Your session was ended. Sign in again to continue.' };
  }
  if (reason === 'locked') {
    return { variant: 'warning', text: SIGN_IN_REFUSED_MESSAGE };
  }
  if (first(params.created)) {
    return { variant: 'success', text: 'Your account is ready. Sign in to continue.' };
  }
  if (first(params.signedOut)) {
    return { variant: 'info', text: first(params.signedOut) === 'all' ? 'You are signed out on all devices.' : 'You are signed out.' };
  }
  return null;
}

/** Sign-in for patients, clinicians and admins. */
export default async function SignInPage({ searchParams }: { searchParams: SearchParams }) {
  const params = await searchParams;
  const message = notice(params);
  const clinic = first(params.clinic)?.slice(0, 63) ?? 'demo';
  return (
    <div className="mx-auto max-w-md">
      <h1 className="mb-6 text-2xl font-semibold tracking-tight text-ink">Sign in</h1>
      {message ? <Alert variant={message.variant} className="mb-4">{message.text}</Alert> : null}
      <Card>
        <SignInForm defaultClinic={clinic} callbackUrl={safeCallbackUrl(first(params.callbackUrl)) ?? undefined} refusedMessage={SIGN_IN_REFUSED_MESSAGE} />
      </Card>
      <p className="mt-4 text-sm text-ink-muted">
        New patient? <Link href="/patient/signup">Create an account</Link>. Clinicians and admins join through an invite from their clinic’s admin.
      </p>
    </div>
  );
}
