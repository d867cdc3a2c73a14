import 'reflect-metadata';
import fc from 'fast-check';
import { buildSchema as buildSdlSchema, graphql, GraphQLSchema, type GraphQLArgument } from 'graphql';
import { describe, expect, it } from 'vitest';
import { BadUserInputError } from './errors';
import {
  checkArguments,
  DEFAULT_MAX_ID_LENGTH,
  DEFAULT_MAX_LENGTH,
  guardArguments,
  stringProblem,
} from './input-guard';
import { DateTimeScalar, JSONObjectScalar, LocalDateScalar } from './scalars';

/** A small schema in the shape of ours; `maxLength` set on an input field as @MaxLength does. */
function schema(): GraphQLSchema {
  const s = buildSdlSchema(`
    scalar JSONObject
    input Member { name: String! }
    input Profile { displayName: String, email: String, panel: [Member!], ids: [ID!], changes: JSONObject }
    type Query { echo(id: ID, text: String, input: Profile): String, plain: String }
  `);
  const profile = s.getType('Profile') as unknown as {
    getFields(): Record<string, { extensions: Record<string, unknown> }>;
  };
  profile.getFields().email!.extensions = { maxLength: 254 };
  Object.assign(s.getType('JSONObject')!, {
    parseValue: JSONObjectScalar.parseValue,
    parseLiteral: JSONObjectScalar.parseLiteral,
  });
  return guardArguments(s);
}

function argsOf(s: GraphQLSchema): readonly GraphQLArgument[] {
  return s.getQueryType()!.getFields().echo!.args;
}

function refusal(args: Record<string, unknown>): { field: string; message: string } | null {
  try {
    checkArguments(argsOf(schema()), args);
    return null;
  } catch (error) {
    expect(error).toBeInstanceOf(BadUserInputError);
    const e = error as BadUserInputError;
    return { field: e.field, message: e.message };
  }
}

