/**
 * What a vendor is told about a visit: times, a generic topic and opaque aliases. Never a name,
 * an email or the reason for the visit.
 */
import { createHash } from 'node:crypto';
import type { ProvisionInput } from './providers/video-provider.ts';
import type { VisitAppointment } from './load-visit-participants.ts';

/** Domain of participant aliases (reserved TLD: mail to it goes nowhere). */
export const ALIAS_EMAIL_DOMAIN = 'video.periodic.invalid';

/** Builds the vendor-facing description of a visit. */
export function buildProvisionInput(
  roomId: string,
  appointment: Pick<VisitAppointment, 'id' | 'startsAt' | 'endsAt'>,
  participants: Array<{ userId: string; role: 'patient' | 'clinician' }>,
): ProvisionInput {
  return {
    appointmentId: appointment.id,
    startsAt: appointment.startsAt,
    endsAt: appointment.endsAt,
    topic: 'Telehealth visit',
    participants: participants.map((p) => {
      // Per room and user, so aliases of one person cannot be linked across visits by the vendor.
      const alias = createHash('sha256').update(`${roomId}:${p.userId}`).digest('hex').slice(0, 16);
      return {
        userId: p.userId,
        role: p.role,
        displayAlias: p.role === 'clinician' ? 'Clinician' : 'Patient',
        emailAlias: `${p.role}-${alias}@${ALIAS_EMAIL_DOMAIN}`,
      };
    }),
  };
}
