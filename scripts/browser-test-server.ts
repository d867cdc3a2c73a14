import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import { createLogger } from '../src/common/logger';
import { loadEnv } from '../src/config/env';
import { startScratchServer } from '../src/db/scratch-database';
import { startServer } from '../src/server';

/**
 * The server the browser tests drive: the real server with the demo data, on a throwaway database
 * of a scratch PostgreSQL (embedded unless DATABASE_URL is set), booted through the same
 * `startServer` as `npm start` and the integration tests. Prints `READY <url>` once it answers and
 * stops everything on SIGTERM or SIGINT, or when its parent (the test runner) closes stdin.
 */
async function main(): Promise<void> {
  const log = createLogger({ level: process.env.LOG_LEVEL ?? 'warn', pretty: false });
  const scratch = await startScratchServer();
  const databaseUrl = await scratch.createDatabase('kp_browser');
  const env = loadEnv({
    NODE_ENV: 'development',
    LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
    AUTH_DEV_SECRET: randomBytes(32).toString('base64url'),
    DATA_DIR: path.join(os.tmpdir(), `kokemuspankki-browser-${process.pid}`),
    // Nothing runs in the background while pages are measured; months are computed live.
    METRICS_ROLLUP_INTERVAL_SECONDS: '3600',
    ...(process.env.CONSOLE_DIR ? { CONSOLE_DIR: process.env.CONSOLE_DIR } : {}),
  });
  let server: Awaited<ReturnType<typeof startServer>> | undefined;
  let stopping: Promise<void> | undefined;
  const stop = () =>
    (stopping ??= (async () => {
      await server?.stop();
      await scratch.dropDatabase(databaseUrl);
      await scratch.stop();
      process.exit(0);
    })());
  process.on('SIGTERM', () => void stop());
  process.on('SIGINT', () => void stop());
  process.stdin.on('end', () => void stop());
  process.stdin.resume();
  try {
    server = await startServer({
      env,
      log,
      databaseUrl,
      appConnection: { loginPassword: randomBytes(18).toString('base64url') },
      port: 0,
      host: '127.0.0.1',
      loadDemoData: true,
    });
  } catch (error) {
    await scratch.stop();
    throw error;
  }
  console.log(`READY ${new URL('/', server.url).toString()}`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exit(1);
});
