import type { Metadata } from 'next';
import { Card } from '@/components/ui/card.tsx';
import { PageHeader } from '@/components/ui/page-header.tsx';
import { LinkButton } from '@/components/ui/link-button.tsx';
import { requireSession } from '@/lib/auth/session.ts';
import { getOrCreateMfaEnrolment } from '@/lib/auth/mfa/enrol-mfa.ts';
import { ROLE_HOME } from '@/lib/auth/roles.ts';
import { getConfig } from '@/lib/config.ts';
import { SignOutEverywhereForm } from './sign-out-everywhere-form.tsx';

export const metadata: Metadata = { title: 'Account security' };

/** Security settings for any role: two-step verification, session policy, sign out everywhere. */
export default async function AccountSecurityPage() {
  const ctx = await requireSession();
  const mfa = await getOrCreateMfaEnrolment(ctx);
  const cfg = getConfig();
  return (
    <div className="mx-auto max-w-2xl space-y-6">
      <PageHeader title="Account security" actions={<LinkButton href={ROLE_HOME[ctx.role]} variant="secondary">Back to portal</LinkButton>} />
      <Card title="Two-step verification">
        {mfa.alreadyEnabled ? (
          <p className="text-sm">On. You sign in with your password and a code from your authenticator app.</p>
        ) : (
          <div className="space-y-3 text-sm">
            <p>Off. Add a code from your phone to protect your account.</p>
            <LinkButton href="/mfa/setup">Set up two-step verification</LinkButton>
          </div>
        )}
      </Card>
      <Card title="Sessions">
        <p className="text-sm text-ink-muted">
          You are signed out after {cfg.SESSION_IDLE_MINUTES} minutes without activity, and after {cfg.SESSION_MAX_HOURS} hours in any case.
        </p>
        <div className="mt-4">
          <SignOutEverywhereForm />
        </div>
      </Card>
    </div>
  );
}
