import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bootTestServer, type TestApi } from '../helpers/boot';

describe('health when the database goes away', () => {
  let api: TestApi;
  let database: string;
  const health = async () => {
    const response = await fetch(api.url.replace(/graphql$/, 'health'));
    return { status: response.status, body: await response.json() };
  };

  beforeAll(async () => {
    api = await bootTestServer();
    database = new URL(api.server.orm.config.getClientUrl()).pathname.slice(1);
  });
  afterAll(async () => {
    await api?.sql(`alter database "${database}" connection limit -1`);
    await api?.close();
  });

  it('when the application cannot reach the database, then /health answers 503, the server keeps running, and it recovers', async () => {
    expect(await health()).toEqual({ status: 200, body: { status: 'ok', database: 'ok' } });

    // Refuse new connections to the application role and cut the ones it has.
    await api.sql(`alter database "${database}" connection limit 0`);
    await api.sql(
      `select pg_terminate_backend(pid) from pg_stat_activity where datname = $1 and usename = 'kokemuspankki_app'`,
      [database],
    );
    expect(await health()).toEqual({ status: 503, body: { status: 'unavailable', database: 'unreachable' } });

    await api.sql(`alter database "${database}" connection limit -1`);
    expect(await health()).toEqual({ status: 200, body: { status: 'ok', database: 'ok' } });
  });
});
