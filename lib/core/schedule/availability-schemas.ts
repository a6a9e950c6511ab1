/**
 * The full availability of one resource (weekly rules + date exceptions), as read and replaced.
 */
import { z } from 'zod';
import { ZAvailabilityException, ZWeeklyRule, type TAvailabilityException, type TWeeklyRule } from '../availability/schemas.ts';

export const ZAvailability = z.object({
  rules: z.array(ZWeeklyRule).max(100),
  exceptions: z.array(ZAvailabilityException).max(500),
});
export type TAvailability = z.infer<typeof ZAvailability>;

/** Availability as stored; exception dates as resource-local "YYYY-MM-DD". */
export interface AvailabilityView {
  resourceId: string;
  rules: TWeeklyRule[];
  exceptions: TAvailabilityException[];
}
