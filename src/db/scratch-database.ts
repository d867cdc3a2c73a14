import { randomBytes } from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import { createLogger } from '../common/logger';
import { createDatabaseIfMissing, withClient, withDatabase } from './database';
import fs from 'node:fs';
import { isAlive, startEmbeddedPostgres, stopStaleServer, type RunningPostgres } from './embedded-postgres';

const SCRATCH_PREFIX = 'kokemuspankki-scratch-';

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
  let scratchDir: string | undefined;
  let maintenanceUrl: string;
  if (databaseUrl) {
    maintenanceUrl = databaseUrl;
  } else {
    const log = createLogger({ level: process.env.LOG_LEVEL ?? 'warn', pretty: false });
    await removeAbandonedScratchClusters(log);
    const dir = path.join(os.tmpdir(), `${SCRATCH_PREFIX}${process.pid}-${randomBytes(4).toString('hex')}`);
    scratchDir = dir;
    embedded = await startEmbeddedPostgres({
      dataDir: path.join(dir, 'postgres'),
      stateDir: dir,
      persistent: false,
      fast: true,
      log,
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
      await withClient(maintenanceUrl, (client) =>
        client.query(`drop database if exists ${client.escapeIdentifier(name)} with (force)`),
      );
    },
    async stop() {
      await embedded?.stop();
      if (scratchDir) fs.rmSync(scratchDir, { recursive: true, force: true });
    },
  };
}

/**
 * A test run killed before its teardown leaves its throwaway cluster running. Clusters whose
 * owning process is gone are stopped and deleted before a new one starts.
 */
async function removeAbandonedScratchClusters(log: Parameters<typeof stopStaleServer>[1]): Promise<void> {
  for (const name of fs.readdirSync(os.tmpdir())) {
    const match = new RegExp(`^${SCRATCH_PREFIX}(\\d+)-`).exec(name);
    if (!match || isAlive(Number(match[1]))) continue;
    const dir = path.join(os.tmpdir(), name);
    try {
      await stopStaleServer(path.join(dir, 'postgres'), log);
      fs.rmSync(dir, { recursive: true, force: true });
    } catch (error) {
      log.warn({ dir, err: error }, 'could not remove an abandoned test cluster');
    }
  }
}
