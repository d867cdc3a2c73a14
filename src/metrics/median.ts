/**
 * Parts of a histogram of match times: distinct hours with how many orders took each. `counts`
 * null means one order per entry (the rollup's orders that cross into the period, listed singly).
 */
export interface HistogramPart {
  hours: readonly number[] | null;
  counts: readonly number[] | null;
}

/**
 * The median of the values the histograms describe together, as PostgreSQL's
 * `percentile_cont(0.5)` computes it over the same values: the value at the middle rank, or
 * between the two middle ranks. Null when there are no values.
 */
export function medianOfHistograms(parts: readonly HistogramPart[]): number | null {
  const counts = new Map<number, number>();
  for (const { hours, counts: n } of parts) {
    if (!hours) continue;
    hours.forEach((h, i) => counts.set(h, (counts.get(h) ?? 0) + (n ? n[i]! : 1)));
  }
  const entries = [...counts].filter(([, n]) => n > 0).sort(([a], [b]) => a - b);
  const total = entries.reduce((sum, [, n]) => sum + n, 0);
  if (total === 0) return null;
  const position = (total - 1) / 2;
  const lowRank = Math.floor(position);
  const highRank = Math.ceil(position);
  let low: number | undefined;
  let high: number | undefined;
  let upto = 0;
  for (const [h, n] of entries) {
    upto += n;
    if (low === undefined && upto > lowRank) low = h;
    if (upto > highRank) {
      high = h;
      break;
    }
  }
  return low! + (high! - low!) * (position - lowRank);
}
