'use server';

import { redirect } from 'next/navigation';
import { z } from 'zod';
import { safeFormAction } from '@/lib/actions/safe-action.ts';
import { AppError } from '@/lib/errors/app-error.ts';
import { confirmMfaEnrolment } from '@/lib/auth/mfa/enrol-mfa.ts';
import { verifySecondFactor } from '@/lib/auth/mfa/verify-mfa.ts';
import { markSessionMfaVerified } from '@/lib/auth/mfa/step-up.ts';
import { endCurrentSession } from '@/lib/auth/sign-out.ts';

const ZCode = z.object({ code: z.string().trim().min(6, 'Enter the code').max(40) });

/** Confirms TOTP enrolment; returns the recovery codes to show once. */
export const confirmMfaEnrolmentAction = safeFormAction({ schema: ZCode, allowPendingMfa: true }, async (input, ctx) => {
  const recoveryCodes = await confirmMfaEnrolment(ctx, input.code);
  await markSessionMfaVerified();
  return { recoveryCodes };
});

/** Second sign-in step: TOTP or recovery code. */
export const verifyMfaAction = safeFormAction({ schema: ZCode, allowPendingMfa: true }, async (input, ctx) => {
  const outcome = await verifySecondFactor(ctx, input.code);
  if (!outcome.ok) {
    if (outcome.locked) {
      await endCurrentSession('user');
      redirect('/signin?reason=locked');
    }
    throw new AppError('BAD_REQUEST', 'That code did not work. Enter the current code from your app, or one of your recovery codes.');
  }
  await markSessionMfaVerified();
  redirect('/signin/continue');
});
