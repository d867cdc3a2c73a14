import 'reflect-metadata';
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { print } from 'graphql';
import pg from 'pg';
import { signDevToken } from '../src/auth/tokens';
import { createLogger } from '../src/common/logger';
import { loadEnv } from '../src/config/env';
import { findFreePort } from '../src/db/embedded-postgres';
import { startScratchServer } from '../src/db/scratch-database';
import { prepareDatabase } from '../src/server';
import { MetricsDocument, RegionsDocument } from '../test/generated/graphql';
import { datasetSize, generateDataset, REGIONS } from './dataset';
import { type Figures, type Goal, type Measured, writeResults } from './results';

/**
 * `npm run bench`: the production build on a generated national data set (bench/dataset.ts),
 * loaded with autocannon (10 connections, BENCH_RUNS runs of BENCH_SECONDS after a warm-up) with
 * WEB_CONCURRENCY=1 and 2, beside a plain node:http + pg baseline (bench/baseline.mjs) whose
 * bodies must equal the platform's byte for byte. SQL statements per request come from one
 * development run (the x-sql-statements header). Writes bench/RESULTS.md.
 */
const SCALE = Number(process.env.BENCH_SCALE ?? 1);
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const WARMUP_SECONDS = Number(process.env.BENCH_WARMUP_SECONDS ?? 2);
const CONCURRENCIES = (process.env.BENCH_WEB_CONCURRENCY ?? '1,2').split(',').map(Number);
/** Only these scenarios (their ids, comma-separated), e.g. expert-page,order-list,regions; all when unset. */
const ONLY = process.env.BENCH_ONLY?.split(',').map((id) => id.trim());
const CONNECTIONS = 10;
const SECRET = 'bench-secret-for-development-tokens-only-0123456789';
const REGION = 'ita-uusimaa';
const ROOT = path.resolve(__dirname, '..');
const RESULTS = path.join(__dirname, 'RESULTS.md');

/** The uuid the data set gives row n of a table (md5 of '<prefix>-<n>'). */
function generatedId(name: string): string {
  const hex = createHash('md5').update(name).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

const EXPERT_PAGE = `query BenchExpertPage($regionId: ID!, $first: Int) {
  experts(regionId: $regionId, first: $first) {
    nodes {
      id displayName topics { id } currentContract { validFrom validTo }
      trainings { name hours completedOn } contact { email phone }
    }
  }
}`;
const EXPERT_SEARCH = `query BenchExpertSearch($regionId: ID!, $filter: ExpertFilterInput, $first: Int) {
  experts(regionId: $regionId, filter: $filter, first: $first) { nodes { id displayName topics { id } } }
}`;
const ORDER_LIST = `query BenchOrders($regionId: ID!, $first: Int) {
  orders(regionId: $regionId, first: $first) {
    nodes {
      id status kind title createdAt unit { name } taskType { id }
      sessions { startsAt endsAt status }
    }
  }
}`;
const METRICS_INPUT = {
  regionIds: [...REGIONS],
  from: '2025-01-01',
  to: '2025-12-31',
  groupBy: ['MONTH', 'TASK_TYPE'],
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
};

interface Scenario {
  /** What BENCH_ONLY names it by. */
  id: string;
  name: string;
  query: string;
  variables?: Record<string, unknown>;
  token?: string;
  /** A list: its statements are counted for first 5, 20 and 100. */
  list?: boolean;
  /** The baseline's path answering the same page. */
  baseline?: string;
}

const children = new Set<ChildProcess>();

/** The server runs as `npm run start:prod` runs it: with that script's Node flags. */
const PRODUCTION_NODE_FLAGS = (
  JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> }
).scripts['start:prod']!.split(/\s+/).filter((word) => word.startsWith('--'));

