import 'reflect-metadata';
import os from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { print } from 'graphql';
import { signDevToken } from '../src/auth/tokens';
import { createLogger } from '../src/common/logger';
import { loadEnv } from '../src/config/env';
import { startScratchServer } from '../src/db/scratch-database';
import { startServer } from '../src/server';
import { ExpertsPageDocument, RegionRulesDocument } from '../test/generated/graphql';

/**
 * `npm run bench`: boots the real server on a throwaway database with the demo data, then sends
 * each scenario from a fixed number of concurrent clients for a fixed time, all on loopback.
 * Prints requests per second, latency percentiles and SQL statements per request.
 */
const DURATION_MS = Number(process.env.BENCH_SECONDS ?? 5) * 1000;
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 8);
const SECRET = 'bench-secret-for-development-tokens-only-0123456789';

interface Scenario {
  name: string;
  body: string;
  token?: string;
}

async function main(): Promise<void> {
  const scratch = await startScratchServer();
  const databaseUrl = await scratch.createDatabase('kp_bench');
  const env = loadEnv({
    NODE_ENV: 'test',
    LOG_LEVEL: 'warn',
    AUTH_DEV_SECRET: SECRET,
    DATA_DIR: path.join(os.tmpdir(), 'kokemuspankki-bench'),
  });
  const log = createLogger({ level: 'warn', pretty: false });
  const server = await startServer({ env, log, databaseUrl, port: 0, host: '127.0.0.1', loadDemoData: true });
  try {
    const coordinator = await signDevToken(new TextEncoder().encode(SECRET), {
      sub: 'bench',
      grants: [{ role: 'COORDINATOR', regionId: 'ita-uusimaa' }],
    });
    const scenarios: Scenario[] = [
      {
        name: 'region rules (public)',
        body: JSON.stringify({ query: print(RegionRulesDocument), variables: { id: 'ita-uusimaa' } }),
      },
      {
        name: 'experts page of 20 (coordinator, audited contact reads)',
        body: JSON.stringify({ query: print(ExpertsPageDocument), variables: { regionId: 'ita-uusimaa', first: 20 } }),
        token: coordinator,
      },
    ];
    console.log(`${CONCURRENCY} concurrent clients, ${DURATION_MS / 1000} s per scenario, ${os.cpus().length} cores`);
    for (const scenario of scenarios) console.log(format(scenario.name, await run(server.url, scenario)));
  } finally {
    await server.stop();
    await scratch.dropDatabase(databaseUrl);
    await scratch.stop();
  }
}

/** The load comes from a worker thread (load-worker.mjs). */
function run(url: string, scenario: Scenario): Promise<Result> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(path.join(__dirname, 'load-worker.mjs'), {
      workerData: {
        url,
        body: scenario.body,
        token: scenario.token,
        concurrency: CONCURRENCY,
        durationMs: DURATION_MS,
      },
    });
    worker.once('message', (result: Result) => {
      resolve(result);
      void worker.terminate();
    });
    worker.once('error', reject);
  });
}

interface Result {
  latencies: number[];
  statements: number;
  errors: number;
  seconds: number;
}

function format(name: string, r: Result): string {
  const sorted = [...r.latencies].sort((a, b) => a - b);
  const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!.toFixed(1);
  return `${name}: ${(sorted.length / r.seconds).toFixed(0)} req/s, p50 ${at(0.5)} ms, p95 ${at(0.95)} ms, p99 ${at(0.99)} ms, ${r.statements} SQL statements per request, ${r.errors} errors`;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
