'use server';

import { redirect } from 'next/navigation';
import { safeFormAction } from '@/lib/actions/safe-action.ts';
import { acceptInvite, ZAcceptInvite } from '@/lib/auth/invites/accept-invite.ts';

/** Creates the invited clinician/admin account (public: the link is the credential). */
export const acceptInviteAction = safeFormAction({ schema: ZAcceptInvite, public: true }, async (input) => {
  const { tenantSlug } = await acceptInvite(input);
  redirect(`/signin?created=1&clinic=${encodeURIComponent(tenantSlug)}`);
});
