import 'reflect-metadata';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import os from 'node:os';
import path from 'node:path';
import { print } from 'graphql';
import { signDevToken } from '../src/auth/tokens';
import { createLogger } from '../src/common/logger';
import { loadEnv } from '../src/config/env';
import { withClient } from '../src/db/database';
import { startScratchServer } from '../src/db/scratch-database';
import { startServer } from '../src/server';
import { refreshMetricsRollup } from '../src/metrics/rollup';
import { MetricsDocument } from '../test/generated/graphql';
import { datasetSize, generateDataset, REGIONS } from './dataset';

/**
 * `npm run bench:metrics`: a year of analyst aggregates over generated data at national scale.
 * Generates the data set of `npm run bench` with SESSIONS sessions (default 1,000,000) over the
 * three regions with orders, accepted offers, fee lines and feedback, then times the
 * `metrics` query grouped by MONTH × TASK_TYPE with every measure, as a national analyst, over
 * HTTP from a client process of its own: first on the live tables (the generated months are marked as changed), then from the
 * rollup once a refresh has rebuilt them, with the time the refresh took.
 */
const SESSIONS = Number(process.env.BENCH_SESSIONS ?? 1_000_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 100);
/** The live statement takes seconds at national scale; fewer runs of it say as much. */
const LIVE_RUNS = Number(process.env.BENCH_LIVE_RUNS ?? 3);
const execFileAsync = promisify(execFile);
const SECRET = 'bench-secret-for-development-tokens-only-0123456789';

/** The data set of `npm run bench` (bench/dataset.ts), scaled to SESSIONS sessions. */
async function generate(databaseUrl: string): Promise<void> {
  const started = Date.now();
  const counts = await generateDataset(databaseUrl, datasetSize(SESSIONS / 1_000_000));
  console.log(
    `generated ${counts.order_session} sessions, ${counts.work_order} orders in ${((Date.now() - started) / 1000).toFixed(0)} s`,
  );
}

/**
 * The client runs in a process of its own, as `npm run bench`'s autocannon does, so that its
 * fetch and JSON parsing do not share the server's event loop: 20 warm-up requests, as the first
 * ones of a query run before V8 has optimised its code (one for the seconds-long live statement),
 * then `runs` requests one at a time, each timed from sending to the parsed answer.
 */
const CLIENT = `
const [url, token, body, runs] = JSON.parse(process.argv[1]);
const times = []; const sources = []; let rows = 0;
const warmUp = runs >= 20 ? 20 : 1;
for (let i = 0; i < warmUp + runs; i++) {
  const started = performance.now();
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', authorization: 'Bearer ' + token }, body });
  const json = await response.json();
  if (!json.data) { console.error(JSON.stringify(json.errors)); process.exit(1); }
  if (i < warmUp) continue;
  times.push(performance.now() - started); sources.push(json.data.metrics.source); rows = json.data.metrics.rows.length;
}
console.log(JSON.stringify({ times, sources, rows }));
`;

async function timeRequests(
  url: string,
  token: string,
  body: string,
  runs: number,
): Promise<{ times: number[]; sources: string[]; rows: number }> {
  const { stdout } = await execFileAsync(
    process.execPath,
    ['--input-type=module', '-e', CLIENT, JSON.stringify([url, token, body, runs])],
    { maxBuffer: 1 << 24 },
  );
  return JSON.parse(stdout) as { times: number[]; sources: string[]; rows: number };
}

