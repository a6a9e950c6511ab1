import type { Metadata } from 'next';
import { Card } from '@/components/ui/card.tsx';
import { PageHeader } from '@/components/ui/page-header.tsx';
import { requireSession } from '@/lib/auth/session.ts';
import { getOrCreateMfaEnrolment } from '@/lib/auth/mfa/enrol-mfa.ts';
import { isMfaRequired } from '@/lib/auth/roles.ts';
import { MfaSetupForm } from './mfa-setup-form.tsx';

export const metadata: Metadata = { title: 'Set up two-step verification' };

/** TOTP enrolment: required for clinicians and admins before their panels, optional for patients. */
export default async function MfaSetupPage() {
  const ctx = await requireSession({ allowPendingMfa: true });
  const enrolment = await getOrCreateMfaEnrolment(ctx);
  return (
    <div className="mx-auto max-w-lg">
      <PageHeader
        title="Set up two-step verification"
        description={isMfaRequired(ctx.role) ? 'Your role can see patient information, so a second step is required before you continue.' : 'Protect your account with a code from your phone.'}
      />
      <Card>
        <MfaSetupForm alreadyEnabled={enrolment.alreadyEnabled} secret={enrolment.secret} qrDataUrl={enrolment.qrDataUrl} />
      </Card>
    </div>
  );
}
