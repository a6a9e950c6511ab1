import { z } from 'zod';

/** The parts of Zoom's meeting object we read; Zoom sends many more, kept in `raw`. */
export const ZZoomMeeting = z
  .object({
    id: z.number().int().positive(),
    join_url: z.string().min(1),
    start_url: z.string().min(1).optional(),
    password: z.string().optional(),
    settings: z
      .object({
        waiting_room: z.boolean().optional(),
        join_before_host: z.boolean().optional(),
        approval_type: z.number().optional(),
        auto_recording: z.string().optional(),
        encryption_type: z.string().optional(),
      })
      .loose(),
  })
  .loose();
export type ZoomMeeting = z.infer<typeof ZZoomMeeting>;

/**
 * Checks the meeting as Zoom stored it, not as we asked for it: account- or group-level locks can
 * silently override per-meeting settings. Every check must hold or the meeting is deleted.
 */
export function evaluateZoomSecurity(meeting: ZoomMeeting): Record<string, boolean> {
  const { settings } = meeting;
  return {
    waitingRoom: settings.waiting_room === true,
    joinBeforeHostDisabled: settings.join_before_host === false,
    passcodeRequired: typeof meeting.password === 'string' && meeting.password.length > 0,
    // approval_type 0 = registration required, automatically approved: what gives unique join links.
    registrationRequired: settings.approval_type === 0,
    autoRecordingOff: settings.auto_recording === 'none',
    encrypted: settings.encryption_type === 'enhanced_encryption' || settings.encryption_type === 'e2ee',
  };
}
