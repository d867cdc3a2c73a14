/**
 * One guard in front of every resolver that takes arguments: before a service sees them, every
 * string in the arguments (also inside input objects, lists and JSON objects) is checked for
 * control characters and length, and every list for its number of items. A NUL character,
 * an unpaired surrogate or a megabyte of text would otherwise reach PostgreSQL (which refuses
 * NUL in text and over-long index rows) and come back as an internal error; here they get
 * BAD_USER_INPUT naming the field path, e.g. `input.displayName` or `input.panel[0].name`.
 *
 * Caps: DEFAULT_MAX_LENGTH for a String, DEFAULT_MAX_ID_LENGTH for an ID, or a smaller cap
 * declared beside an input field with `@MaxLength(n)` (it applies to each string of a list).
 */
import {
  defaultFieldResolver,
  getNullableType,
  isInputObjectType,
  isIntrospectionType,
  isListType,
  isNonNullType,
  isObjectType,
  isScalarType,
  type GraphQLArgument,
  type GraphQLFieldResolver,
  type GraphQLInputObjectType,
  type GraphQLInputType,
  type GraphQLSchema,
} from 'graphql';
import { Extensions } from 'type-graphql';
import { BadUserInputError } from './errors';
import { MAX_INPUT_LIST } from './pagination';

/** Longest String accepted where the field declares no smaller cap. */
export const DEFAULT_MAX_LENGTH = 10_000;
/** Longest ID accepted: row ids are UUIDs, region, topic and task type ids short slugs. */
export const DEFAULT_MAX_ID_LENGTH = 128;
/** Nesting and array length inside a JSON object argument (region rule changes are shallow). */
const MAX_JSON_DEPTH = 16;
const MAX_JSON_ARRAY = 1_000;

/**
 * C0 and C1 control characters other than tab, line feed and carriage return, and UTF-16
 * surrogates without their pair (which would silently turn into U+FFFD on the way to the database).
 */
const FORBIDDEN_CHARACTER = /(?![\t\n\r])\p{Cc}|\p{Cs}/u;

/** A smaller cap for a string input field than DEFAULT_MAX_LENGTH, declared beside the field. */
export function MaxLength(characters: number): MethodDecorator & PropertyDecorator {
  return Extensions({ maxLength: characters });
}

/** Why a string is refused, or null when it is acceptable. */
export function stringProblem(value: string, maxLength: number): string | null {
  if (value.length > maxLength) return `at most ${maxLength} characters (got ${value.length})`;
  if (FORBIDDEN_CHARACTER.test(value))
    return 'must not contain control characters (other than tab and line breaks) or unpaired surrogates';
  return null;
}

/** Checks one argument or input field value of the given type; throws BadUserInputError naming `path`. */
export function checkInputValue(type: GraphQLInputType, value: unknown, path: string, maxLength?: number): void {
  if (value === null || value === undefined) return;
  if (isNonNullType(type)) return checkInputValue(type.ofType, value, path, maxLength);
  if (isListType(type)) {
    const items = Array.isArray(value) ? value : [value];
    if (items.length > MAX_INPUT_LIST) throw new BadUserInputError(path, `at most ${MAX_INPUT_LIST} items`);
    items.forEach((item, i) => checkInputValue(type.ofType, item, `${path}[${i}]`, maxLength));
    return;
  }
  if (isInputObjectType(type)) {
    const fields = type.getFields();
    for (const [name, fieldValue] of Object.entries(value as Record<string, unknown>)) {
      const field = fields[name];
      if (field) checkInputValue(field.type, fieldValue, `${path}.${name}`, declaredMaxLength(field.extensions));
    }
    return;
  }
  if (isScalarType(type) && type.name === 'JSONObject') return checkJson(value, path, 0);
  if (typeof value === 'string') {
    const cap = maxLength ?? (isScalarType(type) && type.name === 'ID' ? DEFAULT_MAX_ID_LENGTH : DEFAULT_MAX_LENGTH);
    const problem = stringProblem(value, cap);
    if (problem) throw new BadUserInputError(path, problem);
  }
}

/** Checks the coerced arguments of one field against its argument definitions. */
export function checkArguments(definitions: readonly GraphQLArgument[], args: Record<string, unknown>): void {
  for (const definition of definitions)
    checkInputValue(definition.type, args[definition.name], definition.name, declaredMaxLength(definition.extensions));
}

/**
 * Puts the guard in front of the resolver of every field that has arguments (root operations and
 * fields such as `Region.feeTable(at:)`); fields without arguments are left as they are, so the
 * guard costs nothing when a large list is returned.
 */
export function guardArguments(schema: GraphQLSchema): GraphQLSchema {
  for (const type of Object.values(schema.getTypeMap())) {
    if (isInputObjectType(type)) describeCaps(type);
    if (!isObjectType(type) || isIntrospectionType(type)) continue;
    for (const field of Object.values(type.getFields())) {
      if (!field.args.length) continue;
      const resolve: GraphQLFieldResolver<unknown, unknown> = field.resolve ?? defaultFieldResolver;
      const definitions = field.args;
      field.resolve = (source, args: Record<string, unknown>, context, info) => {
        checkArguments(definitions, args);
        return resolve(source, args, context, info);
      };
    }
  }
  return schema;
}

/** A declared cap is part of the field's documentation in the schema too. */
function describeCaps(type: GraphQLInputObjectType): void {
  for (const field of Object.values(type.getFields())) {
    const cap = declaredMaxLength(field.extensions);
    if (cap !== undefined && !field.description?.includes(`at most ${cap} characters`)) {
      field.description = `${field.description ? `${field.description} ` : ''}At most ${cap} characters${isListType(getNullableType(field.type)) ? ' each' : ''}.`;
    }
  }
}

function declaredMaxLength(extensions: Readonly<Record<string, unknown>> | null | undefined): number | undefined {
  const cap = extensions?.maxLength;
  return typeof cap === 'number' ? cap : undefined;
}

/** Strings (keys too), nesting and array length inside a JSON argument. */
function checkJson(value: unknown, path: string, depth: number): void {
  if (depth > MAX_JSON_DEPTH) throw new BadUserInputError(path, `nested more than ${MAX_JSON_DEPTH} levels deep`);
  if (typeof value === 'string') {
    const problem = stringProblem(value, DEFAULT_MAX_LENGTH);
    if (problem) throw new BadUserInputError(path, problem);
  } else if (Array.isArray(value)) {
    if (value.length > MAX_JSON_ARRAY) throw new BadUserInputError(path, `at most ${MAX_JSON_ARRAY} items`);
    value.forEach((item, i) => checkJson(item, `${path}[${i}]`, depth + 1));
  } else if (typeof value === 'object' && value !== null) {
    for (const [key, item] of Object.entries(value)) {
      const problem = stringProblem(key, 200);
      if (problem) throw new BadUserInputError(path, `a key ${problem}`);
      checkJson(item, `${path}.${key}`, depth + 1);
    }
  }
}
