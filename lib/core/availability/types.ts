/**
 * Plain shapes the slot engine consumes. They mirror the core Prisma models (Resource,
 * AvailabilityRule, AvailabilityException, Appointment) so rows can be passed with little mapping.
 */

/** The scheduling settings of one bookable resource. */
export type SlotResource = {
  id: string;
  /** IANA zone the rules and exceptions are written in. */
  timeZone: string;
  /** Length of one visit; a positive whole number. */
  visitMinutes: number;
  /** Turnaround required after every visit (and after every busy interval); >= 0. */
  bufferMinutes: number;
};

/** Recurring weekly hours, in the resource's local time. */
export type WeeklyRuleInput = {
  /** 0 = Sunday … 6 = Saturday, as seen on the resource's local calendar. */
  weekday: number;
  /** Minutes after local midnight, inclusive. */
  startMinute: number;
  /** Minutes after local midnight, exclusive; may be 1440 (local midnight that ends the day). */
  endMinute: number;
};

/** A one-date change to the weekly hours. */
export type AvailabilityExceptionInput = {
  /**
   * Resource-local date: "YYYY-MM-DD", or a Date at UTC midnight as Prisma returns `@db.Date`.
   */
  date: string | Date;
  /** "off" removes hours (the whole day when both minutes are null); "extra" adds hours. */
  kind: 'off' | 'extra';
  startMinute: number | null;
  endMinute: number | null;
};

/** An interval of real time (e.g. an existing active appointment). */
export type BusyInterval = { startsAt: Date; endsAt: Date };

/** A bookable slot: real UTC instants, exactly `visitMinutes` apart. */
export type Slot = { startsAt: Date; endsAt: Date };

/** An interval of local wall-clock minutes within one date, end exclusive. */
export type MinuteWindow = { startMinute: number; endMinute: number };
