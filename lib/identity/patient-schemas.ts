/** zod schemas for patient identity data (the PHI the platform holds, encrypted). */
import { z } from 'zod';

export const ZPatientIdentity = z.object({
  name: z.string().trim().min(1, 'Enter your full name').max(200),
  email: z.string().trim().max(254).pipe(z.email('Enter a valid email address')),
  phone: z
    .string()
    .trim()
    .regex(/^\+?[0-9 ().-]{7,20}$/, 'Enter a valid phone number'),
  dateOfBirth: z.iso.date('Enter your date of birth as YYYY-MM-DD').refine((d) => {
    const t = Date.parse(d);
    return t < Date.now() && t > Date.parse('1900-01-01');
  }, 'Enter a real date of birth'),
});
export type TPatientIdentity = z.infer<typeof ZPatientIdentity>;