describe('input guard', () => {
  it('when a string holds a NUL character, then it is refused naming the field path', () => {
    expect(refusal({ input: { displayName: 'a\u0000b' } })).toEqual({
      field: 'input.displayName',
      message: expect.stringMatching(/^input\.displayName: must not contain control characters/) as string,
    });
    expect(refusal({ input: { panel: [{ name: 'ok' }, { name: 'x\u001b[2J' }] } })?.field).toBe('input.panel[1].name');
  });

  it('when text has tabs, line breaks, accents, Sami letters or emoji, then it passes', () => {
    expect(refusal({ text: 'Rivi 1\r\n\tRivi 2 – äöå šđŋŧž 🙂', input: { displayName: 'Áile Ánde' } })).toBeNull();
  });

  it('when a string is longer than its cap, then it is refused with the cap; an ID has a smaller default cap', () => {
    expect(refusal({ text: 'x'.repeat(DEFAULT_MAX_LENGTH) })).toBeNull();
    expect(refusal({ text: 'x'.repeat(DEFAULT_MAX_LENGTH + 1) })).toEqual({
      field: 'text',
      message: `text: at most ${DEFAULT_MAX_LENGTH} characters (got ${DEFAULT_MAX_LENGTH + 1})`,
    });
    expect(refusal({ id: 'x'.repeat(DEFAULT_MAX_ID_LENGTH + 1) })?.field).toBe('id');
    expect(refusal({ input: { ids: ['ok', 'x'.repeat(DEFAULT_MAX_ID_LENGTH + 1)] } })?.field).toBe('input.ids[1]');
  });

  it('when a field declares a smaller cap, then that cap applies and the schema says so', () => {
    expect(refusal({ input: { email: `${'a'.repeat(250)}@b.fi` } })).toEqual({
      field: 'input.email',
      message: 'input.email: at most 254 characters (got 255)',
    });
    const profile = schema().getType('Profile') as unknown as {
      getFields(): Record<string, { description?: string | null }>;
    };
    expect(profile.getFields().email!.description).toBe('At most 254 characters.');
  });

  it('when a list has more than 100 items, then it is refused', () => {
    expect(refusal({ input: { ids: Array.from({ length: 100 }, (_, i) => `t${i}`) } })).toBeNull();
    expect(refusal({ input: { ids: Array.from({ length: 101 }, (_, i) => `t${i}`) } })).toEqual({
      field: 'input.ids',
      message: 'input.ids: at most 100 items',
    });
  });

  it('when a JSON object hides a NUL in a key or a value, or nests too deep, then it is refused', () => {
    expect(refusal({ input: { changes: { payoutSchedule: { noticeDueDay: 12 } } } })).toBeNull();
    expect(refusal({ input: { changes: { label: { fi: 'a\u0000' } } } })?.field).toBe('input.changes.label.fi');
    expect(refusal({ input: { changes: { 'k\u0000': 1 } } })?.field).toBe('input.changes');
    let deep: unknown = 1;
    for (let i = 0; i < 100; i++) deep = [deep];
    expect(refusal({ input: { changes: { deep } } })?.message).toMatch(/nested more than/);
  });

  it('when a string has an unpaired surrogate, then it is refused; a paired one (emoji) passes', () => {
    expect(stringProblem('\ud83d\ude42', 10)).toBeNull();
    expect(stringProblem('a\ud83d', 10)).toMatch(/unpaired surrogates/);
    expect(stringProblem('\ude42a', 10)).toMatch(/unpaired surrogates/);
  });

  it('for any string, the guard refuses it exactly when it has a forbidden character or is too long', () => {
    const forbidden = (s: string) =>
      [...s].some((c) => {
        const code = c.codePointAt(0)!;
        return (
          (code < 0x20 && c !== '\t' && c !== '\n' && c !== '\r') ||
          (code >= 0x7f && code <= 0x9f) ||
          (code >= 0xd800 && code <= 0xdfff)
        );
      });
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 40 }), fc.integer({ min: 0, max: 50 }), (s, cap) => {
        expect(stringProblem(s, cap) !== null).toBe(s.length > cap || forbidden(s));
      }),
      { seed: 11, numRuns: 500 },
    );
  });

  it('when a query runs through the guarded schema, then a bad argument fails before the resolver and others still resolve', async () => {
    const s = schema();
    let calls = 0;
    const root = { echo: () => ++calls && 'ok', plain: 'plain' };
    const bad = await graphql({ schema: s, source: '{ echo(text: "a\\u0000") plain }', rootValue: root });
    expect(bad.errors?.[0]?.originalError).toMatchObject({ code: 'BAD_USER_INPUT', field: 'text' });
    expect(bad.data).toEqual({ echo: null, plain: 'plain' });
    expect(calls).toBe(0);
  });
});

describe('date scalars', () => {
  it('when a date lies outside 1900-01-01 … 2199-12-31, then the scalar refuses it with BAD_USER_INPUT', () => {
    for (const value of ['0000-01-01', '1899-12-31', '2200-01-01', '9999-12-31']) {
      expect(() => LocalDateScalar.parseValue(value)).toThrow(/expected a date from 1900-01-01 to 2199-12-31/);
    }
    try {
      LocalDateScalar.parseValue('0000-01-01');
    } catch (error) {
      expect((error as { extensions: unknown }).extensions).toEqual({ code: 'BAD_USER_INPUT' });
    }
    expect(LocalDateScalar.parseValue('1900-01-01')).toBe('1900-01-01');
    expect(LocalDateScalar.parseValue('2199-12-31')).toBe('2199-12-31');
  });

  it('when an instant lies outside the years 1900 … 2199 (UTC), then the scalar refuses it', () => {
    expect(() => DateTimeScalar.parseValue('0000-01-01T00:00:00Z')).toThrow(/years 1900 to 2199/);
    expect(() => DateTimeScalar.parseValue('2200-01-01T00:00:00Z')).toThrow(/years 1900 to 2199/);
    expect(() => DateTimeScalar.parseValue('1900-01-01T01:00:00+02:00')).toThrow(/years 1900 to 2199/);
    expect(DateTimeScalar.parseValue('2199-12-31T23:59:59.999Z').toISOString()).toBe('2199-12-31T23:59:59.999Z');
    expect(DateTimeScalar.parseValue('2026-10-25T09:00:00+02:00').toISOString()).toBe('2026-10-25T07:00:00.000Z');
  });
});
