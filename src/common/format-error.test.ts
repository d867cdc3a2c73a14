import { GraphQLError } from 'graphql';
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { BadUserInputError, ConflictError, NotFoundError, UnauthenticatedError } from './errors';
import { describeJobError, formatError, isDatabaseUnreachable, maskMessageValues, maskSqlValues } from './format-error';

const lines: string[] = [];
const log = pino({ level: 'error' }, { write: (line: string) => lines.push(line) });

function format(production: boolean, error: Error) {
  const graphQLError =
    error instanceof GraphQLError ? error : new GraphQLError(error.message, { originalError: error, path: ['expert'] });
  const json = graphQLError.toJSON();
  const formatted = production ? json : { ...json, extensions: { ...json.extensions, stacktrace: ['at secret.ts:1'] } };
  return formatError({ log, production })(formatted, graphQLError);
}

describe('formatError', () => {
  it('when an unexpected error happens in production, then the client sees only a code and an error id that the log line also has', () => {
    lines.length = 0;
    const out = format(true, new Error('connection to 10.0.0.5 refused; password=hunter2'));
    expect(out.extensions?.code).toBe('INTERNAL_SERVER_ERROR');
    expect(out.message).not.toContain('hunter2');
    expect(JSON.stringify(out)).not.toContain('stacktrace');
    const errorId = out.extensions?.errorId as string;
    expect(errorId).toMatch(/^[0-9a-f-]{36}$/);
    expect(out.message).toContain(errorId);
    expect(JSON.parse(lines[0]!)).toMatchObject({ errorId, msg: 'internal error' });
  });

  it('when a domain error happens in production, then its code and message reach the client without a stack trace', () => {
    const out = format(true, new BadUserInputError('input.topicIds[2]', 'unknown topic "astrology"'));
    expect(out).toMatchObject({
      message: 'input.topicIds[2]: unknown topic "astrology"',
      extensions: { code: 'BAD_USER_INPUT', field: 'input.topicIds[2]' },
    });
    expect(JSON.stringify(out)).not.toContain('stacktrace');
  });

  it('when an unexpected error happens in development, then the message is shown to help the developer', () => {
    const out = format(false, new Error('boom'));
    expect(out.message).toBe('boom');
    expect(out.extensions?.code).toBe('INTERNAL_SERVER_ERROR');
  });

  it('when the error is NOT_FOUND, then it passes through unchanged', () => {
    const out = format(true, new NotFoundError('expert', 'x'));
    expect(out.extensions?.code).toBe('NOT_FOUND');
    expect(out.message).toBe('expert x not found');
  });

  it('when SQL carries values, then masking keeps the statement and identifiers and drops every value', () => {
    expect(
      maskSqlValues(
        `insert into "expert" ("email", "phone", "n") values ('a''b@x.fi', E'+358 40', 12.5) - new row for relation "expert"`,
      ),
    ).toBe(`insert into "expert" ("email", "phone", "n") values (?, ?, ?) - new row for relation "expert"`);
    fc.assert(
      fc.property(
        fc.string({ minLength: 3 }).filter((v) => /\w/.test(v)),
        (value) => {
          const literal = `'${value.replace(/'/g, "''")}'`;
          expect(maskSqlValues(`update "expert" set "display_name" = ${literal} where "id" = 'x'`)).toBe(
            `update "expert" set "display_name" = ? where "id" = ?`,
          );
        },
      ),
    );
  });

  it('when PostgreSQL quotes a value in its message, then it is masked while names of relations and constraints stay', () => {
    expect(maskMessageValues('invalid input syntax for type uuid: "leena@example.fi"')).toBe(
      'invalid input syntax for type uuid: "?"',
    );
    expect(maskMessageValues('new row for relation "expert" violates check constraint "x_check"')).toBe(
      'new row for relation "expert" violates check constraint "x_check"',
    );
  });

  it('when a database error is logged, then the log line has the SQL without values and no detail', () => {
    lines.length = 0;
    const driverError = Object.assign(
      new Error(
        `insert into "expert" ("email") values ('leena@example.fi') - duplicate key value violates unique constraint "expert_email_unique"`,
      ),
      {
        name: 'UniqueConstraintViolationException',
        sqlState: '23505',
        code: '23505',
        severity: 'ERROR',
        detail: 'Key (email)=(leena@example.fi) already exists.',
        constraint: 'expert_email_unique',
      },
    );
    const out = format(true, driverError);
    const line = JSON.parse(lines[0]!) as Record<string, unknown>;
    expect(lines.join('')).not.toContain('leena');
    expect(line).toMatchObject({
      errorId: out.extensions?.errorId,
      err: { sql: 'insert into "expert" ("email") values (?)', constraint: 'expert_email_unique', code: '23505' },
    });
  });

  it('when the pool cannot get a connection or the server refuses it, then the error counts as an unreachable database', () => {
    expect(
      isDatabaseUnreachable(
        Object.assign(new Error('Knex: Timeout acquiring a connection. The pool is probably full.'), {
          name: 'KnexTimeoutError',
        }),
      ),
    ).toBe(true);
    expect(
      isDatabaseUnreachable(Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:1'), { code: 'ECONNREFUSED' })),
    ).toBe(true);
    // A pooled connection that died inside a transaction, and the failed rollback after a failed COMMIT.
    expect(
      isDatabaseUnreachable(new Error('COMMIT; - Client has encountered a connection error and is not queryable')),
    ).toBe(true);
    expect(
      isDatabaseUnreachable(new Error('Transaction query already complete, run with DEBUG=knex:tx for more info')),
    ).toBe(true);
    expect(isDatabaseUnreachable(new Error('boom'))).toBe(false);
  });

  it('when no pooled connection becomes free or the server is gone, then the client gets SERVICE_UNAVAILABLE saying which, with an error id', () => {
    const poolFull = Object.assign(new Error('Knex: Timeout acquiring a connection. The pool is probably full.'), {
      name: 'KnexTimeoutError',
    });
    const terminated = Object.assign(new Error('terminating connection due to administrator command'), {
      code: '57P01',
    });
    const lockTimeout = Object.assign(new Error('canceling statement due to lock timeout'), { code: '55P03' });
    const statementTimeout = Object.assign(new Error('canceling statement due to statement timeout'), {
      code: '57014',
    });
    for (const production of [true, false]) {
      for (const slow of [lockTimeout, statementTimeout])
        expect(format(production, slow)).toMatchObject({
          message: expect.stringMatching(/^Service unavailable: the database is busy; try again shortly/) as unknown,
          extensions: { code: 'SERVICE_UNAVAILABLE' },
        });
      const busy = format(production, poolFull);
      expect(busy.extensions?.code).toBe('SERVICE_UNAVAILABLE');
      expect(busy.message).toMatch(/^Service unavailable: the database is busy; .* \(error id [0-9a-f-]{36}\)$/);
      expect(busy.message).not.toContain('pool is probably full');
      const gone = format(production, terminated);
      expect(gone.extensions?.code).toBe('SERVICE_UNAVAILABLE');
      expect(gone.message).toMatch(/^Service unavailable: the database cannot be reached \(error id /);
    }
    expect(format(true, new Error('boom')).extensions?.code).toBe('INTERNAL_SERVER_ERROR');
  });

  it('when a service throws a domain error, then it is a plain error that a job can catch, and only formatError gives it a GraphQL code', () => {
    const error = new ConflictError('expert 7 was changed by someone else');
    expect(error).not.toBeInstanceOf(GraphQLError);
    expect(error).toMatchObject({ code: 'CONFLICT', message: 'expert 7 was changed by someone else' });
    expect(format(true, error)).toMatchObject({
      message: 'expert 7 was changed by someone else',
      path: ['expert'],
      extensions: { code: 'CONFLICT' },
    });
  });

  it('when a domain error comes wrapped without a path (a rejected token while the context is made), then its code and own message still reach the client', () => {
    const wrapped = new GraphQLError('Context creation failed: the token has expired', {
      originalError: new UnauthenticatedError('the token has expired'),
    });
    const out = formatError({ log, production: true })(
      { ...wrapped.toJSON(), extensions: { code: 'INTERNAL_SERVER_ERROR' } },
      wrapped,
    );
    expect(out).toEqual({ message: 'the token has expired', extensions: { code: 'UNAUTHENTICATED' } });
  });

  it('when a variable cannot be read, then the error names its field: the path graphql-js gives, else the variable', () => {
    const field = (message: string) =>
      formatError({ log, production: true })(
        { message, extensions: { code: 'BAD_USER_INPUT' } },
        new GraphQLError(message),
      ).extensions?.field;
    expect(field('Variable "$filter" got invalid value "0000-01-01" at "filter.availableOn"; expected a date')).toBe(
      'filter.availableOn',
    );
    expect(field('Variable "$input" got invalid value { a: "x at \\"y\\"; " } at "input.panel[0].name"; no')).toBe(
      'input.panel[0].name',
    );
    expect(field('Variable "$startsAt" got invalid value "x"; DateTime cannot represent')).toBe('startsAt');
    expect(field('Variable "$id" of non-null type "ID!" must not be null.')).toBe('id');
    expect(field('Variable "$id" of required type "ID!" was not provided.')).toBe('id');
    expect(format(true, new BadUserInputError('input.email', 'not an email address')).extensions?.field).toBe(
      'input.email',
    );
  });

  it('when a request has more than 50 bad variable values, then the answer is BAD_USER_INPUT, not an internal error', () => {
    const message = 'Too many errors processing variables, error limit reached. Execution aborted.';
    // Apollo has already called it internal by the time formatError sees it.
    const out = formatError({ log, production: true })(
      { message, extensions: { code: 'INTERNAL_SERVER_ERROR' } },
      new GraphQLError(message),
    );
    expect(out).toMatchObject({ message, extensions: { code: 'BAD_USER_INPUT', field: 'variables' } });
  });
});

describe('describeJobError', () => {
  it('when a background job fails on a statement, then the log keeps the SQL and the reason without the values', () => {
    const failed = Object.assign(
      new Error(
        `insert into "metrics_order" ("order_id", "unit_key") values ('0a6f0ed2-54de-f6bd-bc63-4f2aaa538144', 'Liisa Virtanen') - duplicate key value violates unique constraint "metrics_order_pkey"`,
      ),
      {
        name: 'UniqueConstraintViolationException',
        sqlState: '23505',
        code: '23505',
        constraint: 'metrics_order_pkey',
      },
    );
    const logged = JSON.stringify(describeJobError(failed));
    expect(logged).not.toContain('Liisa');
    expect(logged).not.toContain('0a6f0ed2');
    expect(describeJobError(failed)).toMatchObject({
      sql: 'insert into "metrics_order" ("order_id", "unit_key") values (?, ?)',
      constraint: 'metrics_order_pkey',
    });
  });

  it('when a job fails otherwise, then the error is logged as it is', () => {
    const failed = new Error('no region rules in force');
    expect(describeJobError(failed)).toBe(failed);
  });
});