async function main(): Promise<void> {
  const started = Date.now();
  // The code measured: taken before the run, which lasts minutes.
  const commit = commitOf();
  if (process.env.BENCH_BUILD !== 'false') {
    console.log('building the production server (tsc -p tsconfig.build.json)');
    execFileSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', 'tsconfig.build.json'], {
      cwd: ROOT,
      stdio: 'inherit',
    });
  }
  const main = path.join(ROOT, 'dist', 'src', 'main.js');
  if (!fs.existsSync(main)) throw new Error(`no production build at ${main}: run npm run build`);

  const scratch = await startScratchServer();
  const databaseUrl = await scratch.createDatabase('kp_bench');
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kokemuspankki-bench-'));
  try {
    const log = createLogger({ level: 'warn', pretty: false });
    const env = loadEnv({ NODE_ENV: 'test', LOG_LEVEL: 'warn', AUTH_DEV_SECRET: SECRET, DATA_DIR: dataDir });
    await prepareDatabase({ env, log, databaseUrl, loadDemoData: false });
    const size = datasetSize(SCALE);
    const generation = Date.now();
    const counts = await generateDataset(databaseUrl, size);
    const generationSeconds = (Date.now() - generation) / 1000;
    console.log(`generated in ${generationSeconds.toFixed(0)} s: ${JSON.stringify(counts)}`);

    const secret = new TextEncoder().encode(SECRET);
    const coordinator = await signDevToken(secret, {
      sub: 'bench-coordinator',
      grants: [{ role: 'COORDINATOR', regionId: REGION }],
      expiresIn: '12h',
    });
    const professional = await signDevToken(secret, {
      sub: 'bench-professional',
      grants: [{ role: 'PROFESSIONAL', regionId: REGION, unitId: generatedId('unit-0') }],
      expiresIn: '12h',
    });
    const analyst = await signDevToken(secret, {
      sub: 'bench-analyst',
      grants: [{ role: 'NATIONAL_ANALYST', regionId: 'lapland' }],
      expiresIn: '12h',
    });
    const all: Scenario[] = [
      { id: 'typename', name: '{ __typename }', query: '{ __typename }' },
      { id: 'regions', name: 'regions (public)', query: print(RegionsDocument) },
      {
        id: 'expert-page',
        name: "coordinator's expert page of 20",
        query: EXPERT_PAGE,
        variables: { regionId: REGION, first: 20 },
        token: coordinator,
        list: true,
        baseline: `/experts?regionId=${REGION}&first=20`,
      },
      {
        id: 'expert-search',
        name: 'filtered expert search (topic and language)',
        query: EXPERT_SEARCH,
        variables: { regionId: REGION, filter: { topicIds: ['addictions'], languages: ['sv'] }, first: 20 },
        token: coordinator,
        list: true,
      },
      {
        id: 'order-list',
        name: "coordinator's order list of 20",
        query: ORDER_LIST,
        variables: { regionId: REGION, first: 20 },
        token: coordinator,
        list: true,
        baseline: `/orders?regionId=${REGION}&first=20`,
      },
      {
        id: 'professional-orders',
        name: "professional's order list of 20",
        query: ORDER_LIST,
        variables: { regionId: REGION, first: 20 },
        token: professional,
        list: true,
      },
      {
        id: 'metrics',
        name: 'metrics, one year, MONTH x TASK_TYPE, every measure',
        query: print(MetricsDocument),
        variables: { input: METRICS_INPUT },
        token: analyst,
      },
    ];

    const unknown = ONLY?.filter((id) => !all.some((s) => s.id === id)) ?? [];
    if (unknown.length)
      throw new Error(`BENCH_ONLY names no scenario ${unknown.join(', ')}; known: ${all.map((s) => s.id).join(', ')}`);
    const scenarios = ONLY ? all.filter((s) => ONLY.includes(s.id)) : all;

    const statements = await countStatements(databaseUrl, dataDir, scenarios, analyst);

    const baseline = await startBaseline(databaseUrl);
    const figures: Figures['platform'] = [];
    const baselineFigures: Figures['baseline'] = [];
    const mismatches: string[] = [];
    try {
      for (const concurrency of CONCURRENCIES) {
        const server = await startPlatform(databaseUrl, dataDir, {
          NODE_ENV: 'production',
          WEB_CONCURRENCY: String(concurrency),
        });
        try {
          await waitForRollup(server.url, analyst);
          for (const scenario of scenarios) {
            const body = requestBody(scenario);
            const ours: Target = { url: server.url, body, token: scenario.token };
            ours.first = await post(ours.url, body, scenario.token);
            if (!scenario.baseline) {
              const [result] = await measure([ours]);
              figures.push({ scenario: scenario.name, concurrency, ...result });
              console.log(line(`${scenario.name}, WEB_CONCURRENCY=${concurrency}`, result));
              continue;
            }
            const theirs: Target = { url: `${baseline.url}${scenario.baseline}`, body: '' };
            theirs.first = await post(theirs.url, '', undefined);
            if (theirs.first.body !== ours.first.body) {
              const a = ours.first.body;
              const b = theirs.first.body;
              const at = [...a].findIndex((c, i) => b[i] !== c);
              const message = `${scenario.name}: baseline body differs at byte ${at}: platform …${a.slice(at - 40, at + 60)}… baseline …${b.slice(at - 40, at + 60)}…`;
              console.log(`MISMATCH ${message}`);
              mismatches.push(message);
            }
            // Run for run beside the baseline: both meet the same moment of a shared machine.
            const [result, base, ratio] = await measure([ours, theirs]);
            figures.push({ scenario: scenario.name, concurrency, ...result, ratio });
            baselineFigures.push({ scenario: scenario.name, concurrency, ...base! });
            console.log(line(`${scenario.name}, WEB_CONCURRENCY=${concurrency}`, result));
            console.log(line(`baseline: ${scenario.name}, beside WEB_CONCURRENCY=${concurrency}`, base!));
          }
        } finally {
          await server.stop();
        }
      }
    } finally {
      await baseline.stop();
    }

    const machine = await describeMachine(databaseUrl);
    const goals = evaluate(figures, baselineFigures, statements);
    for (const goal of goals) console.log(`${goal.met ? 'met    ' : 'NOT MET'} ${goal.goal}: ${goal.measured}`);
    await writeResults(RESULTS, {
      date: new Date(),
      commit,
      machine,
      settings: { scale: SCALE, runs: RUNS, seconds: SECONDS, warmupSeconds: WARMUP_SECONDS, connections: CONNECTIONS },
      dataset: { counts, seconds: generationSeconds },
      platform: figures,
      baseline: baselineFigures,
      statements,
      mismatches,
      goals,
      totalSeconds: (Date.now() - started) / 1000,
    });
    console.log(`wrote ${path.relative(ROOT, RESULTS)} in ${((Date.now() - started) / 60_000).toFixed(1)} min`);
  } finally {
    for (const child of children) child.kill('SIGKILL');
    await scratch.dropDatabase(databaseUrl).catch(() => undefined);
    await scratch.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

function requestBody(scenario: Scenario): string {
  return JSON.stringify({ query: scenario.query, variables: scenario.variables ?? {} });
}

async function post(
  url: string,
  body: string,
  token: string | undefined,
): Promise<{ status: number; body: string; statements: number | undefined }> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body,
  });
  const text = await response.text();
  const statements = response.headers.get('x-sql-statements');
  return { status: response.status, body: text, statements: statements === null ? undefined : Number(statements) };
}

