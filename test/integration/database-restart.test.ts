/**
 * PostgreSQL restarted under load. The suite's shared server cannot be restarted under the other
 * test files, so this file runs an embedded cluster of its own (as `npm start` does) and stops
 * its postmaster while clients keep sending reads and writes.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CreateExpertDocument,
  CreateOrderDocument,
  CreateUnitDocument,
  ExpertsPageDocument,
  OrderIdsDocument,
  ViewerDocument,
} from '../generated/graphql';
import { applicantInput } from '../helpers/experts';
import { loadEnv } from '../../src/config/env';
import { APP_DATABASE, createDatabaseIfMissing, withClient, withDatabase } from '../../src/db/database';
import { isAlive, startEmbeddedPostgres, type RunningPostgres } from '../../src/db/embedded-postgres';
import { signDevToken } from '../../src/auth/tokens';
import { startServer, type RunningServer } from '../../src/server';
import { TEST_DEV_SECRET, TEST_NOW, errorCodes, type GraphQLErrorBody } from '../helpers/boot';
import { helsinki } from '../helpers/orders';
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { print } from 'graphql';

const ITA = 'ita-uusimaa';
const CLIENTS = 8;
/** After the database answers again, the API must be healthy and serving within this. */
const RECOVERY_MS = 10_000;

let dir: string;
let postgres: RunningPostgres;
let server: RunningServer;
let coordinator: string;
let professional: string;
const logLines: string[] = [];

interface Outcome {
  startedAt: number;
  endedAt: number;
  status: number | 'no response';
  codes: (string | undefined)[];
}

