import type { Metadata } from 'next';
import { Alert } from '@/components/ui/alert.tsx';
import { Card } from '@/components/ui/card.tsx';
import { LinkButton } from '@/components/ui/link-button.tsx';
import { previewInvite } from '@/lib/auth/invites/accept-invite.ts';
import { PASSWORD_MIN_LENGTH } from '@/lib/auth/password-policy.ts';
import { AcceptInviteForm } from './accept-invite-form.tsx';

export const metadata: Metadata = { title: 'Accept invite', referrer: 'no-referrer' };

/** Landing page of an admin's invite link. */
export default async function AcceptInvitePage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const invite = await previewInvite(token);
  if (!invite) {
    return (
      <div className="mx-auto max-w-md space-y-4">
        <h1 className="text-2xl font-semibold tracking-tight text-ink">Invite not valid</h1>
        <Alert variant="warning">This invite link has expired or was already used. Ask your clinic’s admin for a new one.</Alert>
        <LinkButton href="/signin" variant="secondary">Go to sign in</LinkButton>
      </div>
    );
  }
  return (
    <div className="mx-auto max-w-md">
      <h1 className="text-2xl font-semibold tracking-tight text-ink">Join {invite.tenantSlug} as {invite.role === 'admin' ? 'an admin' : 'a clinician'}</h1>
      <p className="mb-6 mt-1 text-sm text-ink-muted">After creating your account you will set up two-step verification.</p>
      <Card>
        <AcceptInviteForm token={token} minLength={PASSWORD_MIN_LENGTH} />
      </Card>
    </div>
  );
}
