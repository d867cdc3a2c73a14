import { randomBytes } from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import { createLogger } from '../common/logger';
import { createDatabaseIfMissing, withClient, withDatabase } from './database';
import { startEmbeddedPostgres, type RunningPostgres } from './embedded-postgres';

/**
 * A PostgreSQL server for throwaway databases (tests, migration checks): the server at
 * DATABASE_URL when set, otherwise a fresh embedded cluster under the temp directory.
 */
export interface ScratchServer {
  /** Superuser (or DATABASE_URL's user) connection to a maintenance database. */
  maintenanceUrl: string;
  createDatabase(prefix: string, template?: string): Promise<string>;
  dropDatabase(url: string): Promise<void>;
  stop(): Promise<void>;
}

export async function startScratchServer(databaseUrl = process.env.DATABASE_URL): Promise<ScratchServer> {
  let embedded: RunningPostgres | undefined;
  let maintenanceUrl: string;
  if (databaseUrl) {
    maintenanceUrl = databaseUrl;
  } else {
    const dir = path.join(os.tmpdir(), `kokemuspankki-scratch-${process.pid}-${randomBytes(4).toString('hex')}`);
    embedded = await startEmbeddedPostgres({
      dataDir: path.join(dir, 'postgres'),
      stateDir: dir,
      persistent: false,
      fast: true,
      log: createLogger({ level: process.env.LOG_LEVEL ?? 'warn', pretty: false }),
    });
    maintenanceUrl = embedded.superuserUrl;
  }
  return {
    maintenanceUrl,
    async createDatabase(prefix, template) {
      const name = `${prefix}_${randomBytes(6).toString('hex')}`;
      await createDatabaseIfMissing(maintenanceUrl, name, template);
      return withDatabase(maintenanceUrl, name);
    },
    async dropDatabase(url) {
      const name = new URL(url).pathname.slice(1);
      await withClient(maintenanceUrl, (client) => client.query(`drop database if exists ${client.escapeIdentifier(name)} with (force)`));
    },
    async stop() {
      await embedded?.stop();
    },
  };
}
