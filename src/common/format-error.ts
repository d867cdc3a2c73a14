import { randomUUID } from 'node:crypto';
import type { GraphQLFormattedError } from 'graphql';
import { unwrapResolverError } from '@apollo/server/errors';
import { domainErrorOf, EXPECTED_CODES, type DomainError } from './errors';
import type { Logger } from './logger';

/** Codes that Apollo and graphql-js give to errors in the request itself; safe to show. */
const REQUEST_ERROR_CODES = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_REQUEST',
  'OPERATION_RESOLUTION_FAILURE',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
]);

const TOO_MANY_VARIABLE_ERRORS = 'Too many errors processing variables';

/**
 * Expected errors pass through with their code; anything else is an internal error, logged
 * with a correlation id and shown to the client only as that id (in production, message too).
 */
export function formatError(options: { log: Logger; production: boolean }) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const domain = domainErrorOf(error);
    if (domain) return fromDomainError(formatted, domain, options.production);
    // graphql-js stops reading variables after 50 bad values with an error that has no code
    // (Apollo then calls it internal); no resolver has run, so it is the request's fault.
    if (!formatted.path && formatted.message.startsWith(TOO_MANY_VARIABLE_ERRORS)) {
      formatted = { ...formatted, extensions: { code: 'BAD_USER_INPUT', field: 'variables' } };
    }
    const code = formatted.extensions?.code;
    if (typeof code === 'string' && (EXPECTED_CODES.has(code) || REQUEST_ERROR_CODES.has(code))) {
      // A variable the server could not read names its field like every other bad input.
      const field = code === 'BAD_USER_INPUT' && !formatted.extensions?.field ? fieldOfVariableError(formatted.message) : undefined;
      if (field) formatted = { ...formatted, extensions: { ...formatted.extensions, field } };
      return options.production ? withoutStacktrace(formatted) : formatted;
    }
    const errorId = randomUUID();
    options.log.error({ err: unwrapResolverError(error), errorId, path: formatted.path }, 'internal error');
    return {
      message: options.production ? `Internal server error (error id ${errorId})` : formatted.message,
      ...(formatted.locations ? { locations: formatted.locations } : {}),
      ...(formatted.path ? { path: formatted.path } : {}),
      extensions: {
        code: 'INTERNAL_SERVER_ERROR',
        errorId,
        ...(options.production ? {} : { stacktrace: formatted.extensions?.stacktrace }),
      },
    };
  };
}

/** The one place where a domain error becomes a GraphQL error: its kind is `extensions.code`. */
function fromDomainError(formatted: GraphQLFormattedError, error: DomainError, production: boolean): GraphQLFormattedError {
  const stacktrace = production ? undefined : formatted.extensions?.stacktrace;
  return {
    message: error.message,
    ...(formatted.locations ? { locations: formatted.locations } : {}),
    ...(formatted.path ? { path: formatted.path } : {}),
    extensions: { ...error.details, code: error.code, ...(stacktrace ? { stacktrace } : {}) },
  };
}

function withoutStacktrace(formatted: GraphQLFormattedError): GraphQLFormattedError {
  if (!formatted.extensions?.stacktrace) return formatted;
  const { stacktrace: _omit, ...extensions } = formatted.extensions;
  return { ...formatted, extensions };
}

/**
 * The field a variable coercion error is about, for `extensions.field`: graphql-js writes
 * `Variable "$filter" got invalid value "0000-01-01" at "filter.availableOn"; ...`. The path starts
 * with the variable's name, which is the argument's name in operations that name them alike.
 */
function fieldOfVariableError(message: string): string | undefined {
  const match = /^Variable "\$(\w+)" (?:got invalid value [\s\S]*? at "([\w.[\]]+)"; |got invalid value |of (?:required|non-null) type )/.exec(message);
  return match ? (match[2] ?? match[1]) : undefined;
}
