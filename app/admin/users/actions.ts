'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { safeFormAction } from '@/lib/actions/safe-action.ts';
import { createInvite, ZCreateInvite } from '@/lib/auth/invites/create-invite.ts';
import { setUserDisabled, signOutEverywhere } from '@/lib/auth/users/manage-user.ts';

const ADMIN = ['admin'] as const;

/** Creates an invite; the link comes back once in the result. */
export const inviteUserAction = safeFormAction({ schema: ZCreateInvite, roles: ADMIN }, async (input, ctx) => {
  const invite = await createInvite(ctx, input);
  revalidatePath('/admin/users');
  return { link: invite.link, expiresAt: invite.expiresAt.toISOString() };
});

const ZUserTarget = z.object({ userId: z.uuid() });

/** Disables a user (and ends their sessions). */
export const disableUserAction = safeFormAction({ schema: ZUserTarget, roles: ADMIN }, async (input, ctx) => {
  await setUserDisabled(ctx, input.userId, true);
  revalidatePath('/admin/users');
});

/** Re-enables a disabled user. */
export const enableUserAction = safeFormAction({ schema: ZUserTarget, roles: ADMIN }, async (input, ctx) => {
  await setUserDisabled(ctx, input.userId, false);
  revalidatePath('/admin/users');
});

/** Ends every session of a user. */
export const signOutUserEverywhereAction = safeFormAction({ schema: ZUserTarget, roles: ADMIN }, async (input, ctx) => {
  await signOutEverywhere(ctx, input.userId);
  revalidatePath('/admin/users');
});
