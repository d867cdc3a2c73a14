import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { instantText, parseInstant } from './instant';

/** How Date reads what PostgreSQL writes (the parsing this module replaced). */
function byDate(text: string): Date {
  const iso = text.replace(' ', 'T');
  return new Date(/[+-]\d\d$/.test(iso) ? `${iso}:00` : iso);
}

const pad = (n: number, width = 2) => String(Math.abs(n)).padStart(width, '0');

/** An instant written as PostgreSQL writes it, in a column's form or JSON's, at an offset. */
const written = fc
  .record({
    at: fc.date({ min: new Date('1000-01-01T00:00:00Z'), max: new Date('9999-12-30T00:00:00Z'), noInvalidDate: true }),
    offsetMinutes: fc.constantFrom(0, 120, 180, -300, 330, 345, -570, 840),
    micros: fc.integer({ min: 0, max: 999_999 }),
    digits: fc.integer({ min: 0, max: 6 }),
    json: fc.boolean(),
  })
  .map(({ at, offsetMinutes, micros, digits, json }) => {
    const local = new Date(at.getTime() + offsetMinutes * 60_000);
    const fraction = digits ? `.${pad(micros, 6).slice(0, digits)}` : '';
    const hours = Math.trunc(Math.abs(offsetMinutes) / 60);
    const minutes = Math.abs(offsetMinutes) % 60;
    const sign = offsetMinutes < 0 ? '-' : '+';
    const offset = json || minutes ? `${sign}${pad(hours)}:${pad(minutes)}` : `${sign}${pad(hours)}`;
    return (
      `${pad(local.getUTCFullYear(), 4)}-${pad(local.getUTCMonth() + 1)}-${pad(local.getUTCDate())}` +
      `${json ? 'T' : ' '}${pad(local.getUTCHours())}:${pad(local.getUTCMinutes())}:${pad(local.getUTCSeconds())}` +
      `${fraction}${offset}`
    );
  });

describe('instants as PostgreSQL writes them', () => {
  it('when PostgreSQL writes any instant, in a column or in JSON, at any offset and precision, then it reads as Date reads it', () => {
    fc.assert(
      fc.property(written, (text) => {
        expect(parseInstant(text).getTime()).toBe(byDate(text).getTime());
      }),
      { numRuns: 5000 },
    );
  });

  it('when a session starts at 08:00 UTC, then both forms give that instant', () => {
    expect(parseInstant('2026-11-10 08:00:00+00').toISOString()).toBe('2026-11-10T08:00:00.000Z');
    expect(parseInstant('2026-11-10T10:00:00.25+02:00').toISOString()).toBe('2026-11-10T08:00:00.250Z');
    expect(parseInstant('2026-11-10T08:00:00Z').toISOString()).toBe('2026-11-10T08:00:00.000Z');
  });

  it('when the text is in another shape, then Date reads it', () => {
    for (const text of ['infinity', '2026-11-10', '0999-01-01 00:00:00+00', '2026-11-10 08:00:00+0200'])
      expect(String(parseInstant(text))).toBe(String(byDate(text)));
  });
});

describe('instantText', () => {
  it('whatever the instant, then it is the text toISOString writes', () => {
    fc.assert(
      fc.property(
        fc.date({
          min: new Date('1900-01-01T00:00:00Z'),
          max: new Date('+010000-12-31T00:00:00Z'),
          noInvalidDate: true,
        }),
        (at) => {
          expect(instantText(at)).toBe(at.toISOString());
        },
      ),
      { numRuns: 20_000 },
    );
  });

  it('when the instant is at an edge of a day, month, leap year or the range written here, then it is the text toISOString writes', () => {
    for (const text of [
      '1970-01-01T00:00:00.000Z',
      '1999-12-31T23:59:59.999Z',
      '2000-02-29T12:00:00.001Z',
      '2024-02-29T23:59:59.999Z',
      '2026-03-01T00:00:00.000Z',
      '2100-02-28T23:59:59.999Z',
      '2100-03-01T00:00:00.000Z',
      '9999-12-31T23:59:59.999Z',
      '+010000-01-01T00:00:00.000Z',
      '1969-12-31T23:59:59.999Z',
    ])
      expect(instantText(new Date(text))).toBe(text);
  });

  it('when the date is invalid, then it throws as toISOString does', () => {
    expect(() => instantText(new Date(Number.NaN))).toThrow(RangeError);
  });
});
