import type { Metadata } from 'next';
import Link from 'next/link';
import { Card } from '@/components/ui/card.tsx';
import { PASSWORD_MIN_LENGTH } from '@/lib/auth/password-policy.ts';
import { SignupForm } from './signup-form.tsx';

export const metadata: Metadata = { title: 'Create patient account' };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/** Public patient self sign-up. */
export default async function PatientSignupPage({ searchParams }: { searchParams: SearchParams }) {
  const params = await searchParams;
  const clinic = (Array.isArray(params.clinic) ? params.clinic[0] : params.clinic)?.slice(0, 63) ?? 'demo';
  return (
    <div className="mx-auto max-w-lg">
      <h1 className="text-2xl font-semibold tracking-tight text-ink">Create your patient account</h1>
      <p className="mb-6 mt-1 text-sm text-ink-muted">Your details are encrypted and only shared with your clinic’s care team.</p>
      <Card>
        <SignupForm defaultClinic={clinic} minLength={PASSWORD_MIN_LENGTH} />
      </Card>
      <p className="mt-4 text-sm text-ink-muted">
        Already have an account? <Link href="/signin">Sign in</Link>.
      </p>
    </div>
  );
}