async function send<TData, TVariables extends Record<string, unknown>>(
  document: TypedDocumentNode<TData, TVariables>,
  variables: TVariables,
  options: { token: string; headers?: Record<string, string> },
): Promise<Outcome & { data?: TData | null }> {
  const startedAt = Date.now();
  try {
    const response = await fetch(server.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${options.token}`, ...options.headers },
      body: JSON.stringify({ query: print(document), variables }),
      signal: AbortSignal.timeout(15_000),
    });
    const body = (await response.json()) as { data?: TData | null; errors?: GraphQLErrorBody[] };
    return { startedAt, endedAt: Date.now(), status: response.status, codes: errorCodes(body), data: body.data };
  } catch {
    return { startedAt, endedAt: Date.now(), status: 'no response', codes: [] };
  }
}

async function health(): Promise<number> {
  try {
    return (await fetch(server.url.replace(/graphql$/, 'health'), { signal: AbortSignal.timeout(3_000) })).status;
  } catch {
    return 0;
  }
}

const duration = (o: Outcome) => o.endedAt - o.startedAt;
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;

const postmasterPid = () =>
  Number(fs.readFileSync(path.join(postgres.dataDir, 'postmaster.pid'), 'utf8').split('\n')[0]);

/** When a fresh connection of the superuser is answered again. */
async function databaseBackAt(): Promise<number> {
  for (;;) {
    try {
      await withClient(postgres.superuserUrl, (client) => client.query('select 1'));
      return Date.now();
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  }
}

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kokemuspankki-restart-'));
  // The embedded PostgreSQL runs as the postgres user when we are root; it must reach the data.
  fs.chmodSync(dir, 0o755);
  const log = pino({ level: 'info' }, { write: (line: string) => void logLines.push(line) });
  postgres = await startEmbeddedPostgres({
    dataDir: path.join(dir, 'postgres'),
    stateDir: dir,
    persistent: false,
    fast: true,
    log,
  });
  await createDatabaseIfMissing(postgres.superuserUrl, APP_DATABASE);
  server = await startServer({
    env: loadEnv({ NODE_ENV: 'test', AUTH_DEV_SECRET: TEST_DEV_SECRET, DATA_DIR: dir, DB_POOL_MAX: '10' }),
    log,
    databaseUrl: withDatabase(postgres.superuserUrl, APP_DATABASE),
    appConnection: { loginPassword: 'restart-test-app-password' },
    port: 0,
    host: '127.0.0.1',
    loadDemoData: false,
    now: () => TEST_NOW,
  });
  const secret = new TextEncoder().encode(TEST_DEV_SECRET);
  coordinator = await signDevToken(secret, {
    sub: 'kaisa',
    grants: [{ role: 'COORDINATOR', regionId: ITA }],
  });
  const admin = await signDevToken(secret, { sub: 'anna', grants: [{ role: 'REGION_ADMIN', regionId: ITA }] });
  const unit = await send(
    CreateUnitDocument,
    {
      input: {
        regionId: ITA,
        name: 'Aikuissosiaalityö, Porvoo',
        serviceInterfaceId: 'working-age',
        municipality: 'Porvoo',
        coordinatorNames: [],
      },
    },
    { token: admin },
  );
  const unitId = unit.data!.createUnit.id;
  // Someone whose contact details the load reads: each such read goes to the audit log's own connection.
  const expert = await send(CreateExpertDocument, { input: applicantInput() }, { token: coordinator });
  expect(expert.codes).toEqual([]);
  professional = await signDevToken(secret, {
    sub: 'marja',
    grants: [{ role: 'PROFESSIONAL', regionId: ITA, unitId }],
  });
}, 120_000);

afterAll(async () => {
  await server?.stop();
  await postgres?.stop();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

describe('PostgreSQL restarted under load', () => {
  for (const [how, signal] of [
    ['shut down fast and started again', 'SIGINT'],
    ['killed and started again', 'SIGKILL'],
  ] as const) {
    it(`when PostgreSQL is ${how} while clients send reads and writes, then only requests during the outage fail, each with SERVICE_UNAVAILABLE, and within 10 s of its return /health is 200 and every request succeeds`, async () => {
      const outcomes: Outcome[] = [];
      const keys: string[] = [];
      let loading = true;
      const client = async (n: number) => {
        for (let i = 0; loading; i++) {
          if (n % 4 === 0) {
            // An order with its own key, sent again until it is answered: a retry must not double it.
            const key = `${signal}-${n}-${i}`;
            keys.push(key);
            for (let attempt = 0; ; attempt++) {
              const result = await send(
                CreateOrderDocument,
                {
                  input: {
                    regionId: ITA,
                    taskTypeId: 'individual-work',
                    title: `Kuormitus ${key}`,
                    language: 'fi',
                    municipality: 'Porvoo',
                    sessions: [{ startsAt: helsinki('2026-08-11T10:00'), endsAt: helsinki('2026-08-11T11:30') }],
                  },
                },
                { token: professional, headers: { 'Idempotency-Key': key } },
              );
              outcomes.push(result);
              if (result.codes.length === 0 || !loading || attempt > 100) break;
              await new Promise((resolve) => setTimeout(resolve, 50));
            }
          } else if (n % 2 === 0) {
            outcomes.push(await send(OrderIdsDocument, { regionId: ITA, first: 5 }, { token: coordinator }));
          } else if (n % 4 === 3) {
            outcomes.push(await send(ExpertsPageDocument, { regionId: ITA, first: 5 }, { token: coordinator }));
          } else {
            outcomes.push(await send(ViewerDocument, {}, { token: coordinator }));
          }
        }
      };
      const clients = Array.from({ length: CLIENTS }, (_, n) => client(n));

      await new Promise((resolve) => setTimeout(resolve, 1_000));
      const pid = postmasterPid();
      const stoppedAt = Date.now();
      process.kill(pid, signal);
      while (isAlive(pid)) await new Promise((resolve) => setTimeout(resolve, 10));
      const backAt = await databaseBackAt();

      let healthyAt = 0;
      while (!healthyAt && Date.now() - backAt < RECOVERY_MS + 5_000) {
        if ((await health()) === 200) healthyAt = Date.now();
        else await new Promise((resolve) => setTimeout(resolve, 50));
      }
      // Keep the load on long enough after recovery to see that it holds.
      await new Promise((resolve) => setTimeout(resolve, 2_000));
      loading = false;
      await Promise.all(clients);

      const failed = outcomes.filter((o) => o.status !== 200 || o.codes.length > 0);
      const lastFailureEnded = Math.max(stoppedAt, ...failed.map((o) => o.endedAt));
      const summary = {
        requests: outcomes.length,
        failed: failed.length,
        outageMs: backAt - stoppedAt,
        healthyAfterBackMs: healthyAt - backAt,
        lastFailureAfterBackMs: lastFailureEnded - backAt,
      };
      // Every failure is a coded answer saying the database is unavailable; no connection was dropped.
      expect(failed.filter((o) => o.status === 'no response')).toEqual([]);
      expect(new Set(failed.flatMap((o) => o.codes))).toEqual(
        failed.length ? new Set(['SERVICE_UNAVAILABLE']) : new Set(),
      );
      // Failures only from the stop until shortly after the database was back.
      expect(failed.every((o) => o.endedAt >= stoppedAt)).toBe(true);
      expect(healthyAt, JSON.stringify(summary)).toBeGreaterThan(0);
      expect(summary.healthyAfterBackMs, JSON.stringify(summary)).toBeLessThan(RECOVERY_MS);
      expect(summary.lastFailureAfterBackMs, JSON.stringify(summary)).toBeLessThan(RECOVERY_MS);
      // Latency back to normal once the failures are over: the median as before the stop (the
      // machine is shared, so with room for noise), and no request left hanging.
      const after = outcomes.filter((o) => o.startedAt > lastFailureEnded).map(duration);
      const before = outcomes.filter((o) => o.endedAt < stoppedAt).map(duration);
      expect(after.length).toBeGreaterThan(CLIENTS);
      expect(median(after), JSON.stringify({ before: median(before), after: median(after) })).toBeLessThan(
        2 * median(before) + 200,
      );
      expect(Math.max(...after)).toBeLessThan(3_000);

      // Each order written once, whatever its retries met.
      const counts = await withClient(withDatabase(postgres.superuserUrl, APP_DATABASE), (db) =>
        db.query<{ idempotency_key: string; n: string }>(
          'select idempotency_key, count(*) as n from work_order where idempotency_key = any($1) group by 1',
          [keys],
        ),
      );
      expect(counts.rows.filter((r) => Number(r.n) !== 1)).toEqual([]);
      // Contact details were read again after the return, and none was answered without its entry
      // in the log. (Counted from then on: this PostgreSQL runs without synchronous commit, so a kill
      // may lose what was committed just before it.) Entry ids are time-ordered (UUIDv7).
      const since = Math.max(lastFailureEnded, backAt);
      const pages = outcomes.filter(
        (o) =>
          o.startedAt > since &&
          o.codes.length === 0 &&
          (o as Outcome & { data?: { experts?: unknown } | null }).data?.experts,
      );
      expect(pages.length).toBeGreaterThan(0);
      const logged = await withClient(withDatabase(postgres.superuserUrl, APP_DATABASE), (db) =>
        db.query<{ n: number }>(
          `select count(*)::int as n from audit_entry
          where operation = 'ExpertsPage' and uuid_extract_timestamp(id) >= to_timestamp($1 / 1000.0)`,
          [since],
        ),
      );
      expect(logged.rows[0]!.n).toBeGreaterThanOrEqual(pages.length);
      expect(logLines.some((line) => line.includes('embedded PostgreSQL is running again'))).toBe(true);
    }, 60_000);
  }
});
