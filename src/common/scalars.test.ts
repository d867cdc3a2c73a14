import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DateTimeScalar } from './scalars';

describe('instants on their way out', () => {
  it('when an instant is returned, then the response carries the same text JSON would write for it', () => {
    const instants = fc.date({
      min: new Date('1900-01-01T00:00:00Z'),
      max: new Date('2200-12-31T23:59:59.999Z'),
      noInvalidDate: true,
    });
    fc.assert(
      fc.property(instants, (instant) => {
        const text = DateTimeScalar.serialize(instant);
        expect(typeof text).toBe('string');
        expect(JSON.stringify({ at: text })).toBe(JSON.stringify({ at: instant }));
      }),
    );
  });

  it('when an instant comes as text with an offset, then it is returned in UTC', () => {
    expect(DateTimeScalar.serialize('2026-10-25T09:00:00+02:00')).toBe('2026-10-25T07:00:00.000Z');
  });

  it('when a value is no instant, then it is not serialised', () => {
    expect(() => DateTimeScalar.serialize(new Date(Number.NaN))).toThrow(/invalid Date/);
    expect(() => DateTimeScalar.serialize('next Tuesday')).toThrow(/DateTime/);
    expect(() => DateTimeScalar.serialize({})).toThrow(/DateTime/);
  });
});
