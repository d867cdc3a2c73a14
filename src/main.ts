import 'reflect-metadata';
import cluster from 'node:cluster';
import { createLogger } from './common/logger';
import { loadEnv } from './config/env';
import path from 'node:path';
import { provisionDatabase, type ProvisionedDatabase } from './db/database';
import { readOrCreateSecret } from './common/secret-file';
import { authSettings, prepareDatabase, startServer } from './server';
import { runWorker, startWorkers } from './workers';

/**
 * `npm start`: env → database (embedded or DATABASE_URL) → migrations → regions → server, or with
 * WEB_CONCURRENCY > 1 that many worker processes serving the port (src/workers.ts).
 */
async function main(): Promise<void> {
  const started = Date.now();
  const env = loadEnv();
  const production = env.NODE_ENV === 'production';
  const log = createLogger({ level: env.LOG_LEVEL, pretty: !production });
  // Settings that refuse the start are checked before any database is started or migrated.
  const auth = authSettings(env, log);
  if (cluster.isWorker) return runWorker({ env, log, auth });
  if (production && !env.DATABASE_URL && env.ALLOW_EMBEDDED_DATABASE !== 'true') {
    throw new Error(
      `production needs DATABASE_URL (an external PostgreSQL); refusing to run on the embedded development database in ${env.dataDir}. ` +
        'Set ALLOW_EMBEDDED_DATABASE=true to run on it anyway.',
    );
  }

  let database: ProvisionedDatabase | undefined = undefined;
  let server: { url: string; stop(): Promise<void> } | undefined;
  let stopping = false;
  const shutdown = async (signal: string): Promise<void> => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, 'shutting down: finishing requests in flight');
    // A signal while the database is still starting: the start below stops it once it is up.
    if (!database) return;
    try {
      await server?.stop();
    } finally {
      // Last: workers may still be finishing requests on it until they have exited.
      await database.stop();
      log.info('stopped');
      process.exit(0);
    }
  };
  // Before the database starts: the embedded PostgreSQL runs in its own process group, so the
  // default action of a signal (end this process at once) would leave it running.
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));

  database = await provisionDatabase({ databaseUrl: env.DATABASE_URL, dataDir: env.dataDir, log });
  if (stopping) {
    await database.stop();
    log.info('stopped');
    process.exit(0);
  }

  try {
    const appConnection = env.DATABASE_APP_URL
      ? { url: env.DATABASE_APP_URL }
      : database.embedded
        ? { loginPassword: readOrCreateSecret(path.join(env.dataDir, 'postgres-app-password')) }
        : undefined;
    const common = { env, log, databaseUrl: database.ownerUrl, appConnection, loadDemoData: env.loadDemoData };
    if (env.WEB_CONCURRENCY > 1) {
      // The primary prepares the database once; the workers only serve.
      const appUrl = await prepareDatabase(common);
      server = await startWorkers({ count: env.WEB_CONCURRENCY, log, databaseUrl: database.ownerUrl, appUrl });
    } else {
      server = await startServer({ ...common, port: env.PORT, host: env.host, auth });
    }
  } catch (error) {
    await database.stop();
    throw error;
  }
  if (stopping) return;
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  // The one line a newcomer looks for; development tokens are no business of production.
  const hint = production ? '' : '; get a token with: npm run token -- --help';
  console.log(
    `Kokemuspankki API ready at ${server.url} (health: ${server.url.replace(/graphql$/, 'health')}, console: ${server.url.replace(/graphql$/, 'console/')}) in ${seconds} s${hint}`,
  );
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