async function main(): Promise<void> {
  const scratch = await startScratchServer();
  const databaseUrl = await scratch.createDatabase('kp_bench_metrics');
  const env = loadEnv({
    // The server as deployed (no statement counting, production GraphQL), with bench tokens.
    NODE_ENV: 'production',
    AUTH_ALLOW_DEV_TOKENS: 'true',
    LOG_LEVEL: 'error',
    AUTH_DEV_SECRET: SECRET,
    DATA_DIR: path.join(os.tmpdir(), 'kokemuspankki-bench'),
    // The refresh runs where the bench says, not on the server's timer.
    METRICS_ROLLUP_INTERVAL_SECONDS: '86400',
  });
  const log = createLogger({ level: 'warn', pretty: false });
  const server = await startServer({ env, log, databaseUrl, port: 0, host: '127.0.0.1', loadDemoData: false });
  try {
    await generate(databaseUrl);
    const token = await signDevToken(new TextEncoder().encode(SECRET), {
      sub: 'bench-analyst',
      grants: [{ role: 'NATIONAL_ANALYST', regionId: 'lapland' }],
    });
    const bodyFor = (groupBy: string[]) =>
      JSON.stringify({
        query: print(MetricsDocument),
        variables: {
          input: {
            regionIds: [...REGIONS],
            from: '2025-01-01',
            to: '2025-12-31',
            groupBy,
            measures: [
              'ORDERS',
              'SESSIONS_COMPLETED',
              'MINUTES_WORKED',
              'FEES_CENTS',
              'FEES_SALARY_CENTS',
              'FEES_WORK_COMPENSATION_CENTS',
              'LATE_CANCELLATIONS',
              'NO_SHOWS',
              'OFFER_ACCEPTANCE_RATE',
              'MEDIAN_HOURS_TO_MATCH',
              'DISTINCT_EXPERTS',
              'FEEDBACK_AVERAGE_EXPERT',
              'FEEDBACK_AVERAGE_CLIENT',
              'FEEDBACK_AVERAGE_PROFESSIONAL',
            ],
          },
        },
      });
    const measure = async (expected: string, runs: number, groupBy = ['MONTH', 'TASK_TYPE']): Promise<void> => {
      const { times, rows, sources } = await timeRequests(server.url, token, bodyFor(groupBy), runs);
      const other = sources.find((source) => source !== expected);
      if (other) throw new Error(`expected a ${expected} answer, got ${other}`);
      times.sort((a, b) => a - b);
      const at = (p: number) => times[Math.min(times.length - 1, Math.floor(p * times.length))]!.toFixed(0);
      console.log(
        `metrics from ${expected}, one year by ${groupBy.join(' x ') || 'nothing'}, every measure, ${SESSIONS} sessions, ${rows} rows, ${runs} runs one at a time: p50 ${at(0.5)} ms, p95 ${at(0.95)} ms (${os.cpus().length} cores)`,
      );
    };
    // At national scale the live statement may pass the server's 15 s statement timeout: that is a result too.
    await measure('LIVE', LIVE_RUNS).catch((error: unknown) =>
      console.log(
        `metrics from LIVE failed: ${String(error).includes('statement timeout') ? 'statement timeout (15 s)' : String(error)}`,
      ),
    );
    const refreshStarted = performance.now();
    const months = await refreshMetricsRollup(server.services);
    console.log(
      `rollup refresh: ${months} region-months rebuilt in ${((performance.now() - refreshStarted) / 1000).toFixed(1)} s`,
    );
    // A first build rewrites every rollup table; autovacuum would analyze them within a minute, and
    // the next checkpoint write out the minutes of changes: timing the queries while either runs
    // would measure them instead (a deployment's rebuilds after the first touch a few months).
    await withClient(databaseUrl, async (client) => {
      await client.query('vacuum analyze metrics_cell, metrics_order, metrics_order_month, metrics_month');
      await client.query('checkpoint');
    });
    await measure('ROLLUP', RUNS);
    // Other groupings from the rollup: across months, by unit, and both.
    for (const groupBy of [[], ['TASK_TYPE'], ['REGION', 'TOPIC'], ['UNIT'], ['MONTH', 'UNIT']])
      await measure('ROLLUP', RUNS, groupBy);
  } finally {
    await server.stop();
    await scratch.dropDatabase(databaseUrl);
    await scratch.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