interface Target {
  url: string;
  body: string;
  token?: string;
  /** The first answer: every later one must equal it. */
  first?: { status: number; body: string };
}

/**
 * A warm-up of each target, then RUNS rounds in which each target runs once, in turn; every
 * response must be a 200 with the body of the target's first answer. With two targets, the third
 * value is the median over the rounds of the first's req/s over the second's.
 */
async function measure(targets: Target[]): Promise<[Measured, Measured?, number?]> {
  const optionsOf = (target: Target): autocannon.Options => ({
    url: target.url,
    method: 'POST',
    connections: CONNECTIONS,
    headers: {
      'content-type': 'application/json',
      ...(target.token ? { authorization: `Bearer ${target.token}` } : {}),
    },
    body: target.body,
    expectBody: target.first!.body,
  });
  for (const target of targets) await autocannon({ ...optionsOf(target), duration: WARMUP_SECONDS });
  const runs = targets.map(() => [] as { result: autocannon.Result; latencies: number[] }[]);
  for (let i = 0; i < RUNS; i++) {
    for (const [t, target] of targets.entries()) {
      // autocannon's histogram has no p95: the percentiles come from every response's time.
      const latencies: number[] = [];
      const result = await new Promise<autocannon.Result>((resolve, reject) => {
        const instance = autocannon({ ...optionsOf(target), duration: SECONDS }, (error: unknown, done) =>
          error ? reject(error instanceof Error ? error : new Error('autocannon failed')) : resolve(done),
        );
        instance.on('response', (_client, _status, _bytes, ms) => latencies.push(ms));
      });
      runs[t]!.push({ result, latencies: latencies.sort((a, b) => a - b) });
    }
  }
  const rate = (r: autocannon.Result) => r.requests.total / r.duration;
  const measured = targets.map((target, t) => summarise(target.first!, runs[t]!));
  const ratio =
    targets.length === 2 ? median(runs[0]!.map((r, i) => rate(r.result) / rate(runs[1]![i]!.result))) : undefined;
  return [measured[0]!, measured[1], ratio];
}

