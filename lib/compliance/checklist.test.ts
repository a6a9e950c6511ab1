import { describe, expect, it } from 'vitest';
import { mapChecklist } from './checklist.ts';

const row = (id: string, checklist: number, ok = true) => ({ id, checklist, ok, figure: `${id} figure` });

describe('mapChecklist', () => {
  it('lists the four seed items, then platform controls, each with its own drills first', () => {
    const entries = mapChecklist([row('security-probes', 0), row('single-use-rooms', 3), row('tokenization', 1), row('idempotent-resend', 2), row('dead-letter-alerts', 4)]);
    expect(entries.map((e) => e.item)).toEqual([1, 2, 3, 4, 0]);
    expect(entries.every((e) => e.status === 'pass')).toBe(true);
    const rooms = entries.find((e) => e.item === 3)!;
    expect(rooms.evidence.map((e) => [e.drill, e.primary])).toEqual([
      ['single-use-rooms', true],
      ['security-probes', false],
      ['tokenization', false],
    ]);
  });

  it('fails an item when a backing drill fails, and says "not run" when none of its own ran', () => {
    const entries = mapChecklist([row('single-use-rooms', 3), row('security-probes', 0, false)]);
    expect(entries.find((e) => e.item === 3)!.status).toBe('fail');
    expect(entries.find((e) => e.item === 2)!.status).toBe('not run');
    expect(entries.find((e) => e.item === 0)!.status).toBe('fail');
    expect(entries.find((e) => e.item === 4)!.evidence).toEqual([]);
  });
});
