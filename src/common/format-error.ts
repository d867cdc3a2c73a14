import { randomUUID } from 'node:crypto';
import type { GraphQLFormattedError } from 'graphql';
import type { ApolloServerPlugin } from '@apollo/server';
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

/** The operation each failed error belongs to, noted by errorContextPlugin before formatting. */
const operationOf = new WeakMap<object, string | null>();

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
      const field =
        code === 'BAD_USER_INPUT' && !formatted.extensions?.field ? fieldOfVariableError(formatted.message) : undefined;
      if (field) formatted = { ...formatted, extensions: { ...formatted.extensions, field } };
      return options.production ? withoutStacktrace(formatted) : formatted;
    }
    const cause = unwrapResolverError(error);
    const operation = typeof error === 'object' && error ? operationOf.get(error) : undefined;
    const { errorId, unavailable } = logInternalError(options.log, cause, {
      operation: operation ?? null,
      path: formatted.path,
    });
    return {
      message: options.production || unavailable ? internalMessage(errorId, unavailable) : formatted.message,
      ...(formatted.locations ? { locations: formatted.locations } : {}),
      ...(formatted.path ? { path: formatted.path } : {}),
      extensions: {
        code: internalCode(unavailable),
        errorId,
        ...(options.production ? {} : { stacktrace: formatted.extensions?.stacktrace }),
      },
    };
  };
}

/** Lets formatError name the operation in its log line. */
export function errorContextPlugin(): ApolloServerPlugin {
  return {
    requestDidStart() {
      return Promise.resolve({
        didEncounterErrors({ errors, operationName, request }) {
          for (const error of errors) operationOf.set(error, operationName ?? request.operationName ?? null);
          return Promise.resolve();
        },
      });
    },
  };
}

/**
 * Why the database could not serve a request: `busy` when no pooled connection became free in
 * time (slow statements hold them all) or a statement or lock wait ran past its timeout,
 * `unreachable` when there is no connection to PostgreSQL. Either passes when the fault does, so
 * a client may try again.
 */
export type Unavailable = 'busy' | 'unreachable' | undefined;

/** The client's message for an internal error: only the id, and whether the database is busy or down. */
export function internalMessage(errorId: string, unavailable: Unavailable): string {
  if (unavailable === 'busy')
    return `Service unavailable: the database is busy; try again shortly (error id ${errorId})`;
  if (unavailable === 'unreachable') return `Service unavailable: the database cannot be reached (error id ${errorId})`;
  return `Internal server error (error id ${errorId})`;
}

/** A fault of the database that passes gets a code of its own, so that a client knows to retry. */
export function internalCode(unavailable: Unavailable): 'SERVICE_UNAVAILABLE' | 'INTERNAL_SERVER_ERROR' {
  return unavailable ? 'SERVICE_UNAVAILABLE' : 'INTERNAL_SERVER_ERROR';
}

/**
 * Logs an internal error under a new error id, without the personal data that database errors
 * carry: the driver puts the SQL with its values filled in into the message, and PostgreSQL puts
 * key and row values into `detail`. We keep the SQL text with each value replaced by `?`.
 */
export function logInternalError(
  log: Logger,
  error: unknown,
  context: { operation?: string | null; path?: readonly (string | number)[] } = {},
): { errorId: string; unavailable: Unavailable } {
  const errorId = randomUUID();
  const unavailable = isDatabaseBusy(error) ? 'busy' : isDatabaseUnreachable(error) ? 'unreachable' : undefined;
  const fields = { errorId, operation: context.operation ?? null, ...(context.path ? { path: context.path } : {}) };
  if (unavailable === 'busy') {
    log.error(
      { ...fields, err: describeDatabaseError(error) },
      'database busy: no pooled connection became free, or a statement or lock wait timed out',
    );
  } else if (unavailable) {
    log.error({ ...fields, err: describeDatabaseError(error) }, 'database unreachable: no connection to PostgreSQL');
  } else if (isDatabaseError(error)) {
    log.error({ ...fields, err: describeDatabaseError(error) }, 'internal error: database statement failed');
  } else {
    log.error({ ...fields, err: error }, 'internal error');
  }
  return { errorId, unavailable };
}

const CONNECTION_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ENOTFOUND',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EPIPE',
]);
/** SQLSTATEs for a server that is going away or refusing connections. */
const UNAVAILABLE_STATES = new Set(['57P01', '57P02', '57P03', '53300', '08000', '08001', '08003', '08004', '08006']);

interface DriverLikeError {
  name?: string;
  message?: string;
  code?: unknown;
  sqlState?: unknown;
  severity?: unknown;
  table?: unknown;
  column?: unknown;
  constraint?: unknown;
  routine?: unknown;
  cause?: unknown;
}

