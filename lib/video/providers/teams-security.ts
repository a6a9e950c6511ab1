import { z } from 'zod';

/** The parts of Graph's onlineMeeting we read; the rest is kept in `raw`. */
export const ZGraphMeeting = z
  .object({
    id: z.string().min(1),
    joinWebUrl: z.string().min(1),
    joinMeetingIdSettings: z
      .object({ passcode: z.string().nullish(), isPasscodeRequired: z.boolean().nullish() })
      .loose()
      .nullish(),
    lobbyBypassSettings: z
      .object({ scope: z.string().nullish(), isDialInBypassEnabled: z.boolean().nullish() })
      .loose()
      .nullish(),
    allowedPresenters: z.string().nullish(),
    recordAutomatically: z.boolean().nullish(),
  })
  .loose();
export type GraphMeeting = z.infer<typeof ZGraphMeeting>;

/** The security properties Periodic sets on every Teams meeting. */
export const TEAMS_SECURITY_SETTINGS = {
  // Everyone except the organizer account waits in the lobby, dial-in callers included.
  lobbyBypassSettings: { scope: 'organizer', isDialInBypassEnabled: false },
  allowedPresenters: 'organizer',
  isEntryExitAnnounced: true,
  allowMeetingChat: 'enabled',
  recordAutomatically: false,
} as const;

/**
 * Checks the meeting as Graph returned it after our update: Teams meeting policies set by the
 * tenant admin can override per-meeting options. Every check must hold or the meeting is deleted.
 */
export function evaluateTeamsSecurity(meeting: GraphMeeting): Record<string, boolean> {
  return {
    lobbyOrganizerOnly: meeting.lobbyBypassSettings?.scope === 'organizer',
    dialInLobbyEnforced: meeting.lobbyBypassSettings?.isDialInBypassEnabled === false,
    presentersOrganizerOnly: meeting.allowedPresenters === 'organizer',
    // Graph documents false as the default and may omit it; only an explicit true is a failure.
    autoRecordingOff: meeting.recordAutomatically !== true,
  };
}
