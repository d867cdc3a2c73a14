/**
 * Small-cell suppression for aggregates about few people (populations here are tiny: 000's survey
 * had 11 respondents). A cell whose count of people is below the threshold is suppressed
 * (primary); then, along every dimension, a line of cells that holds exactly one suppressed cell
 * gets its smallest other cell suppressed too (secondary), so that no suppressed value can be
 * worked out from the line's total and the values shown. Repeated until nothing changes.
 */

export interface Cell {
  /** Dimension values, in the query's dimension order. */
  key: readonly string[];
  /** People behind the cell (distinct experts, or respondents for feedback). */
  people: number;
}

/** Indexes of the cells to suppress. */
export function suppressedCells(cells: readonly Cell[], threshold: number): Set<number> {
  const suppressed = new Set<number>();
  cells.forEach((c, i) => {
    if (c.people < threshold) suppressed.add(i);
  });
  const dimensions = cells[0]?.key.length ?? 0;
  let changed = suppressed.size > 0;
  while (changed) {
    changed = false;
    for (let d = 0; d < dimensions; d++) {
      // Lines along dimension d: cells that agree on every other dimension.
      const lines = new Map<string, number[]>();
      cells.forEach((c, i) => {
        const lineKey = JSON.stringify(c.key.filter((_, j) => j !== d));
        const line = lines.get(lineKey);
        if (line) line.push(i);
        else lines.set(lineKey, [i]);
      });
      for (const line of lines.values()) {
        const hidden = line.filter((i) => suppressed.has(i));
        const shown = line.filter((i) => !suppressed.has(i));
        if (hidden.length === 1 && shown.length > 0) {
          const smallest = shown.reduce((a, b) => (cells[b]!.people < cells[a]!.people ? b : a));
          suppressed.add(smallest);
          changed = true;
        }
      }
    }
  }
  return suppressed;
}
