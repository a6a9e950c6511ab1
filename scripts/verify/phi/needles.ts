/**
 * The values the leak scan looks for: every patient's name, email, phone and birth date, in the
 * spellings they could take on the way out (a phone with its digits only, a birth date as ISO and
 * as US MM/DD/YYYY), plus the join-link tokens the run revealed. Values stay in memory: the report
 * names only their kind and count.
 */

/** One patient's identity as the platform stores it. */
export interface PatientValues {
  name: string;
  email: string;
  phone: string;
  dateOfBirth: string;
}

export type NeedleKind = 'name' | 'email' | 'phone' | 'birth date' | 'link token';

export interface Needle {
  kind: NeedleKind;
  /** Lower-cased (sources are lower-cased too; tokens are matched case-sensitively, see scan). */
  value: string;
}

/** `1985-04-12` → `04/12/1985`. */
function usDate(iso: string): string {
  const [y, m, d] = iso.split('-');
  return `${m}/${d}/${y}`;
}

/** Every spelling of one patient's four values. */
export function patientNeedles(p: PatientValues): Needle[] {
  const out: Needle[] = [
    { kind: 'name', value: p.name },
    { kind: 'email', value: p.email },
    { kind: 'phone', value: p.phone },
    { kind: 'birth date', value: p.dateOfBirth },
  ];
  const phoneDigits = p.phone.replace(/\D/g, '');
  // Shorter digit runs would match unrelated numbers (ports, counters) by chance.
  if (phoneDigits !== p.phone && phoneDigits.length >= 8) {
    out.push({ kind: 'phone', value: phoneDigits });
  }
  if (/^\d{4}-\d{2}-\d{2}$/.test(p.dateOfBirth)) {
    out.push({ kind: 'birth date', value: usDate(p.dateOfBirth) });
  }
  return out.map((n) => ({ ...n, value: n.value.trim().toLowerCase() }));
}

/** Needles of all patients and tokens, deduplicated by value. */
export function allNeedles(patients: PatientValues[], linkTokens: string[]): Needle[] {
  const byValue = new Map<string, Needle>();
  for (const n of patients.flatMap(patientNeedles)) {
    byValue.set(n.value, n);
  }
  for (const t of linkTokens) {
    byValue.set(t, { kind: 'link token', value: t });
  }
  return [...byValue.values()];
}
