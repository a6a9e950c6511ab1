/**
 * Scans named text sources for needles and reports, per source, its size and hit count, and per
 * hit only the source and the kind of value (never the value: the report must hold no PHI).
 */
import type { Needle, NeedleKind } from './needles.ts';

/** One body of text to scan (a dump, a log file, the webhook bodies, …). */
export interface LeakSource {
  name: string;
  text: string;
  /** How many items it is made of (webhook bodies, alert bodies, log files), for the figure. */
  items?: number;
}

export interface SourceResult {
  source: string;
  bytes: number;
  items?: number;
  hits: number;
}

export interface ScanResult {
  sources: SourceResult[];
  hits: { source: string; kind: NeedleKind }[];
  bytes: number;
}

function contains(haystackLower: string, haystack: string, n: Needle): boolean {
  // Tokens are base64url: compare exactly; identity values case-insensitively.
  return n.kind === 'link token' ? haystack.includes(n.value) : haystackLower.includes(n.value);
}

/** Every (source, needle) hit; sizes in UTF-8 bytes. */
export function scanSources(sources: LeakSource[], needles: Needle[]): ScanResult {
  const results: SourceResult[] = [];
  const hits: ScanResult['hits'] = [];
  for (const s of sources) {
    const lower = s.text.toLowerCase();
    const found = needles.filter((n) => contains(lower, s.text, n));
    hits.push(...found.map((n) => ({ source: s.name, kind: n.kind })));
    results.push({ source: s.name, bytes: Buffer.byteLength(s.text), ...(s.items === undefined ? {} : { items: s.items }), hits: found.length });
  }
  return { sources: results, hits, bytes: results.reduce((a, r) => a + r.bytes, 0) };
}
