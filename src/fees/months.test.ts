import { describe, expect, it } from 'vitest';
import { localMonth, nextMonth } from './months';

describe('months in the region’s time zone', () => {
  it('when work begins at 00:30 on 1 November in Helsinki, then it is November’s work, though UTC says October', () => {
    expect(localMonth(new Date('2026-10-31T22:30:00Z'), 'Europe/Helsinki')).toBe('2026-11');
    expect(localMonth(new Date('2026-10-31T21:59:59Z'), 'Europe/Helsinki')).toBe('2026-10');
  });

  it('when a year ends, then the next month is January of the next year', () => {
    expect(nextMonth('2026-12')).toBe('2027-01');
    expect(nextMonth('2026-09')).toBe('2026-10');
  });
});
