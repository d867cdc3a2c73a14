import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { suppressedCells, type Cell } from './suppression';

const cell = (people: number, ...key: string[]): Cell => ({ key, people });

describe('small-cell suppression', () => {
  it('when a unit has two experts, then its cell is suppressed, and so is the smallest other unit of the region', () => {
    const cells = [
      cell(2, 'ita', 'porvoo'),
      cell(7, 'ita', 'loviisa'),
      cell(9, 'ita', 'sipoo'),
      cell(12, 'vantaa', 'kap'),
    ];
    expect([...suppressedCells(cells, 5)].sort()).toEqual([0, 1]);
  });

  it('when every cell is large enough, then nothing is suppressed', () => {
    expect(suppressedCells([cell(5, 'a'), cell(6, 'b')], 5).size).toBe(0);
  });

  it('when a line has a single cell, then suppressing it leaves nothing to work it out from', () => {
    expect([...suppressedCells([cell(1, 'a', 'x')], 5)]).toEqual([0]);
  });

  it('property: no line along any dimension holds exactly one suppressed cell beside shown ones, and small cells are always suppressed', () => {
    const cells = fc.uniqueArray(
      fc.record({
        a: fc.constantFrom('r1', 'r2', 'r3'),
        b: fc.constantFrom('m1', 'm2', 'm3', 'm4'),
        people: fc.nat(12),
      }),
      { selector: (c) => `${c.a}|${c.b}`, maxLength: 12 },
    );
    fc.assert(
      fc.property(cells, fc.integer({ min: 3, max: 6 }), (raw, threshold) => {
        const grid = raw.map((c) => cell(c.people, c.a, c.b));
        const hidden = suppressedCells(grid, threshold);
        grid.forEach((c, i) => {
          if (c.people < threshold) expect(hidden.has(i)).toBe(true);
        });
        for (const d of [0, 1]) {
          const lines = new Map<string, number[]>();
          grid.forEach((c, i) => {
            const k = c.key[1 - d]!;
            lines.set(k, [...(lines.get(k) ?? []), i]);
          });
          for (const line of lines.values()) {
            const h = line.filter((i) => hidden.has(i)).length;
            expect(h === 1 && line.length > 1).toBe(false);
          }
        }
      }),
    );
  });
});