function summarise(
  first: { status: number; body: string },
  runs: { result: autocannon.Result; latencies: number[] }[],
): Measured {
  const valid = first.status === 200 && !first.body.includes('"errors"');
  if (!valid) console.log(`  first answer ${first.status}: ${first.body.slice(0, 300)}`);
  const med = (pick: (r: (typeof runs)[number]) => number) => median(runs.map(pick));
  const at = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? NaN;
  const failures = runs.reduce((n, { result: r }) => n + r.non2xx + r.errors + r.timeouts + r.mismatches, 0);
  return {
    requestsPerSecond: med((r) => r.result.requests.total / r.result.duration),
    p50: round(med((r) => at(r.latencies, 0.5))),
    p95: round(med((r) => at(r.latencies, 0.95))),
    p99: round(med((r) => at(r.latencies, 0.99))),
    non2xx: runs.reduce((n, r) => n + r.result.non2xx, 0),
    failures,
    bytes: Buffer.byteLength(first.body),
    // A run in which no answer came back within its time says nothing.
    valid: valid && failures === 0 && runs.every((r) => r.latencies.length > 0),
  };
}

const round = (ms: number) => Math.round(ms * 10) / 10;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

function line(name: string, r: Measured): string {
  return `${name}: ${r.requestsPerSecond.toFixed(0)} req/s, p50 ${r.p50} ms, p95 ${r.p95} ms, p99 ${r.p99} ms, non-2xx ${r.non2xx}, ${r.bytes} bytes${r.valid ? '' : ' INVALID'}`;
}

/** Statements per request of every list for first 5, 20 and 100, from a development run's x-sql-statements header. */
async function countStatements(
  databaseUrl: string,
  dataDir: string,
  scenarios: Scenario[],
  analyst: string,
): Promise<Figures['statements']> {
  const server = await startPlatform(databaseUrl, dataDir, { NODE_ENV: 'development', WEB_CONCURRENCY: '1' });
  try {
    // The first server builds the metrics rollup of the generated months; later ones find it built
    // and measure without a refresh running beside them.
    await waitForRollup(server.url, analyst);
    const counts: Figures['statements'] = [];
    for (const scenario of scenarios.filter((s) => s.list)) {
      const byFirst: Record<number, number | undefined> = {};
      for (const first of [5, 20, 100]) {
        const body = requestBody({ ...scenario, variables: { ...scenario.variables, first } });
        // The second request counts: the first may fill a cache of the process.
        await post(server.url, body, scenario.token);
        const answer = await post(server.url, body, scenario.token);
        byFirst[first] = answer.status === 200 && !answer.body.includes('"errors"') ? answer.statements : undefined;
      }
      counts.push({ scenario: scenario.name, byFirst });
      console.log(
        `${scenario.name}: SQL statements per request for first 5/20/100: ${[5, 20, 100].map((f) => byFirst[f] ?? '?').join('/')}`,
      );
    }
    return counts;
  } finally {
    await server.stop();
  }
}

