import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import pino from 'pino';
import { loadEnv } from '../../src/config/env';
import { APP_ROLE, createDatabaseIfMissing, withClient, withDatabase } from '../../src/db/database';
import net from 'node:net';
import { startServer } from '../../src/server';
import { CreateExpertDocument } from '../generated/graphql';
import { bootTestServer, TEST_DEV_SECRET, type TestApi } from '../helpers/boot';

const REGION = 'ita-uusimaa';
const EMAIL = 'salainen.henkilo@example.fi';
const PHONE = '+358 40 765 4321';

describe('logs hold no personal data', () => {
  const lines: string[] = [];
  let api: TestApi;
  let coordinator: string;

  beforeAll(async () => {
    const log = pino({ level: 'debug' }, { write: (line: string) => void lines.push(line) });
    api = await bootTestServer({ log, env: { NODE_ENV: 'production', AUTH_ALLOW_DEV_TOKENS: 'true' } });
    coordinator = await api.token({ sub: 'kaisa', grants: [`COORDINATOR@${REGION}`] });
  });
  afterAll(async () => {
    await api?.close();
  });

  it('when the database refuses an insert carrying an email, then the log has the error id, the operation and the SQL, but no email, phone or name', async () => {
    // Stands in for any failure PostgreSQL may report about a row: its message and detail carry the values.
    await api.sql(
      `alter table expert add constraint test_refuses_everyone check (email is null and display_name = 'nobody')`,
    );
    try {
      lines.length = 0;
      const result = await api.request(
        CreateExpertDocument,
        {
          input: {
            regionId: REGION,
            displayName: 'Salainen Henkilö',
            email: EMAIL,
            phone: PHONE,
            topicIds: ['addictions'],
            languages: ['fi'],
            taskTypeIds: ['lecture-training'],
            introduction: { fi: 'Kerron kokemuksestani.' },
            topicsPublic: false,
            municipalities: ['Porvoo'],
          },
        },
        { token: coordinator },
      );
      const error = result.errors?.[0];
      expect(error?.extensions?.code).toBe('INTERNAL_SERVER_ERROR');
      const errorId = error?.extensions?.errorId as string;
      expect(errorId).toMatch(/^[0-9a-f-]{36}$/);
      expect(JSON.stringify(result)).not.toContain(EMAIL);

      const logged = lines.join('\n');
      for (const secret of [
        EMAIL,
        'salainen.henkilo',
        PHONE,
        '765 4321',
        'Salainen Henkilö',
        'Kerron kokemuksestani',
      ]) {
        expect(logged).not.toContain(secret);
      }
      const entry = lines
        .map((l) => JSON.parse(l) as { errorId?: string; err?: { sql?: string } })
        .find((l) => l.errorId === errorId);
      expect(entry).toMatchObject({
        operation: 'CreateExpert',
        err: { code: '23514', constraint: 'test_refuses_everyone', table: 'expert' },
      });
      expect(entry?.err?.sql).toMatch(/^insert into "expert" \(.*"email".*\) values \(\?/);
    } finally {
      await api.sql(`alter table expert drop constraint test_refuses_everyone`);
    }
  });
});

describe('an unreachable database', () => {
  it.skipIf(!inject('appRolePassword'))(
    'when requests cannot reach the database, then the client gets a masked error with an error id and the log says the database is unreachable',
    async () => {
      const lines: string[] = [];
      const log = pino({ level: 'info' }, { write: (line: string) => void lines.push(line) });
      const maintenanceUrl = inject('maintenanceUrl');
      const database = `kp_test_unreachable_${process.pid}`;
      await createDatabaseIfMissing(maintenanceUrl, database, inject('templateDatabase'));
      // The application reaches PostgreSQL through a relay that we then shut: the database is gone.
      const target = new URL(maintenanceUrl);
      const relay = await startRelay(target.hostname, Number(target.port));
      const appUrl = new URL(withDatabase(maintenanceUrl, database));
      appUrl.username = APP_ROLE;
      appUrl.password = inject('appRolePassword');
      appUrl.port = String(relay.port);
      const server = await startServer({
        env: loadEnv({
          NODE_ENV: 'production',
          LOG_LEVEL: 'info',
          AUTH_DEV_SECRET: TEST_DEV_SECRET,
          AUTH_ALLOW_DEV_TOKENS: 'true',
        }),
        log,
        databaseUrl: withDatabase(maintenanceUrl, database),
        appConnection: { url: appUrl.toString() },
        port: 0,
        host: '127.0.0.1',
        loadDemoData: false,
      });
      try {
        const ok = await fetch(server.url, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ query: '{ regions { id } }' }),
        });
        expect(ok.status).toBe(200);
        await relay.close();
        const started = Date.now();
        const response = await fetch(server.url, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ query: '{ regions { id } }' }),
        });
        const body = (await response.json()) as {
          errors?: { message: string; extensions?: Record<string, unknown> }[];
        };
        expect(Date.now() - started).toBeLessThan(5_000);
        const error = body.errors?.[0];
        const errorId = error?.extensions?.errorId as string;
        expect(errorId).toMatch(/^[0-9a-f-]{36}$/);
        expect(error?.message).toBe(`Service unavailable: the database cannot be reached (error id ${errorId})`);
        expect(JSON.stringify(body)).not.toMatch(/pool is probably full|ECONNREFUSED|127\.0\.0\.1/);
        const entry = lines.map((l) => JSON.parse(l) as Record<string, unknown>).find((l) => l.errorId === errorId);
        expect(entry?.msg).toMatch(/database unreachable/);
        expect(lines.join('\n')).not.toContain('pool is probably full');
      } finally {
        await server.stop();
        await withClient(maintenanceUrl, (admin) =>
          admin.query(`drop database if exists ${admin.escapeIdentifier(database)} with (force)`),
        );
      }
    },
  );
});

/** A TCP relay to PostgreSQL; close() cuts every connection and refuses new ones. */
async function startRelay(host: string, port: number): Promise<{ port: number; close(): Promise<void> }> {
  const sockets = new Set<net.Socket>();
  const server = net.createServer((client) => {
    const upstream = net.connect(port, host);
    for (const s of [client, upstream]) {
      sockets.add(s);
      s.on('error', () => undefined);
      s.on('close', () => sockets.delete(s));
    }
    client.pipe(upstream).pipe(client);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as net.AddressInfo).port,
    close: async () => {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      for (const s of sockets) s.destroy();
      await closed;
    },
  };
}
