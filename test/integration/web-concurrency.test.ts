import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { portForChild } from '../helpers/ports';

/** The server as `npm start` runs it, with WEB_CONCURRENCY=2 worker processes on one port. */
const ROOT = path.resolve(__dirname, '..', '..');
const READY = 'Kokemuspankki API ready at';

/** Processes (other than zombies) whose command line mentions the directory: here the embedded PostgreSQL. */
function processesUsing(dir: string): number[] {
  const found: number[] = [];
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const cmdline = fs.readFileSync(`/proc/${entry}/cmdline`, 'utf8');
      const state = fs.readFileSync(`/proc/${entry}/stat`, 'utf8').split(') ')[1]?.[0];
      if (cmdline.includes(dir) && state !== 'Z') found.push(Number(entry));
    } catch {
      // gone meanwhile
    }
  }
  return found;
}

async function waitFor(what: string, timeoutMs: number, check: () => boolean | Promise<boolean>): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** GET /health on a new connection each time (a kept-alive one would stay with one worker). */
function health(port: number): Promise<{ status: number; worker: number }> {
  return new Promise((resolve, reject) => {
    const request = http.get({ host: '127.0.0.1', port, path: '/health', agent: false, timeout: 3_000 }, (res) => {
      res.resume();
      res.once('end', () => resolve({ status: res.statusCode ?? 0, worker: Number(res.headers['x-worker-pid']) }));
    });
    request.once('error', reject);
    request.once('timeout', () => request.destroy(new Error('timeout')));
  });
}

async function workersAnswering(port: number, requests: number): Promise<Set<number>> {
  const workers = new Set<number>();
  for (let i = 0; i < requests; i++) {
    const answer = await health(port).catch(() => undefined);
    if (answer?.status === 200) workers.add(answer.worker);
  }
  return workers;
}

function exited(child: ChildProcess): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
  if (child.exitCode !== null || child.signalCode !== null)
    return Promise.resolve({ code: child.exitCode, signal: child.signalCode });
  return new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
}

describe('WEB_CONCURRENCY=2', () => {
  let dataDir: string;
  let port: number;
  let server: ChildProcess;
  let output = '';

  beforeAll(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kokemuspankki-workers-'));
    // The embedded PostgreSQL runs as the postgres user when we are root; it must reach the data.
    fs.chmodSync(dataDir, 0o755);
    port = await portForChild();
    server = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
      cwd: ROOT,
      env: {
        PATH: process.env.PATH,
        HOME: process.env.HOME,
        DATA_DIR: dataDir,
        DEMO_DATA: 'false',
        LOG_LEVEL: 'warn',
        PORT: String(port),
        HOST: '127.0.0.1',
        WEB_CONCURRENCY: '2',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
      // Its own process group, only so that a failed test can clean up everything it started.
      detached: true,
    });
    server.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    server.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    await waitFor('the ready line', 50_000, () => {
      if (server.exitCode !== null) throw new Error(`the server exited early:\n${output}`);
      return output.includes(READY);
    });
  }, 60_000);

  afterAll(() => {
    try {
      if (server?.pid) process.kill(-server.pid, 'SIGKILL');
    } catch {
      // the group is gone, as it should be
    }
    for (const pid of processesUsing(dataDir)) process.kill(pid, 'SIGKILL');
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('when the workers are ready, then the ready line is printed once and two worker processes answer on the port', async () => {
    expect(output.split(READY).length - 1).toBe(1);
    const workers = await workersAnswering(port, 20);
    expect(workers.size).toBe(2);
    expect(workers.has(server.pid!)).toBe(false);
  });

  it('when a worker dies, then a new one takes its place', async () => {
    const [victim] = await workersAnswering(port, 4);
    process.kill(victim!, 'SIGKILL');
    let workers = new Set<number>();
    await waitFor('a replacement worker', 20_000, async () => {
      workers = await workersAnswering(port, 10);
      return workers.size === 2 && !workers.has(victim!);
    });
    expect(output.split(READY).length - 1).toBe(1);
  }, 30_000);

  it('when the primary gets SIGTERM, then the workers drain, PostgreSQL stops and the exit code is 0', async () => {
    expect(processesUsing(dataDir).length).toBeGreaterThan(0);
    server.kill('SIGTERM');
    const exit = await exited(server);
    expect(exit).toEqual({ code: 0, signal: null });
    await waitFor('every process of the data directory to end', 10_000, () => processesUsing(dataDir).length === 0);
  }, 30_000);
});
