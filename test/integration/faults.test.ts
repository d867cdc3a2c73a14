/**
 * Faults under load on a running instance: a pool held by slow statements, and a connection cut
 * in the middle of a mutation. The client must get a coded answer quickly, nothing may be
 * half-written, and the instance must serve normally once the fault is gone.
 */
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import { CreateOrderDocument, OrderIdsDocument, RegionsDocument, ViewerDocument } from '../generated/graphql';
import { withDatabase } from '../../src/db/database';
import { bootTestServer, errorCodes, type GraphQLResult, type TestApi } from '../helpers/boot';
import { helsinki, unitIn } from '../helpers/orders';

const ITA = 'ita-uusimaa';
const POOL_MAX = 3;

let api: TestApi;
let coordinator: string;
let professional: string;

/** A connection of its own as the database owner, to hold locks the way a slow statement would. */
async function ownerClient(): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: withDatabase(inject('maintenanceUrl'), api.database) });
  client.on('error', () => undefined);
  await client.connect();
  return client;
}

async function timed<T>(work: Promise<T>): Promise<T & { ms: number }> {
  const started = Date.now();
  const result = await work;
  return Object.assign(result as object, { ms: Date.now() - started }) as T & { ms: number };
}

async function until(what: string, check: () => Promise<boolean>, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

beforeAll(async () => {
  api = await bootTestServer({ env: { DB_POOL_MAX: String(POOL_MAX) } });
  const unitId = await unitIn(api, ITA, 'Aikuissosiaalityö, Porvoo', 'working-age');
  coordinator = await api.token({ sub: 'kaisa', grants: [`COORDINATOR@${ITA}`] });
  professional = await api.token({ sub: 'marja', grants: [`PROFESSIONAL@${ITA}/${unitId}`] });
});
afterAll(() => api?.close());

describe('a pool held by slow statements', () => {
  it('when every pooled connection waits on a slow statement, then further requests fail within about 2 s with SERVICE_UNAVAILABLE, public rules still answer, and all is well once the statements end', async () => {
    const blocker = await ownerClient();
    try {
      // The order list waits behind this lock, holding its pooled connection, as behind a slow statement.
      await blocker.query('begin');
      await blocker.query('lock table work_order in access exclusive mode');
      const slow = Array.from({ length: POOL_MAX }, () =>
        api.request(OrderIdsDocument, { regionId: ITA, first: 5 }, { token: coordinator }),
      );
      await until(
        'the pool to be held',
        async () =>
          (
            await api.sql(
              `select 1 from pg_locks where relation = 'work_order'::regclass and not granted and pid <> pg_backend_pid()`,
            )
          ).length === POOL_MAX,
      );

      const starved = await Promise.all(
        Array.from({ length: 6 }, () => timed(api.request(ViewerDocument, {}, { token: coordinator }))),
      );
      const publicRules = await timed(api.request(RegionsDocument, {}));
      for (const result of starved) {
        expect(result.status).toBe(503);
        expect(errorCodes(result)).toEqual(['SERVICE_UNAVAILABLE']);
        expect(result.errors![0]!.message).toMatch(/database is busy/);
        expect(result.ms).toBeLessThan(3_000);
        expect(result.ms).toBeGreaterThanOrEqual(1_900);
      }
      expect(publicRules.errors).toBeUndefined();
      expect(publicRules.ms).toBeLessThan(500);

      // The slow statements end: they finish, and the pool serves everyone again.
      await blocker.query('commit');
      for (const result of await Promise.all(slow)) expect(result.errors).toBeUndefined();
      const after = await Promise.all(
        Array.from({ length: 12 }, () => timed(api.request(ViewerDocument, {}, { token: coordinator }))),
      );
      for (const result of after) {
        expect(result.errors).toBeUndefined();
        expect(result.ms).toBeLessThan(1_000);
      }
    } finally {
      await blocker.end();
    }
  });
});

describe('a lock held longer than the lock timeout', () => {
  it('when a createOrder waits on a lock for more than 5 s, then it gets SERVICE_UNAVAILABLE saying the database is busy, and nothing of it is saved', async () => {
    const key = 'waited-too-long-1';
    const blocker = await ownerClient();
    try {
      await blocker.query('begin');
      await blocker.query('lock table order_session in share mode');
      const result = await timed(
        api.request(
          CreateOrderDocument,
          {
            input: {
              regionId: ITA,
              taskTypeId: 'individual-work',
              title: 'Odottava tilaus',
              language: 'fi',
              municipality: 'Porvoo',
              sessions: [{ startsAt: helsinki('2026-08-25T10:00'), endsAt: helsinki('2026-08-25T11:30') }],
            },
          },
          { token: professional, headers: { 'Idempotency-Key': key } },
        ),
      );
      expect(errorCodes(result)).toEqual(['SERVICE_UNAVAILABLE']);
      expect(result.errors![0]!.message).toMatch(/^Service unavailable: the database is busy; try again shortly/);
      expect(result.ms).toBeGreaterThanOrEqual(5_000);
      expect(result.ms).toBeLessThan(7_000);
    } finally {
      await blocker.query('commit');
      await blocker.end();
    }
    expect(await api.sql('select id from work_order where idempotency_key = $1', [key])).toEqual([]);
  });
});

describe('a connection cut in the middle of a mutation', () => {
  it('when the backend of a createOrder is terminated after its order row was written, then nothing of it is kept, and a retry with the same key writes it exactly once', async () => {
    const key = 'cut-in-the-middle-1';
    const input = {
      regionId: ITA,
      taskTypeId: 'individual-work',
      title: 'Keskeytetty tilaus',
      language: 'fi',
      municipality: 'Porvoo',
      sessions: [
        { startsAt: helsinki('2026-08-11T10:00'), endsAt: helsinki('2026-08-11T11:30') },
        { startsAt: helsinki('2026-08-18T10:00'), endsAt: helsinki('2026-08-18T11:30') },
      ],
    };
    const send = () =>
      api.request(CreateOrderDocument, { input }, { token: professional, headers: { 'Idempotency-Key': key } });
    const blocker = await ownerClient();
    let cut: GraphQLResult<unknown>;
    try {
      // Sessions are written after the order row: the mutation stops between the two.
      await blocker.query('begin');
      await blocker.query('lock table order_session in share mode');
      const inFlight = send();
      let victim: number | undefined;
      await until('the mutation to wait for its sessions', async () => {
        const rows = await api.sql<{ pid: number }>(
          `select pid from pg_locks where relation = 'order_session'::regclass and not granted and pid <> pg_backend_pid()`,
        );
        victim = rows[0]?.pid;
        return victim !== undefined;
      });
      await api.sql('select pg_terminate_backend($1)', [victim]);
      cut = await inFlight;
      await blocker.query('commit');
    } finally {
      await blocker.end();
    }

    // The operation ran and failed: 200 with the error, as for any failed field (README, Reaching the API).
    expect(cut.status).toBe(200);
    expect(errorCodes(cut)).toEqual(['SERVICE_UNAVAILABLE']);
    const kept = await api.sql('select id from work_order where idempotency_key = $1', [key]);
    expect(kept).toEqual([]);

    const retried = await Promise.all([send(), send()]);
    for (const result of retried) expect(result.errors).toBeUndefined();
    const orders = await api.sql<{ id: string }>('select id from work_order where idempotency_key = $1', [key]);
    expect(orders).toHaveLength(1);
    const sessions = await api.sql('select id from order_session where order_id = $1', [orders[0]!.id]);
    expect(sessions).toHaveLength(2);
    // The instance goes on as before on its remaining connections.
    const next = await api.request(ViewerDocument, {}, { token: coordinator });
    expect(next.errors).toBeUndefined();
  });
});
