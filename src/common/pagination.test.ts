import 'reflect-metadata';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeCursor, encodeCursor, pageRequest, toConnection } from './pagination';

describe('pagination', () => {
  it('when a cursor is encoded, then decoding gives the same offset', () => {
    fc.assert(fc.property(fc.nat(), (n) => decodeCursor(encodeCursor(n)) === n));
  });

  it('when first is missing, then the page holds 20 rows from the start', () => {
    expect(pageRequest(undefined, undefined)).toEqual({ limit: 20, offset: 0 });
  });

  it.each([0, -1, 101, 1.5])('when first is %s, then BAD_USER_INPUT names first', (first) => {
    expect(() => pageRequest(first, null)).toThrow(/^first: /);
  });

  it('when after is not a cursor, then BAD_USER_INPUT names after', () => {
    expect(() => pageRequest(10, 'bm9wZQ')).toThrow(/^after: /);
    expect(() => pageRequest(10, Buffer.from('kp:o:-3').toString('base64url'))).toThrow(/^after: /);
  });

  it('when pages are walked with endCursor, then every row is seen once', () => {
    fc.assert(
      fc.property(fc.nat(60), fc.integer({ min: 1, max: 100 }), (total, first) => {
        const rows = Array.from({ length: total }, (_, i) => i);
        const seen: number[] = [];
        let after: string | null = null;
        for (;;) {
          const { offset, limit } = pageRequest(first, after);
          const connection = toConnection({ nodes: rows.slice(offset, offset + limit), totalCount: total, offset }, (r) => r);
          seen.push(...connection.nodes);
          if (!connection.pageInfo.hasNextPage) break;
          after = connection.pageInfo.endCursor;
        }
        expect(seen).toEqual(rows);
      }),
    );
  });
});
