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
  /** Where each hit is (1-based line of its first occurrence), without the value. */
  hits: { source: string; kind: NeedleKind; line: number }[];
  bytes: number;
}

/** Index of the needle's first occurrence, or -1. */
function find(haystackLower: string, haystack: string, n: Needle): number {
  // Tokens are base64url: compare exactly; identity values case-insensitively.
  return n.kind === 'link token' ? haystack.indexOf(n.value) : haystackLower.indexOf(n.value);
}

function lineAt(text: string, index: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i !== -1 && i < index; i = text.indexOf('\n', i + 1)) {
    line += 1;
  }
  return line;
}

/** Every (source, needle) hit; sizes in UTF-8 bytes. */
export function scanSources(sources: LeakSource[], needles: Needle[]): ScanResult {
  const results: SourceResult[] = [];
  const hits: ScanResult['hits'] = [];
  for (const s of sources) {
    const lower = s.text.toLowerCase();
    const found = needles.map((n) => ({ n, at: find(lower, s.text, n) })).filter((f) => f.at !== -1);
    hits.push(...found.map((f) => ({ source: s.name, kind: f.n.kind, line: lineAt(s.text, f.at) })));
    results.push({ source: s.name, bytes: Buffer.byteLength(s.text), ...(s.items === undefined ? {} : { items: s.items }), hits: found.length });
  }
  return { sources: results, hits, bytes: results.reduce((a, r) => a + r.bytes, 0) };
}
