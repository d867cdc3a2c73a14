import fc from 'fast-check';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { rowLimit, sqlLiteral } from './read-sql';

describe('text literals for SQL', () => {
  it('when any text is quoted, then it is quoted exactly as the driver quotes it, with `?` escaped for knex', () => {
    const texts = fc.oneof(
      fc.string({ unit: 'binary' }),
      fc.string({ unit: fc.constantFrom("'", '\\', '?', 'a', 'ä', '"', ' ') }),
    );
    fc.assert(
      fc.property(texts, (text) => {
        expect(sqlLiteral(text)).toBe(pg.escapeLiteral(text).replaceAll('?', '\\?'));
      }),
      { numRuns: 2000 },
    );
  });

  it('when a text holds quotes, backslashes and question marks, then each is escaped once', () => {
    expect(sqlLiteral("it's")).toBe("'it''s'");
    expect(sqlLiteral('a\\b?')).toBe(" E'a\\\\b\\?'");
    expect(sqlLiteral('')).toBe("''");
  });
});

describe('row limits written into a statement', () => {
  it('when a page size is a whole number, then the clause carries it as digits', () => {
    fc.assert(
      fc.property(fc.nat(), (rows) => {
        expect(rowLimit(rows)).toBe(`limit ${rows}`);
      }),
    );
  });

  it('when a limit is not a whole number of rows, then no clause is written', () => {
    for (const rows of [-1, 1.5, Number.NaN, Number.POSITIVE_INFINITY, 2 ** 60])
      expect(() => rowLimit(rows)).toThrow(/row limit/);
  });
});
