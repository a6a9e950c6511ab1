'use server';
/**
 * Clinician availability actions: visit settings and on-call, weekly hours, date exceptions.
 * Every action edits only the signed-in clinician's own resource.
 */
import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { safeFormAction } from '@/lib/actions/safe-action.ts';
import type { SessionContext } from '@/lib/auth/session.ts';
import { updateResource } from '@/lib/core/resources/update-resource.ts';
import { updateAvailability } from '@/lib/core/schedule/update-availability.ts';
import { AppError } from '@/lib/errors/app-error.ts';
import { clockToMinutes, parseDayWindows, WEEKDAYS } from '@/lib/core/schedule/weekly-hours-text.ts';

function ownResource(ctx: SessionContext): string {
  if (!ctx.resourceId) {
    throw new AppError('FORBIDDEN', 'Your account is not linked to a schedule yet.');
  }
  return ctx.resourceId;
}

function done(message: string): string {
  revalidatePath('/clinician/availability');
  revalidatePath('/clinician/schedule');
  return message;
}

/** Visit length, buffer and on-call. */
export const saveVisitSettingsAction = safeFormAction(
  {
    schema: z.object({
      visitMinutes: z.coerce.number().int().min(5).max(480),
      bufferMinutes: z.coerce.number().int().min(0).max(240),
      onCall: z.string().optional(),
    }),
    roles: ['clinician'],
  },
  async (input, ctx) => {
    await updateResource(ctx.tenantId, ownResource(ctx), { visitMinutes: input.visitMinutes, bufferMinutes: input.bufferMinutes, onCall: input.onCall === 'on' });
    return done('Visit settings saved.');
  },
);

/** Weekly hours: one text field per weekday (day0..day6). */
export const saveWeeklyHoursAction = safeFormAction(
  { schema: z.object(Object.fromEntries(WEEKDAYS.map((_, i) => [`day${i}`, z.string().max(200).default('')]))), roles: ['clinician'] },
  async (input, ctx) => {
    const resourceId = ownResource(ctx);
    const rules = WEEKDAYS.flatMap((name, weekday) => {
      try {
        return parseDayWindows(String(input[`day${weekday}`] ?? '')).map((w) => ({ weekday, ...w }));
      } catch (error) {
        throw new AppError('BAD_REQUEST', `${name}: ${(error as Error).message}`);
      }
    });
    await updateAvailability(ctx.tenantId, resourceId, (current) => ({ rules, exceptions: current.exceptions }));
    return done('Weekly hours saved.');
  },
);

/** Adds a date exception (time off, or extra hours). */
export const addExceptionAction = safeFormAction(
  {
    schema: z.object({ date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Pick a date'), kind: z.enum(['off', 'extra']), start: z.string().default(''), end: z.string().default('') }),
    roles: ['clinician'],
  },
  async (input, ctx) => {
    const resourceId = ownResource(ctx);
    const start = input.start.trim() ? clockToMinutes(input.start) : null;
    const end = input.end.trim() ? clockToMinutes(input.end) : null;
    if ((input.start.trim() && start === null) || (input.end.trim() && end === null)) {
      throw new AppError('BAD_REQUEST', 'Times must look like 09:00.');
    }
    try {
      await updateAvailability(ctx.tenantId, resourceId, (current) => ({ rules: current.rules, exceptions: [...current.exceptions, { date: input.date, kind: input.kind, startMinute: start, endMinute: end }] }));
    } catch (error) {
      if (error instanceof z.ZodError) {
        throw new AppError('BAD_REQUEST', error.issues[0]?.message ?? 'Invalid exception');
      }
      throw error;
    }
    return done('Exception added.');
  },
);

/** Removes the exception at `index` of the current list. */
export const removeExceptionAction = safeFormAction({ schema: z.object({ index: z.coerce.number().int().min(0) }), roles: ['clinician'] }, async (input, ctx) => {
  const resourceId = ownResource(ctx);
  await updateAvailability(ctx.tenantId, resourceId, (current) => ({ rules: current.rules, exceptions: current.exceptions.filter((_, i) => i !== input.index) }));
  return done('Exception removed.');
});
