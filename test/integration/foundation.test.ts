import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ViewerDocument } from '../generated/graphql';
import { bootTestServer, type TestApi } from '../helpers/boot';

describe('the server foundation', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await bootTestServer();
  });
  afterAll(async () => {
    await api?.close();
  });

  it('when the database answers, then /health reports ok', async () => {
    const response = await fetch(api.url.replace(/graphql$/, 'health'));
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok', database: 'ok' });
  });

  it('when a client asks for __typename, then the API answers', async () => {
    const response = await fetch(api.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ __typename }' }),
    });
    expect(await response.json()).toEqual({ data: { __typename: 'Query' } });
  });

  it('when there is no token, then viewer is null', async () => {
    const result = await api.request(ViewerDocument);
    expect(result.errors).toBeUndefined();
    expect(result.data).toEqual({ viewer: null });
  });

  it('when the body is not JSON, then a GraphQL error with BAD_REQUEST is returned', async () => {
    const response = await fetch(api.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"query":',
    });
    expect(response.status).toBe(400);
    const body = (await response.json()) as { errors: { extensions: { code: string } }[] };
    expect(body.errors[0]!.extensions.code).toBe('BAD_REQUEST');
  });

  it('when a field does not exist, then validation fails with GRAPHQL_VALIDATION_FAILED', async () => {
    const response = await fetch(api.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ noSuchField }' }),
    });
    const body = (await response.json()) as { errors: { message: string; extensions: { code: string } }[] };
    expect(body.errors[0]!.extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(body.errors[0]!.message).toContain('noSuchField');
  });

  it('when an operation name is unknown, then the client is told which', async () => {
    const response = await fetch(api.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: 'query A { __typename }', operationName: 'B' }),
    });
    const body = (await response.json()) as { errors: { message: string; extensions: { code: string } }[] };
    expect(body.errors[0]!.message).toContain('B');
  });

  it('when an operation uses too many aliases, then it is refused before it runs', async () => {
    const query = `{ ${Array.from({ length: 40 }, (_, i) => `a${i}: regions { id }`).join(' ')} }`;
    const response = await fetch(api.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query }),
    });
    const body = (await response.json()) as { data?: unknown; errors?: { message: string }[] };
    expect(body.data ?? null).toBeNull();
    expect(body.errors?.[0]?.message).toMatch(/alias/i);
  });

  it('when migrations ran, then the schema has the region table', async () => {
    const rows = await api.sql<{ name: string }>(
      "select table_name as name from information_schema.tables where table_name = 'region'",
    );
    expect(rows).toHaveLength(1);
  });

  it('when the server talks to the database, then it acts as the application role, which cannot bypass row-level security', async () => {
    const rows = await api.server.orm.em
      .fork()
      .getConnection()
      .execute<{ user: string; bypass: boolean }[]>(
        'select current_user as "user", rolbypassrls as bypass from pg_roles where rolname = current_user',
      );
    expect(rows).toEqual([{ user: 'kokemuspankki_app', bypass: false }]);
  });

  it('when a statement or transaction hangs, then PostgreSQL limits are set on every pooled connection', async () => {
    const connection = api.server.orm.em.fork().getConnection();
    const rows = await connection.execute<{ statement: string; idle: string }[]>(
      "select current_setting('statement_timeout') as statement, current_setting('idle_in_transaction_session_timeout') as idle",
    );
    expect(rows).toEqual([{ statement: '15s', idle: '30s' }]);
  });

  it('when the application role tries to change the audit log, then PostgreSQL refuses', async () => {
    const connection = api.server.orm.em.fork().getConnection();
    await expect(connection.execute('delete from audit_entry')).rejects.toThrow(/permission denied/);
    await expect(connection.execute("update audit_entry set actor_id = 'x'")).rejects.toThrow(/permission denied/);
  });
});

describe('in production', () => {
  const lines: string[] = [];
  let api: TestApi;
  beforeAll(async () => {
    const log = pino({ level: 'info' }, { write: (line: string) => lines.push(line) });
    api = await bootTestServer({ env: { NODE_ENV: 'production', AUTH_ALLOW_DEV_TOKENS: 'true' }, log });
  });
  afterAll(async () => {
    await api?.close();
  });

  it('when a request is served, then one JSON log line records the operation, duration and status', async () => {
    lines.length = 0;
    await api.request(ViewerDocument);
    const requestLines = lines
      .map((l) => JSON.parse(l) as Record<string, unknown>)
      .filter((l) => l.msg === 'graphql request');
    expect(requestLines).toHaveLength(1);
    expect(requestLines[0]).toMatchObject({ operation: 'Viewer', status: 200, errors: 0 });
    expect(typeof requestLines[0]!.durationMs).toBe('number');
  });

  it('when a request is served, then its SQL statements are not counted, neither in the log nor in a header', async () => {
    lines.length = 0;
    const result = await api.request(ViewerDocument);
    expect(result.errors).toBeUndefined();
    expect(result.statements).toBeNaN();
    const requestLine = lines
      .map((l) => JSON.parse(l) as Record<string, unknown>)
      .find((l) => l.msg === 'graphql request');
    expect(requestLine).toMatchObject({ operation: 'Viewer' });
    expect(requestLine).not.toHaveProperty('sqlStatements');
  });

  it('when a query is invalid, then the error response carries no stack trace', async () => {
    const response = await fetch(api.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ noSuchField }' }),
    });
    const text = await response.text();
    expect(text).toContain('GRAPHQL_VALIDATION_FAILED');
    expect(text).not.toContain('stacktrace');
  });
});
