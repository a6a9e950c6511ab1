'use server';
/**
 * Patient booking actions: book a chosen slot, or "see a clinician now". The patient's token
 * comes from the session, never from the form.
 */
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { safeFormAction } from '@/lib/actions/safe-action.ts';
import { bookAppointment } from '@/lib/core/appointments/book-appointment.ts';
import { bookOnDemand } from '@/lib/core/appointments/book-on-demand.ts';
import { AppError } from '@/lib/errors/app-error.ts';

/** The signed-in patient's token, or FORBIDDEN for an account without a patient record. */
function requireToken(tokenId: string | undefined): string {
  if (!tokenId) {
    throw new AppError('FORBIDDEN', 'This account has no patient record.');
  }
  return tokenId;
}

/** Books the slot; on success goes to the visit page. */
export const bookSlotAction = safeFormAction(
  { schema: z.object({ resourceId: z.uuid(), startsAt: z.iso.datetime() }), roles: ['patient'] },
  async (input, ctx) => {
    const appointment = await bookAppointment(ctx.tenantId, { resourceId: input.resourceId, tokenId: requireToken(ctx.tokenId), startsAt: new Date(input.startsAt) });
    redirect(`/patient/visits/${appointment.id}?booked=1`);
  },
);

/** Creates an immediate visit with the first free on-call clinician, or explains nobody is free. */
export const seeClinicianNowAction = safeFormAction({ schema: z.object({}), roles: ['patient'] }, async (_input, ctx) => {
  const appointment = await bookOnDemand(ctx.tenantId, requireToken(ctx.tokenId));
  redirect(`/patient/visits/${appointment.id}?booked=1`);
});
