/**
 * The seed compliance checklist and how verification drills back each item. Shared by the verify
 * report writer (JSON and HTML) and the admin Compliance page, so both show the same mapping.
 * Pure data and functions: no I/O, safe to import from scripts and server components.
 */

/** The four seed checklist items, plus 0 for the platform controls they rest on. */
export const CHECKLIST_ITEMS = [
  { item: 1, label: 'Scheduling decoupled from identity by tokenization at the database tier' },
  { item: 2, label: 'Idempotency keys prevent duplicate actions on re-send' },
  { item: 3, label: 'Consultation rooms unique and single-use, never permanent URLs' },
  { item: 4, label: 'Automated DLQ alerts when a status event fails to deliver' },
  { item: 0, label: 'Platform security controls' },
] as const;

/** Label by item number. */
export const CHECKLIST: Record<number, string> = Object.fromEntries(CHECKLIST_ITEMS.map((c) => [c.item, c.label]));

/**
 * Drills whose evidence also backs items other than their own `checklist` number. Why a table
 * here and not on the drill: a drill proves one thing first, but some of its checks are evidence
 * for another item too (e.g. the security probes replay signed webhooks and reuse consumed links).
 */
export const ALSO_BACKS: Record<string, number[]> = {
  'security-probes': [2, 3],
  'tenant-isolation': [1],
  'patient-traffic': [3],
  tokenization: [3],
};

/** The fields of a report row the mapping needs. */
export interface ChecklistRowInput {
  id: string;
  checklist: number;
  ok: boolean;
  figure: string;
}

export interface ChecklistEvidence {
  drill: string;
  ok: boolean;
  figure: string;
  /** True when this drill's own checklist number is the item; false when it backs it as well. */
  primary: boolean;
}

export interface ChecklistEntry {
  item: number;
  label: string;
  /** pass: at least one drill of its own and every backing drill passed; not run: none of its own ran. */
  status: 'pass' | 'fail' | 'not run';
  evidence: ChecklistEvidence[];
}

/** Maps report rows onto the checklist items, in checklist order. */
export function mapChecklist(rows: ChecklistRowInput[]): ChecklistEntry[] {
  return CHECKLIST_ITEMS.map(({ item, label }) => {
    const evidence = rows
      .filter((r) => r.checklist === item || (ALSO_BACKS[r.id] ?? []).includes(item))
      .map((r) => ({ drill: r.id, ok: r.ok, figure: r.figure, primary: r.checklist === item }))
      .sort((a, b) => Number(b.primary) - Number(a.primary));
    const status = !evidence.some((e) => e.primary) ? 'not run' : evidence.every((e) => e.ok) ? 'pass' : 'fail';
    return { item, label, status, evidence };
  });
}
