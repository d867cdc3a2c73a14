import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { CHROMIUM, CHROMIUM_MISSING } from '../test/browser/chromium';

/**
 * `npm test`: vitest (unit and integration), then the browser tests with Playwright. Both run even
 * when the first fails, so one run reports every failure; the exit status is failure if either failed.
 * Without Chromium the browser tests are not skipped: the run fails with a line saying how to install it.
 */
function run(command: string, args: string[]): number {
  const result = spawnSync(command, args, { stdio: 'inherit' });
  return result.status ?? 1;
}

const vitest = run('npx', ['vitest', 'run']);
let browser: number;
if (fs.existsSync(CHROMIUM)) {
  browser = run('npx', ['playwright', 'test']);
} else {
  fs.rmSync('.playwright-results.json', { force: true });
  console.error(CHROMIUM_MISSING);
  browser = 1;
}
process.exit(vitest || browser);
