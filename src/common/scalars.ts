import { GraphQLError, GraphQLScalarType } from 'graphql';
import { DateTimeResolver, JSONObjectResolver, LocalDateResolver } from 'graphql-scalars';
import { LRUCache } from 'lru-cache';
import { instantText } from './instant';
import { FIRST_DAY, isDateInRange, isInstantInRange, LAST_DAY, MAX_YEAR, MIN_YEAR } from './date-range';

/**
 * Out-of-range dates are refused while the request is read, before any resolver runs: a year
 * 0000 or 99999 would otherwise reach PostgreSQL or Temporal and fail there as an internal error.
 * The error carries BAD_USER_INPUT; graphql-js prefixes the variable and the path of the field.
 */
function outOfRange(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'BAD_USER_INPUT' } });
}

function checkDate(value: string): string {
  if (!isDateInRange(value)) throw outOfRange(`expected a date from ${FIRST_DAY} to ${LAST_DAY}`);
  return value;
}

function checkInstant(value: Date): Date {
  if (!isInstantInRange(value)) throw outOfRange(`expected an instant in the years ${MIN_YEAR} to ${MAX_YEAR} (UTC)`);
  return value;
}

/**
 * An instant, ISO 8601 with offset; always returned in UTC ("2026-10-25T07:00:00.000Z").
 *
 * Returned as text, not as the Date: the response's JSON.stringify would call each Date's toJSON
 * from native code, which made an order list's twenty orders and their sessions take six times
 * as long to write out as the same response with the instants as text.
 */
export const DateTimeScalar = new GraphQLScalarType<Date, string>({
  ...DateTimeResolver.toConfig(),
  // The library checks the value and makes a Date of text and numbers; what is no instant fails there.
  serialize: (value) => instantText(DateTimeResolver.serialize(value)),
  description: `An instant, ISO 8601 / RFC 3339 with an offset ("2026-10-25T09:00:00+02:00"); returned in UTC ("2026-10-25T07:00:00.000Z"). Accepted from ${FIRST_DAY}T00:00:00Z to ${LAST_DAY}T23:59:59.999Z.`,
  parseValue: (value) => checkInstant(DateTimeResolver.parseValue(value)),
  parseLiteral: (ast, variables) => checkInstant(DateTimeResolver.parseLiteral(ast, variables)),
});

/**
 * Dates already checked on their way out: a page repeats the same few hundred dates, and the
 * check (a Date parsed and printed again) costs more than the rest of the field.
 */
const validDates = new LRUCache<string, true>({ max: 20_000 });

/** A calendar date without time zone, "2026-12-31". */
export const LocalDateScalar = new GraphQLScalarType<string, string>({
  ...LocalDateResolver.toConfig(),
  serialize: (value) => {
    if (typeof value === 'string' && validDates.has(value)) return value;
    const date = LocalDateResolver.serialize(value);
    validDates.set(date, true);
    return date;
  },
  description: `A calendar date without time zone, "YYYY-MM-DD" ("2026-12-31"). Accepted from ${FIRST_DAY} to ${LAST_DAY}.`,
  parseValue: (value) => checkDate(LocalDateResolver.parseValue(value)),
  parseLiteral: (ast, variables) => checkDate(LocalDateResolver.parseLiteral(ast, variables)),
});

/** A JSON object (region rule changes, diffs). */
export const JSONObjectScalar = JSONObjectResolver;
