'use server';

import { redirect } from 'next/navigation';
import { z } from 'zod';
import { endCurrentSession } from '@/lib/auth/sign-out.ts';
import { signOutEverywhere } from '@/lib/auth/users/manage-user.ts';
import { safeFormAction } from '@/lib/actions/safe-action.ts';

/** Signs this browser out. */
export async function signOutAction(): Promise<void> {
  await endCurrentSession('user');
  redirect('/signin?signedOut=1');
}

/** Ends every session of the caller (all devices), then this one. */
export const signOutEverywhereAction = safeFormAction({ schema: z.object({}) }, async (_input, ctx) => {
  await signOutEverywhere(ctx, ctx.userId);
  await endCurrentSession('user');
  redirect('/signin?signedOut=all');
});
