'use server';
/**
 * Clinician schedule actions: confirm, cancel, complete, no-show. The core restricts them to
 * appointments of the clinician's own resource.
 */
import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { safeFormAction } from '@/lib/actions/safe-action.ts';
import { changeAppointmentStatus } from '@/lib/core/appointments/change-appointment-status.ts';
import { AppError } from '@/lib/errors/app-error.ts';

const DONE: Record<string, string> = { confirmed: 'Visit confirmed.', cancelled: 'Visit cancelled.', completed: 'Visit marked completed.', no_show: 'Visit marked as no-show.' };

/** Applies a status change to one of the clinician's visits. */
export const changeVisitStatusAction = safeFormAction(
  { schema: z.object({ appointmentId: z.uuid(), target: z.enum(['confirmed', 'cancelled', 'completed', 'no_show']) }), roles: ['clinician'] },
  async (input, ctx) => {
    if (!ctx.resourceId) {
      throw new AppError('FORBIDDEN', 'Your account is not linked to a schedule yet.');
    }
    await changeAppointmentStatus(ctx.tenantId, input.appointmentId, input.target, { actor: { kind: 'clinician', resourceId: ctx.resourceId } });
    revalidatePath('/clinician/schedule');
    return DONE[input.target];
  },
);
