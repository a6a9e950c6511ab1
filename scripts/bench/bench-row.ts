/** One line of `npm run bench` output: a figure and, where it has one, its same-run baseline. */
export interface BenchRow {
  name: string;
  value: number;
  unit: string;
  /** The same quantity for the bare baseline (e.g. bare INSERT, no-op job, bare POST). */
  baseline?: number;
  baselineName?: string;
  /** value / baseline. */
  ratio?: number;
}

/** p-th percentile (0–100) of a list of numbers (nearest-rank). */
export function percentile(values: number[], p: number): number {
  if (values.length === 0) {
    return Number.NaN;
  }
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank]!;
}
