/**
 * Public surface of the pure availability engine (no database access).
 */
export { computeSlots, MAX_COMPUTE_RANGE_DAYS, type ComputeSlotsInput } from './compute-slots.ts';
export { isSlotBlockedByBusy } from './busy-blocking.ts';
export { buildDayWindows } from './day-windows.ts';
export { formatSlotForViewer } from './format-slot.ts';
export { addDaysToLocalDate, getLocalWeekday, isValidLocalDate } from './local-date.ts';
export {
  SLOT_QUERY_MAX_DAYS,
  ZAvailabilityException,
  ZSlotQuery,
  ZTimeZone,
  ZWeeklyRule,
  type TAvailabilityException,
  type TSlotQuery,
  type TTimeZone,
  type TWeeklyRule,
} from './schemas.ts';
export { assertValidTimeZone, isValidTimeZone } from './time-zone.ts';
export type {
  AvailabilityExceptionInput,
  BusyInterval,
  MinuteWindow,
  Slot,
  SlotResource,
  WeeklyRuleInput,
} from './types.ts';
export {
  getUtcOffsetMinutes,
  getZonedWallTime,
  listWallTimeInstants,
  localDateInZone,
  zonedWallTimeToUtc,
  type ZonedWallTime,
} from './zoned-time.ts';
