import 'reflect-metadata';
import os from 'node:os';
import path from 'node:path';
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { print } from 'graphql';
import pg from 'pg';
import { inject } from 'vitest';
import { createLogger, type Logger } from '../../src/common/logger';
import { loadEnv, type Env } from '../../src/config/env';
import { APP_ROLE, createDatabaseIfMissing, withClient, withDatabase } from '../../src/db/database';
import { startServer, type RunningServer } from '../../src/server';
import { discoverRegions } from '../../src/region/discovery';
import { parseGrant, signDevToken } from '../../src/auth/tokens';
import type { Grant } from '../../src/auth/viewer';

export interface GraphQLErrorBody {
  message: string;
  path?: (string | number)[];
  extensions?: { code?: string; [key: string]: unknown };
}

export interface GraphQLResult<TData> {
  status: number;
  data: TData | null | undefined;
  errors: GraphQLErrorBody[] | undefined;
  /** SQL statements the server issued for this request (from the x-sql-statements header). */
  statements: number;
}

export interface TestApi {
  url: string;
  server: RunningServer;
  /** Name of the database this instance runs on. */
  database: string;
  env: Env;
  /** Sends a typed operation over HTTP, as a frontend would. */
  request<TData, TVariables extends Record<string, unknown>>(
    document: TypedDocumentNode<TData, TVariables>,
    variables?: TVariables,
    options?: { token?: string; headers?: Record<string, string> },
  ): Promise<GraphQLResult<TData>>;
  /** Runs SQL as the database owner, for assertions about what was stored. */
  sql<Row extends Record<string, unknown> = Record<string, unknown>>(text: string, params?: unknown[]): Promise<Row[]>;
  /** A development token for the given grants, e.g. `COORDINATOR@lapland` or `UNIT_COORDINATOR@ita-uusimaa/<unit>`. */
  token(claims: { sub: string; name?: string; grants: string[]; expiresIn?: string | number }): Promise<string>;
  close(): Promise<void>;
}

/** The development-token secret every test server accepts. */
export const TEST_DEV_SECRET = 'test-secret-for-development-tokens-only-0123456789';

/**
 * The clock every test server runs on unless a test sets its own: tests never depend on the day
 * they run (a contract "valid to the end of next year" must not expire under a test).
 */
export const TEST_NOW = new Date('2026-06-15T09:00:00Z');

let counter = 0;

/** Boots the real server on an ephemeral port against this test file's own database. */
export async function bootTestServer(
  options: {
    env?: Record<string, string>;
    now?: () => Date;
    demoData?: boolean;
    log?: Logger;
    /** A second instance on the database of this one (as two replicas behind a load balancer). */
    sameDatabaseAs?: TestApi;
  } = {},
): Promise<TestApi> {
  const maintenanceUrl = inject('maintenanceUrl');
  const shared = options.sameDatabaseAs?.database;
  const database = shared ?? `kp_test_${process.pid}_${Date.now().toString(36)}_${counter++}`;
  if (!shared) await createDatabaseIfMissing(maintenanceUrl, database, inject('templateDatabase'));
  const databaseUrl = withDatabase(maintenanceUrl, database);
  const env = loadEnv({
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    AUTH_DEV_SECRET: TEST_DEV_SECRET,
    DATA_DIR: path.join(os.tmpdir(), `kokemuspankki-test-${database}`),
    ...options.env,
  });
  const log = options.log ?? createLogger({ level: env.LOG_LEVEL, pretty: false });
  const appRolePassword = inject('appRolePassword');
  const appUrl = new URL(databaseUrl);
  appUrl.username = APP_ROLE;
  appUrl.password = appRolePassword;
  const server = await startServer({
    env,
    log,
    databaseUrl,
    appConnection: appRolePassword ? { url: appUrl.toString() } : undefined,
    port: 0,
    host: '127.0.0.1',
    loadDemoData: options.demoData ?? false,
    now: options.now ?? (() => TEST_NOW),
  });
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 2 });
  pool.on('error', () => undefined);

  return {
    url: server.url,
    server,
    env,
    database,
    async request(document, variables, requestOptions = {}) {
      const response = await fetch(server.url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          ...(requestOptions.token ? { authorization: `Bearer ${requestOptions.token}` } : {}),
          ...requestOptions.headers,
        },
        body: JSON.stringify({ query: print(document), variables: variables ?? {} }),
      });
      const body = (await response.json()) as { data?: unknown; errors?: GraphQLErrorBody[] };
      return {
        status: response.status,
        data: body.data as never,
        errors: body.errors,
        statements: Number(response.headers.get('x-sql-statements') ?? NaN),
      };
    },
    async sql<Row extends Record<string, unknown>>(text: string, params?: unknown[]) {
      const result = await pool.query<Row>(text, params);
      return result.rows;
    },
    async token(claims) {
      const grants: Grant[] = claims.grants.map((text) => {
        const grant = parseGrant(text);
        if (!grant) throw new Error(`bad grant in test: ${text}`);
        return grant;
      });
      return signDevToken(new TextEncoder().encode(env.AUTH_DEV_SECRET ?? TEST_DEV_SECRET), { ...claims, grants });
    },
    async close() {
      await pool.end();
      await server.stop();
      // The instance that made the database drops it.
      if (shared) return;
      await withClient(maintenanceUrl, (admin) =>
        admin.query(`drop database if exists ${admin.escapeIdentifier(database)} with (force)`),
      );
    },
  };
}

/** The `extensions.code` of each error, for compact assertions. */
export function errorCodes(result: { errors?: GraphQLErrorBody[] }): (string | undefined)[] {
  return (result.errors ?? []).map((e) => e.extensions?.code);
}

/** The ids of the region modules the server finds, discovered as the server discovers them. */
export async function discoveredRegionIds(): Promise<string[]> {
  return [...(await discoverRegions(path.resolve(__dirname, '../../regions'))).keys()].sort();
}
