import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { CHROMIUM, CHROMIUM_MISSING } from './chromium';

const ROOT = path.resolve(__dirname, '../..');

/**
 * Boots the real server with the demo data on a throwaway PostgreSQL database (see
 * scripts/browser-test-server.ts) and hands its address to the tests as the base URL; the
 * returned teardown stops it. The console bundle is built first, so the tests see the code as it is.
 */
export default async function globalSetup(): Promise<() => Promise<void>> {
  if (!fs.existsSync(CHROMIUM)) throw new Error(CHROMIUM_MISSING);
  if (!process.env.CONSOLE_SKIP_BUILD) {
    await run('npx', ['vite', 'build', '--config', 'console/vite.config.mts', '--logLevel', 'warn']);
  }
  const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/browser-test-server.ts'], {
    cwd: ROOT,
    stdio: ['pipe', 'pipe', 'inherit'],
    env: { ...process.env, NODE_NO_WARNINGS: '1' },
  });
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      out += chunk;
      const ready = /^READY (\S+)$/m.exec(out);
      if (ready) resolve(ready[1]!);
    });
    child.once('exit', (code) => reject(new Error(`the test server exited (${code}) before it was ready`)));
  });
  process.env.CONSOLE_BASE_URL = url;
  return async () => {
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await exited;
  };
}

function run(command: string, args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: ROOT, stdio: 'inherit' });
    child.once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`${command} ${args.join(' ')} failed`))));
  });
}
