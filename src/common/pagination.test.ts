import 'reflect-metadata';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  afterPosition,
  decodeCursor,
  decodeKeysetCursor,
  encodeCursor,
  encodeKeysetCursor,
  keysetPage,
  keysetPageRequest,
  pageRequest,
  toConnection,
  toKeysetConnection,
} from './pagination';

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
          const connection = toConnection(
            { nodes: rows.slice(offset, offset + limit), totalCount: total, offset },
            (r) => r,
          );
          seen.push(...connection.nodes);
          if (!connection.pageInfo.hasNextPage) break;
          after = connection.pageInfo.endCursor;
        }
        expect(seen).toEqual(rows);
      }),
    );
  });

  it('when a keyset cursor is encoded, then decoding gives the same sort key (text, number or instant) and id', () => {
    const key = fc.oneof(
      fc.string(),
      fc.double({ noNaN: true, noDefaultInfinity: true }),
      fc.date({ noInvalidDate: true }),
    );
    fc.assert(
      fc.property(key, fc.uuid(), (k, id) => {
        const back = decodeKeysetCursor(encodeKeysetCursor({ key: k, id }));
        expect(back.id).toBe(id);
        expect(back.key instanceof Date ? back.key.getTime() : back.key).toEqual(
          k instanceof Date ? k.getTime() : Object.is(k, -0) ? 0 : k,
        );
      }),
    );
  });

  it('when a keyset cursor is forged or an offset cursor is reused, then BAD_USER_INPUT names after', () => {
    for (const text of [
      'kp:o:3',
      'kp:k:',
      'kp:k:{"a":1}',
      'kp:k:[null,"x"]',
      'kp:k:[{"d":"nope"},"x"]',
      'kp:k:[1,2]',
    ]) {
      expect(() => keysetPageRequest(5, Buffer.from(text).toString('base64url'))).toThrow(/^after: /);
    }
    expect(() => keysetPageRequest(5, 'x'.repeat(5000))).toThrow(/^after: /);
  });

  it('when rows are paged by (key, id), then the condition for the next page compares the key, then the id, in the order of the page', () => {
    expect(afterPosition('at', 'desc', null)).toEqual({});
    expect(afterPosition('name', 'asc', { key: 'Aino', id: 'b' })).toEqual({
      name: { $gte: 'Aino' },
      $or: [{ name: { $gt: 'Aino' } }, { name: 'Aino', id: { $gt: 'b' } }],
    });
  });

  it('when keyset pages are walked over any rows with ties, then every row is seen once, in order, and the count is asked for only on demand', () => {
    fc.assert(
      fc.property(fc.array(fc.nat(5), { maxLength: 50 }), fc.integer({ min: 1, max: 100 }), (keys, first) => {
        const rows = keys
          .map((key, i) => ({ id: String(i).padStart(3, '0'), key }))
          .sort((a, b) => a.key - b.key || a.id.localeCompare(b.id));
        let counted = 0;
        const seen: string[] = [];
        let after: string | null = null;
        for (;;) {
          const request = keysetPageRequest(first, after);
          const from = request.after;
          const rest = from
            ? rows.filter((r) => r.key > (from.key as number) || (r.key === from.key && r.id > from.id))
            : rows;
          const connection = toKeysetConnection(
            keysetPage(
              rest.slice(0, request.limit + 1),
              request,
              (r) => r.key,
              () => Promise.resolve(++counted),
            ),
            (r) => r.id,
          );
          seen.push(...connection.nodes);
          if (!connection.pageInfo.hasNextPage) break;
          after = connection.pageInfo.endCursor;
        }
        expect(seen).toEqual(rows.map((r) => r.id));
        expect(counted).toBe(0);
      }),
    );
  });
});