async function startPlatform(
  databaseUrl: string,
  dataDir: string,
  extra: Record<string, string>,
): Promise<{ url: string; stop(): Promise<void> }> {
  const port = await findFreePort();
  const child = spawn(process.execPath, [...PRODUCTION_NODE_FLAGS, path.join(ROOT, 'dist', 'src', 'main.js')], {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      DATABASE_URL: databaseUrl,
      DATA_DIR: dataDir,
      PORT: String(port),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      DEMO_DATA: 'false',
      AUTH_DEV_SECRET: SECRET,
      AUTH_ALLOW_DEV_TOKENS: 'true',
      // The bench refreshes nothing while it measures: the rollup is built once at the start.
      METRICS_ROLLUP_INTERVAL_SECONDS: '86400',
      ...extra,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.add(child);
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const deadline = Date.now() + 120_000;
  while (!output.includes('API ready at')) {
    if (child.exitCode !== null || Date.now() > deadline) throw new Error(`the server did not start:\n${output}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return {
    url: `http://127.0.0.1:${port}/graphql`,
    async stop() {
      child.kill('SIGTERM');
      const code = await exited;
      children.delete(child);
      if (code !== 0) console.log(`the server exited with ${code}:\n${output.slice(-2000)}`);
    },
  };
}

async function startBaseline(databaseUrl: string): Promise<{ url: string; stop(): Promise<void> }> {
  const child = spawn(process.execPath, [path.join(__dirname, 'baseline.mjs')], {
    cwd: ROOT,
    env: { PATH: process.env.PATH, DATABASE_URL: databaseUrl, PORT: '0', ACTOR: 'bench-coordinator' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  children.add(child);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const port = await new Promise<number>((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => {
      const match = /listening (\d+)/.exec(chunk.toString('utf8'));
      if (match) resolve(Number(match[1]));
    });
    child.once('exit', (code) => reject(new Error(`the baseline exited with ${code}`)));
  });
  return {
    url: `http://127.0.0.1:${port}`,
    async stop() {
      child.kill('SIGTERM');
      await exited;
      children.delete(child);
    },
  };
}

/** The metrics are measured from the rollup, which the server builds once after its start. */
async function waitForRollup(url: string, token: string): Promise<void> {
  const body = JSON.stringify({ query: print(MetricsDocument), variables: { input: METRICS_INPUT } });
  const deadline = Date.now() + 600_000;
  const waited = Date.now();
  for (;;) {
    const answer = await post(url, body, token);
    if (answer.body.includes('"source":"ROLLUP"')) break;
    if (Date.now() > deadline)
      throw new Error(`the metrics rollup was not built in 10 min: ${answer.body.slice(0, 300)}`);
    await new Promise((resolve) => setTimeout(resolve, 2_000));
  }
  if (Date.now() - waited > 3_000)
    console.log(`metrics rollup built in ${((Date.now() - waited) / 1000).toFixed(0)} s`);
}

async function describeMachine(databaseUrl: string): Promise<Figures['machine']> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  const { rows } = await client.query<{ server_version: string }>('show server_version');
  await client.end();
  return {
    cores: os.cpus().length,
    cpu: os.cpus()[0]?.model ?? 'unknown',
    memoryGb: Math.round(os.totalmem() / 2 ** 30),
    node: process.version,
    postgres: rows[0]?.server_version ?? 'unknown',
    loadAverage: os
      .loadavg()
      .map((n) => n.toFixed(2))
      .join(' '),
  };
}

function commitOf(): string {
  try {
    const commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT }).toString().trim();
    const dirty = execFileSync('git', ['status', '--porcelain', '--', 'src', 'regions'], { cwd: ROOT })
      .toString()
      .trim();
    return dirty ? `${commit} with uncommitted changes` : commit;
  } catch {
    return 'unknown';
  }
}

function evaluate(
  platform: Figures['platform'],
  baseline: Figures['baseline'],
  statements: Figures['statements'],
): Goal[] {
  const goals: Goal[] = [];
  for (const concurrency of CONCURRENCIES) {
    for (const name of ["coordinator's expert page of 20", "coordinator's order list of 20"]) {
      const ours = platform.find((f) => f.scenario === name && f.concurrency === concurrency);
      const theirs = baseline.find((f) => f.scenario === name && f.concurrency === concurrency);
      if (!ours || !theirs || ours.ratio === undefined) continue;
      const ratio = ours.ratio;
      goals.push({
        goal: `${name}, WEB_CONCURRENCY=${concurrency}: at least 0.4x the baseline`,
        measured: `${ratio.toFixed(2)}x (${ours.requestsPerSecond.toFixed(0)} / ${theirs.requestsPerSecond.toFixed(0)} req/s; median of the runs' ratios)`,
        met: ratio >= 0.4 && ours.valid && theirs.valid,
      });
      goals.push({
        goal: `${name}, WEB_CONCURRENCY=${concurrency}: p99 under 80 ms`,
        measured: `${ours.p99} ms`,
        met: ours.p99 < 80 && ours.valid,
      });
    }
    const regions = platform.find((f) => f.scenario === 'regions (public)' && f.concurrency === concurrency);
    if (regions)
      goals.push({
        goal: `regions, WEB_CONCURRENCY=${concurrency}: at least 2,000 req/s`,
        measured: `${regions.requestsPerSecond.toFixed(0)} req/s`,
        met: regions.requestsPerSecond >= 2_000 && regions.valid,
      });
  }
  for (const list of statements) {
    const values = Object.values(list.byFirst);
    goals.push({
      goal: `${list.scenario}: at most 4 SQL statements per request for first 5, 20 and 100`,
      measured: [5, 20, 100].map((f) => list.byFirst[f] ?? '?').join(' / '),
      met: values.every((v) => v !== undefined && v <= 4),
    });
  }
  return goals;
}

main().catch((error: unknown) => {
  console.error(error);
  for (const child of children) child.kill('SIGKILL');
  process.exit(1);
});
