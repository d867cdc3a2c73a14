import cluster, { type Worker } from 'node:cluster';
import type { Logger } from './common/logger';
import type { Env } from './config/env';
import type { AuthSettings } from './auth/tokens';
import { startServer } from './server';

/**
 * WEB_CONCURRENCY > 1: the primary process owns the database (the embedded PostgreSQL, the
 * migrations, the demo data) and forks worker processes that share the port (node:cluster hands
 * them connections in turn). Each worker has its own pool and answers requests; one that dies is
 * replaced.
 */
type ToWorker = { type: 'start'; databaseUrl: string; appUrl: string | undefined };
type FromWorker = { type: 'waiting' } | { type: 'ready'; url: string } | { type: 'failed'; message: string };

/** A worker that does not finish its requests within this time after SIGTERM is killed. */
const STOP_TIMEOUT_MS = 20_000;
/** A replacement for a dead worker is forked after this pause, so a crash loop does not spin. */
const RESTART_DELAY_MS = 1_000;

export interface WorkerPool {
  url: string;
  /** Asks every worker to drain (SIGTERM) and resolves when all have exited. */
  stop(): Promise<void>;
}

export async function startWorkers(options: {
  count: number;
  log: Logger;
  databaseUrl: string;
  appUrl: string | undefined;
}): Promise<WorkerPool> {
  const { count, log } = options;
  const start: ToWorker = { type: 'start', databaseUrl: options.databaseUrl, appUrl: options.appUrl };
  const live = new Set<Worker>();
  let stopping = false;
  let started = false;
  let onStartFailure: (error: Error) => void = () => undefined;
  const exits = new Map<Worker, Promise<void>>();

  const fork = (onReady: (url: string) => void): void => {
    const worker = cluster.fork();
    live.add(worker);
    exits.set(worker, new Promise((resolve) => worker.once('exit', () => resolve())));
    worker.on('message', (message: FromWorker) => {
      // The worker asks once it listens: a message sent before that would be lost.
      if (message.type === 'waiting') worker.send(start);
      else if (message.type === 'ready') onReady(message.url);
      else if (!started) onStartFailure(new Error(message.message));
    });
    worker.once('exit', (code, signal) => {
      live.delete(worker);
      exits.delete(worker);
      if (stopping) return;
      if (!started) {
        onStartFailure(
          new Error(`worker ${worker.process.pid} exited during the start (code ${code}, signal ${signal})`),
        );
        return;
      }
      log.error({ worker: worker.process.pid, code, signal }, 'worker process died; starting a new one');
      setTimeout(() => {
        if (!stopping) fork((url) => log.info({ url }, 'replacement worker ready'));
      }, RESTART_DELAY_MS).unref();
    });
  };

  const stop = async (): Promise<void> => {
    stopping = true;
    const waiting = [...exits.values()];
    for (const worker of live) worker.process.kill('SIGTERM');
    const timer = setTimeout(() => {
      for (const worker of live) {
        log.warn({ worker: worker.process.pid }, 'worker did not stop in time; killing it');
        worker.process.kill('SIGKILL');
      }
    }, STOP_TIMEOUT_MS);
    await Promise.all(waiting);
    clearTimeout(timer);
  };

  const url = await new Promise<string>((resolve, reject) => {
    let ready = 0;
    let firstUrl: string | undefined;
    onStartFailure = reject;
    for (let i = 0; i < count; i++)
      fork((workerUrl) => {
        firstUrl ??= workerUrl;
        if (++ready === count) resolve(firstUrl);
      });
  }).catch(async (error: unknown) => {
    await stop();
    throw error;
  });
  started = true;
  return { url, stop };
}

/** The body of a worker process: wait for the primary's database, serve, drain on a signal. */
export function runWorker(options: { env: Env; log: Logger; auth: AuthSettings }): void {
  const { env, log } = options;
  const send = (message: FromWorker) => process.send?.(message);
  let server: Awaited<ReturnType<typeof startServer>> | undefined;
  let stopping = false;
  const shutdown = async (): Promise<void> => {
    if (stopping) return;
    stopping = true;
    try {
      await server?.stop();
    } finally {
      process.exit(0);
    }
  };
  // Ctrl-C reaches the whole process group; the primary also sends SIGTERM. Either drains.
  process.on('SIGINT', () => void shutdown());
  process.on('SIGTERM', () => void shutdown());
  // Without its primary a worker has no database owner: it drains and leaves.
  process.on('disconnect', () => void shutdown());

  process.once('message', (message: ToWorker) => {
    void (async () => {
      try {
        server = await startServer({
          env,
          log,
          databaseUrl: message.databaseUrl,
          prepared: { appUrl: message.appUrl },
          port: env.PORT,
          host: env.host,
          loadDemoData: false,
          auth: options.auth,
        });
        // Outside production each response names its worker, so that one can see the load spread.
        if (env.NODE_ENV !== 'production')
          server.app.httpServer.prependListener('request', (_req, res) =>
            res.setHeader('x-worker-pid', String(process.pid)),
          );
        if (stopping) await server.stop();
        else send({ type: 'ready', url: server.url });
      } catch (error) {
        send({ type: 'failed', message: error instanceof Error ? error.message : String(error) });
        process.exit(1);
      }
    })();
  });
  send({ type: 'waiting' });
}