/** SQLSTATEs of PostgreSQL's lock_timeout (lock_not_available) and statement_timeout (query_canceled). */
const BUSY_STATES = new Set(['55P03', '57014']);

/**
 * The pool's acquire timeout (every connection is taken, or none could be made in time), or a
 * statement or lock wait that ran past the timeouts set in src/db/orm.ts.
 */
/** What a background job logs of its failure: a database error with its SQL values masked, as requests do. */
export function describeJobError(error: unknown): unknown {
  return isDatabaseError(error) ? describeDatabaseError(error) : error;
}

export function isDatabaseBusy(error: unknown, depth = 0): boolean {
  if (!error || typeof error !== 'object' || depth > 3) return false;
  const e = error as DriverLikeError;
  if (e.name === 'KnexTimeoutError' || /Timeout acquiring a connection/.test(e.message ?? '')) return true;
  if (typeof e.code === 'string' && BUSY_STATES.has(e.code)) return true;
  return isDatabaseBusy(e.cause, depth + 1);
}

export function isDatabaseUnreachable(error: unknown, depth = 0): boolean {
  if (!error || typeof error !== 'object' || depth > 3) return false;
  const e = error as DriverLikeError;
  const message = e.message ?? '';
  if (e.name === 'ConnectionException' || e.name === 'KnexTimeoutError') return true;
  if (typeof e.code === 'string' && (CONNECTION_CODES.has(e.code) || UNAVAILABLE_STATES.has(e.code))) return true;
  if (
    /Connection terminated|Timeout acquiring a connection|connect ECONNREFUSED|the database system is (starting up|shutting down|in recovery mode)|encountered a connection error and is not queryable/.test(
      message,
    )
  )
    return true;
  // When a COMMIT fails, MikroORM rolls back on the dead transaction and knex's complaint about
  // that replaces the commit's own error. Our commits fail only on a lost connection: no
  // constraint is deferred and no transaction is serializable.
  if (/^Transaction query already complete/.test(message)) return true;
  return isDatabaseUnreachable(e.cause, depth + 1);
}

function isDatabaseError(error: unknown): boolean {
  if (!error || typeof error !== 'object') return false;
  const e = error as DriverLikeError;
  // MikroORM's DriverException subclasses, and node-postgres errors (five-character SQLSTATE).
  return /Exception$/.test(e.name ?? '') && 'sqlState' in e
    ? true
    : typeof e.code === 'string' && /^[0-9A-Z]{5}$/.test(e.code) && 'severity' in e;
}

function describeDatabaseError(error: unknown): Record<string, unknown> {
  const e = (error ?? {}) as DriverLikeError;
  const pick = (v: unknown) => (typeof v === 'string' ? v : undefined);
  const message = e.message ?? String(error);
  // Knex writes "<sql> - <PostgreSQL's message>".
  const masked = maskSqlValues(message);
  const split = masked.lastIndexOf(' - ');
  return {
    type: e.name,
    code: pick(e.code),
    table: pick(e.table),
    column: pick(e.column),
    constraint: pick(e.constraint),
    routine: pick(e.routine),
    ...(split > 0 &&
    /^\s*(select|insert|update|delete|with|begin|commit|rollback|set|savepoint|release|lock)\b/i.test(masked)
      ? { sql: masked.slice(0, split), message: maskMessageValues(masked.slice(split + 3)) }
      : { message: maskMessageValues(masked) }),
  };
}

/** Replaces every literal value in SQL text (strings, numbers) with `?`; identifiers stay. */
export function maskSqlValues(sql: string): string {
  return sql
    .replace(/(?:\b[eE])?'(?:[^']|'')*'/g, '?')
    .replace(/(?<![\w"$.])-?\d+(?:\.\d+)?(?:e[+-]?\d+)?(?![\w"])/gi, '?');
}

/**
 * PostgreSQL quotes both names and values with double quotes ("invalid input syntax for type
 * uuid: \"…\""); a quoted word after a kind of object is a name, anything else may be a value.
 */
export function maskMessageValues(message: string): string {
  return message.replace(/(\b\w+\s+)?"(?:[^"]|"")*"/g, (match, before: string | undefined) =>
    before &&
    /^(relation|constraint|column|table|type|index|function|schema|sequence|trigger|role|database|policy|enum|operator|view|extension)\s+$/i.test(
      before,
    )
      ? match
      : `${before ?? ''}"?"`,
  );
}

/** The one place where a domain error becomes a GraphQL error: its kind is `extensions.code`. */
function fromDomainError(
  formatted: GraphQLFormattedError,
  error: DomainError,
  production: boolean,
): GraphQLFormattedError {
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
  const match =
    /^Variable "\$(\w+)" (?:got invalid value [\s\S]*? at "([\w.[\]]+)"; |got invalid value |of (?:required|non-null) type )/.exec(
      message,
    );
  return match ? (match[2] ?? match[1]) : undefined;
}
