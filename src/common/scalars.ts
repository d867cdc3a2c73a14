import { DateTimeResolver, JSONObjectResolver, LocalDateResolver } from 'graphql-scalars';

/** An instant, ISO 8601 with offset; always returned in UTC ("2026-10-25T07:00:00.000Z"). */
export const DateTimeScalar = DateTimeResolver;
/** A calendar date without time zone, "2026-12-31". */
export const LocalDateScalar = LocalDateResolver;
/** A JSON object (region rule changes, diffs). */
export const JSONObjectScalar = JSONObjectResolver;
