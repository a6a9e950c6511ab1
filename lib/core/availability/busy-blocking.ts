/**
 * Decides whether a candidate slot collides with existing busy time, honouring the buffer.
 */
import type { BusyInterval, Slot } from './types.ts';

/**
 * Whether `slot` is blocked by any busy interval. Every visit, booked or candidate, needs
 * `bufferMinutes` of turnaround after it, so the slot is blocked when
 * [slot.start, slot.end + buffer) overlaps [busy.start, busy.end + buffer).
 * A slot may therefore start exactly `buffer` after a busy interval ends, and end exactly
 * `buffer` before the next one starts. Use this to re-check a requested slot at booking time.
 */
export function isSlotBlockedByBusy(slot: Slot, busy: readonly BusyInterval[], bufferMinutes: number): boolean {
  const bufferMs = bufferMinutes * 60_000;
  const slotStartMs = slot.startsAt.getTime();
  const slotEndMs = slot.endsAt.getTime() + bufferMs;
  return busy.some(
    (interval) => slotStartMs < interval.endsAt.getTime() + bufferMs && interval.startsAt.getTime() < slotEndMs,
  );
}
