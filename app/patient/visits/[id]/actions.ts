'use server';
/**
 * Patient visit actions: cancel or reschedule. Ownership is checked by the core against the
 * session's token (another patient's visit id is simply "not found": no IDOR).
 */
import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { safeFormAction } from '@/lib/actions/safe-action.ts';
import { cancelAppointment } from '@/lib/core/appointments/cancel-appointment.ts';
import { rescheduleAppointment } from '@/lib/core/appointments/reschedule-appointment.ts';
import { AppError } from '@/lib/errors/app-error.ts';

function patientActor(tokenId: string | undefined) {
  if (!tokenId) {
    throw new AppError('FORBIDDEN', 'This account has no patient record.');
  }
  return { kind: 'patient' as const, tokenId };
}

/** Cancels the signed-in patient's visit (before the clinic's cut-off). */
export const cancelVisitAction = safeFormAction({ schema: z.object({ appointmentId: z.uuid() }), roles: ['patient'] }, async (input, ctx) => {
  await cancelAppointment(ctx.tenantId, input.appointmentId, { actor: patientActor(ctx.tokenId) });
  revalidatePath(`/patient/visits/${input.appointmentId}`);
  redirect(`/patient/visits/${input.appointmentId}?cancelled=1`);
});

/** Moves the signed-in patient's visit to another free slot of the same clinician. */
export const rescheduleVisitAction = safeFormAction(
  { schema: z.object({ appointmentId: z.uuid(), startsAt: z.iso.datetime() }), roles: ['patient'] },
  async (input, ctx) => {
    await rescheduleAppointment(ctx.tenantId, input.appointmentId, new Date(input.startsAt), { actor: patientActor(ctx.tokenId) });
    redirect(`/patient/visits/${input.appointmentId}?rescheduled=1`);
  },
);
