/**
 * When a join link works: from VIDEO_JOIN_EARLY_MINUTES before the visit until its end plus a
 * grace period (visits overrun; a clinician finishing notes may rejoin briefly).
 */

/** Minutes after the scheduled end during which links still work. */
export const JOIN_GRACE_MINUTES = 30;

export interface JoinWindow {
  validFrom: Date;
  validUntil: Date;
}

/** The validity window of links to a visit running `startsAt`–`endsAt`. */
export function computeJoinWindow(startsAt: Date, endsAt: Date, earlyMinutes: number, graceMinutes = JOIN_GRACE_MINUTES): JoinWindow {
  return {
    validFrom: new Date(startsAt.getTime() - earlyMinutes * 60_000),
    validUntil: new Date(endsAt.getTime() + graceMinutes * 60_000),
  };
}

/** Whether `now` lies inside `window` (start inclusive, end exclusive). */
export function isInJoinWindow(window: JoinWindow, now: Date): boolean {
  return now.getTime() >= window.validFrom.getTime() && now.getTime() < window.validUntil.getTime();
}
