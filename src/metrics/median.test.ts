import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { medianOfHistograms } from './median';

/** percentile_cont(0.5) over the values written out one by one. */
function medianOfValues(values: number[]): number | null {
  if (!values.length) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const position = (sorted.length - 1) / 2;
  const low = sorted[Math.floor(position)]!;
  const high = sorted[Math.ceil(position)]!;
  return low + (high - low) * (position - Math.floor(position));
}

describe('median hours to match from histograms', () => {
  it('when an odd number of orders matched, then the median is the middle one', () => {
    expect(medianOfHistograms([{ hours: [1, 4, 30], counts: [2, 1, 2] }])).toBe(4);
  });

  it('when an even number matched, then it is halfway between the two middle ones, across months', () => {
    expect(
      medianOfHistograms([
        { hours: [2, 10], counts: [1, 1] },
        { hours: [3, 10], counts: [1, 1] },
      ]),
    ).toBe(6.5);
  });

  it('when orders are listed one by one (counts null), then each counts once beside the histograms', () => {
    expect(
      medianOfHistograms([
        { hours: [1], counts: [2] },
        { hours: [9, 9, 9], counts: null },
      ]),
    ).toBe(9);
  });

  it('when nothing matched, then there is no median (not a zero)', () => {
    expect(medianOfHistograms([])).toBeNull();
    expect(
      medianOfHistograms([
        { hours: null, counts: null },
        { hours: [], counts: [] },
      ]),
    ).toBeNull();
  });

  it('property: equals the median of the values the histograms stand for', () => {
    const part = fc.array(
      fc.tuple(
        fc.integer({ min: 0, max: 2000 }).map((m) => m / 60),
        fc.integer({ min: 1, max: 5 }),
      ),
      {
        maxLength: 8,
      },
    );
    fc.assert(
      fc.property(fc.array(part, { maxLength: 5 }), (parts) => {
        const histograms = parts.map((entries) => ({
          hours: entries.map(([h]) => h),
          counts: entries.map(([, n]) => n),
        }));
        const values = parts.flatMap((entries) => entries.flatMap(([h, n]) => Array<number>(n).fill(h)));
        expect(medianOfHistograms(histograms)).toBe(medianOfValues(values));
      }),
    );
  });
});
