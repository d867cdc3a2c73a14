import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isAlive } from '../../src/db/embedded-postgres';
import { portForChild } from '../helpers/ports';

/**
 * `npm start` as an operator runs it: its own data directory, a free port, signals sent to the
 * npm process alone (a process manager knows only that pid).
 */
const ROOT = path.resolve(__dirname, '..', '..');

function scratchDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kokemuspankki-process-'));
  // The embedded PostgreSQL runs as the postgres user when we are root; it must reach the data.
  fs.chmodSync(dir, 0o755);
  return dir;
}

/** A clean environment: nothing of the test run's database or Node options leaks in. */
function baseEnv(dataDir: string, extra: Record<string, string>): NodeJS.ProcessEnv {
  return {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    DATA_DIR: dataDir,
    LOG_LEVEL: 'info',
    DEMO_DATA: 'false',
    ...extra,
  };
}

/** Processes (other than zombies) whose command line mentions the directory. */
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

async function health(port: number): Promise<number | 'refused'> {
  try {
    const response = await fetch(`http://127.0.0.1:${port}/health`, { signal: AbortSignal.timeout(3_000) });
    return response.status;
  } catch {
    return 'refused';
  }
}

async function waitFor(what: string, timeoutMs: number, check: () => boolean | Promise<boolean>): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

function exited(child: ChildProcess): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
  if (child.exitCode !== null || child.signalCode !== null)
    return Promise.resolve({ code: child.exitCode, signal: child.signalCode });
  return new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
}

function postmasterPid(dataDir: string): number {
  return Number(fs.readFileSync(path.join(dataDir, 'postgres', 'postmaster.pid'), 'utf8').split('\n')[0]);
}

describe('npm start in production with the embedded database', () => {
  let dataDir: string;
  let port: number;
  let npm: ChildProcess;
  let output = '';

  beforeAll(async () => {
    dataDir = scratchDir();
    port = await portForChild();
    npm = spawn('npm', ['start', '--silent'], {
      cwd: ROOT,
      env: baseEnv(dataDir, {
        NODE_ENV: 'production',
        ALLOW_EMBEDDED_DATABASE: 'true',
        PORT: String(port),
        HOST: '127.0.0.1',
        AUTH_JWKS_URL: 'https://id.example.fi/jwks',
        AUTH_ISSUER: 'https://id.example.fi',
        AUTH_AUDIENCE: 'kokemuspankki',
      }),
      stdio: ['ignore', 'pipe', 'pipe'],
      // Its own process group, only so that a failed test can clean up everything it started.
      detached: true,
    });
    npm.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    npm.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    await waitFor('the ready line', 50_000, () => {
      if (npm.exitCode !== null) throw new Error(`npm start exited early:\n${output}`);
      return output.includes('Kokemuspankki API ready at');
    });
  }, 60_000);

  afterAll(() => {
    // Should the test fail midway, leave nothing running.
    try {
      if (npm?.pid) process.kill(-npm.pid, 'SIGKILL');
    } catch {
      // the group is gone, as it should be
    }
    for (const pid of processesUsing(dataDir)) process.kill(pid, 'SIGKILL');
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('when it is ready in production, then the ready line does not advertise development tokens', () => {
    const ready = output.split('\n').find((line) => line.includes('Kokemuspankki API ready at'));
    expect(ready).toContain(`http://localhost:${port}/graphql`);
    expect(ready).not.toMatch(/token/);
  });

  it('when the embedded PostgreSQL is killed, then the server says so, starts it again on the same data, and /health returns to 200', async () => {
    expect(await health(port)).toBe(200);
    const before = postmasterPid(dataDir);
    process.kill(before, 'SIGKILL');
    await waitFor('the log line about the database', 10_000, () =>
      output.includes('embedded PostgreSQL stopped unexpectedly'),
    );
    await waitFor('/health to answer 200 again', 20_000, async () => (await health(port)) === 200);
    await waitFor('the log line about the restart', 10_000, () =>
      output.includes('embedded PostgreSQL is running again'),
    );
    expect(postmasterPid(dataDir)).not.toBe(before);
    // Even the driver's complaints about lost connections are JSON log lines in production.
    const stray = output
      .split('\n')
      .filter((line) => line && !line.startsWith('{') && !line.includes('Kokemuspankki API ready at'));
    expect(stray).toEqual([]);
  });

  it('when only the npm process gets SIGTERM, then the server and its PostgreSQL stop', async () => {
    const postgres = postmasterPid(dataDir);
    expect(processesUsing(dataDir).length).toBeGreaterThan(0);
    npm.kill('SIGTERM');
    await exited(npm);
    await waitFor(
      'every process of the data directory to end',
      15_000,
      () => processesUsing(dataDir).length === 0 && !isAlive(postgres),
    );
    expect(await health(port)).toBe('refused');
  });
});

describe('production without the settings it needs', () => {
  async function start(env: Record<string, string>): Promise<{ code: number | null; output: string; dataDir: string }> {
    const dataDir = scratchDir();
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
      cwd: ROOT,
      env: baseEnv(dataDir, { NODE_ENV: 'production', PORT: '0', ...env }),
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
    const { code } = await exited(child);
    clearTimeout(timer);
    return { code, output, dataDir };
  }

  it('when production has no identity provider, then the start is refused before any database is created', async () => {
    const { code, output, dataDir } = await start({});
    try {
      expect(code).toBe(1);
      expect(output).toContain('production needs AUTH_JWKS_URL');
      expect(fs.existsSync(path.join(dataDir, 'postgres'))).toBe(false);
    } finally {
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it('when production has no DATABASE_URL, then it refuses to run on the embedded development database unless told to', async () => {
    const { code, output, dataDir } = await start({
      AUTH_JWKS_URL: 'https://id.example.fi/jwks',
      AUTH_ISSUER: 'https://id.example.fi',
      AUTH_AUDIENCE: 'kokemuspankki',
    });
    try {
      expect(code).toBe(1);
      expect(output).toContain('production needs DATABASE_URL');
      expect(output).toContain('ALLOW_EMBEDDED_DATABASE=true');
      expect(fs.existsSync(path.join(dataDir, 'postgres'))).toBe(false);
    } finally {
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
