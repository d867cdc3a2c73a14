import path from 'node:path';
import pg from 'pg';
import type { Logger } from '../common/logger';
import { startEmbeddedPostgres, type RunningPostgres } from './embedded-postgres';

export const APP_DATABASE = 'kokemuspankki';
/** The role requests run as (created by the migrations); see src/server.ts. */
export const APP_ROLE = 'kokemuspankki_app';

export interface ProvisionedDatabase {
  /** Owner of the schema: runs migrations and region sync. */
  ownerUrl: string;
  embedded: RunningPostgres | undefined;
  stop(): Promise<void>;
}

/**
 * DATABASE_URL when given; otherwise an embedded PostgreSQL whose cluster lives in the data
 * directory, with the application database created on first start.
 */
export async function provisionDatabase(options: {
  databaseUrl: string | undefined;
  dataDir: string;
  log: Logger;
}): Promise<ProvisionedDatabase> {
  if (options.databaseUrl) {
    return { ownerUrl: options.databaseUrl, embedded: undefined, stop: () => Promise.resolve() };
  }
  const embedded = await startEmbeddedPostgres({
    dataDir: path.join(options.dataDir, 'postgres'),
    stateDir: options.dataDir,
    persistent: true,
    log: options.log,
  });
  try {
    await createDatabaseIfMissing(embedded.superuserUrl, APP_DATABASE);
  } catch (error) {
    await embedded.stop();
    throw error;
  }
  return { ownerUrl: withDatabase(embedded.superuserUrl, APP_DATABASE), embedded, stop: () => embedded.stop() };
}

export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

export async function createDatabaseIfMissing(
  maintenanceUrl: string,
  database: string,
  template?: string,
): Promise<void> {
  await withClient(maintenanceUrl, async (client) => {
    const exists = await client.query('select 1 from pg_database where datname = $1', [database]);
    if (exists.rowCount) return;
    const ident = client.escapeIdentifier(database);
    await client.query(
      template ? `create database ${ident} template ${client.escapeIdentifier(template)}` : `create database ${ident}`,
    );
  });
}

export async function withClient<T>(url: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5_000 });
  // Without a listener, an error on an idle client (server restart) would crash the process.
  client.on('error', () => undefined);
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end().catch(() => undefined);
  }
}
