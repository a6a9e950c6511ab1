import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { Card } from '@/components/ui/card.tsx';
import { requireSession, loadSessionState } from '@/lib/auth/session.ts';
import { MfaVerifyForm } from './mfa-verify-form.tsx';

export const metadata: Metadata = { title: 'Two-step verification' };

/** Second sign-in step for accounts with MFA on. */
export default async function MfaVerifyPage() {
  await requireSession({ allowPendingMfa: true });
  const state = await loadSessionState();
  if (state.status !== 'mfa_verify') {
    redirect('/signin/continue');
  }
  return (
    <div className="mx-auto max-w-md">
      <h1 className="mb-6 text-2xl font-semibold tracking-tight text-ink">Two-step verification</h1>
      <Card>
        <MfaVerifyForm />
      </Card>
    </div>
  );
}
