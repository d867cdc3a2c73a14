import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fromTuple, reviveInstants, shapeJson, shapeTuple, type RowShape } from './row-shape';

const SESSION_LIKE: RowShape = {
  fields: [
    ['id', 'id'],
    ['startsAt', 'starts_at'],
    ['status', 'status'],
    ['cancelledAt', 'cancelled_at'],
    ['topicIds', 'topic_ids'],
    ['workedMinutes', 'worked_minutes'],
  ],
  instants: ['startsAt', 'cancelledAt'],
};

/** A value as JSON brings it: instants as PostgreSQL's JSON text, or null. */
const instantText = fc
  .date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('2999-12-31T00:00:00Z'), noInvalidDate: true })
  .map((d) => d.toISOString().replace('Z', '+00:00'));
const row = fc.record({
  id: fc.uuid(),
  startsAt: instantText,
  status: fc.constantFrom('PLANNED', 'HELD', 'CANCELLED'),
  cancelledAt: fc.option(instantText, { nil: null }),
  topicIds: fc.array(fc.string()),
  workedMinutes: fc.option(fc.integer({ min: 0, max: 600 }), { nil: null }),
});

describe('a row as a JSON array', () => {
  it('is written with the columns in the shape’s order, without keys', () => {
    expect(shapeTuple('s', SESSION_LIKE)).toBe(
      'json_build_array(s.id, s.starts_at, s.status, s.cancelled_at, s.topic_ids, s.worked_minutes)',
    );
    expect(shapeJson('s', SESSION_LIKE)).toContain("'startsAt', s.starts_at");
  });

  it('is read back as the row its object form gives, instants as Dates', () => {
    fc.assert(
      fc.property(row, (values) => {
        const tuple = SESSION_LIKE.fields.map(([name]) => values[name as keyof typeof values]);
        const fromArray = fromTuple<Record<string, unknown>>(
          SESSION_LIKE,
          JSON.parse(JSON.stringify(tuple)) as unknown[],
        );
        const fromObject = reviveInstants<Record<string, unknown>>(
          SESSION_LIKE,
          JSON.parse(JSON.stringify(values)) as Record<string, unknown>,
        );
        expect(fromArray).toEqual(fromObject);
        expect(Object.keys(fromArray)).toEqual(SESSION_LIKE.fields.map(([name]) => name));
        expect(fromArray.startsAt).toEqual(new Date(values.startsAt));
        expect(fromArray.cancelledAt).toEqual(values.cancelledAt === null ? null : new Date(values.cancelledAt));
      }),
    );
  });
});
