import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';

/**
 * The screenshot of the rules page in README.md. Every run keeps one in the test output;
 * `npm run docs:screenshots` also writes the committed copy in docs/.
 */
test('when the rules page of a region is opened, then it shows fees, the cancellation example and payout dates', async ({
  page,
}, testInfo) => {
  await page.setViewportSize({ width: 1100, height: 900 });
  await page.goto('/console/regions/ita-uusimaa');
  await expect(page.getByTestId('fee-table')).toBeVisible();
  await expect(page.getByTestId('cancellation-example')).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Payout dates' })).toBeVisible();
  const shot = testInfo.outputPath('console-rules.png');
  await page.screenshot({ path: shot });
  if (process.env.CONSOLE_DOCS_SCREENSHOTS) {
    fs.mkdirSync(path.resolve(__dirname, '../../docs'), { recursive: true });
    fs.copyFileSync(shot, path.resolve(__dirname, '../../docs/console-rules.png'));
  }
});
