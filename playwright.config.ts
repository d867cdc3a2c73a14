import { defineConfig } from '@playwright/test';
import { CHROMIUM } from './test/browser/chromium';

/**
 * Browser tests of the console: every test/browser/*.spec.ts, in Debian's Chromium, against the
 * real server the global setup boots (its address reaches the workers as CONSOLE_BASE_URL).
 */
export default defineConfig({
  testDir: 'test/browser',
  testMatch: '*.spec.ts',
  globalSetup: './test/browser/global-setup.ts',
  outputDir: 'test-results',
  timeout: 30_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 2,
  forbidOnly: !!process.env.CI,
  retries: 0,
  // The JSON report lets .ci/run count browser tests with the rest.
  reporter: [['list'], ['json', { outputFile: '.playwright-results.json' }]],
  use: {
    baseURL: process.env.CONSOLE_BASE_URL,
    browserName: 'chromium',
    locale: 'en-GB',
    timezoneId: 'Europe/Helsinki',
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: CHROMIUM,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
});
