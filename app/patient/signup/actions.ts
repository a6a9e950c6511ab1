'use server';

import { redirect } from 'next/navigation';
import { safeFormAction } from '@/lib/actions/safe-action.ts';
import { signUpPatient, ZPatientSignup } from '@/lib/auth/signup-patient.ts';

/** Patient self sign-up (public). On success the new patient signs in. */
export const signUpPatientAction = safeFormAction({ schema: ZPatientSignup, public: true }, async (input) => {
  const created = await signUpPatient(input);
  redirect(`/signin?created=1&clinic=${encodeURIComponent(created.tenantSlug)}`);
});
