import { describe, expect, it } from 'vitest';
import { isSlotBlockedByBusy } from './busy-blocking.ts';

const t = (hhmm: string) => new Date(`2026-03-16T${hhmm}:00Z`);
const slot = { startsAt: t('10:00'), endsAt: t('10:30') };

describe('isSlotBlockedByBusy', () => {
  it('detects overlap and allows touching intervals without a buffer', () => {
    expect(isSlotBlockedByBusy(slot, [{ startsAt: t('10:15'), endsAt: t('10:45') }], 0)).toBe(true);
    expect(isSlotBlockedByBusy(slot, [{ startsAt: t('09:00'), endsAt: t('12:00') }], 0)).toBe(true);
    expect(isSlotBlockedByBusy(slot, [{ startsAt: t('09:30'), endsAt: t('10:00') }], 0)).toBe(false);
    expect(isSlotBlockedByBusy(slot, [{ startsAt: t('10:30'), endsAt: t('11:00') }], 0)).toBe(false);
    expect(isSlotBlockedByBusy(slot, [], 0)).toBe(false);
  });

  it('requires the buffer after busy time and after the slot', () => {
    expect(isSlotBlockedByBusy(slot, [{ startsAt: t('09:30'), endsAt: t('09:55') }], 10)).toBe(true);
    expect(isSlotBlockedByBusy(slot, [{ startsAt: t('09:30'), endsAt: t('09:50') }], 10)).toBe(false);
    expect(isSlotBlockedByBusy(slot, [{ startsAt: t('10:35'), endsAt: t('11:00') }], 10)).toBe(true);
    expect(isSlotBlockedByBusy(slot, [{ startsAt: t('10:40'), endsAt: t('11:00') }], 10)).toBe(false);
  });
});
