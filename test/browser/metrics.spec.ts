import fs from 'node:fs';
import { expect, test, type Locator } from '@playwright/test';
import { DEMO, expectAccessible, openFromMenu, signIn } from './console';

/** Clicks a checkbox's label, as a person does (the input itself is visually hidden). */
async function toggle(form: Locator, name: string): Promise<void> {
  await form.locator('label', { has: form.page().getByRole('checkbox', { name, exact: true }) }).click();
}

test.describe('metrics for analysts', () => {
  test('when an analyst groups last year by task type, then the chart draws suppressed cells as suppressed, not as zero, beside the table', async ({
    page,
  }, testInfo) => {
    await signIn(page, DEMO.ANALYST);
    await openFromMenu(page, 'Metrics');
    const form = page.getByRole('form', { name: 'Metrics' });
    // An analyst sees their own region only.
    await expect(form.getByRole('checkbox')).toHaveCount(7 + 16 + 1);
    await expect(form.getByRole('checkbox', { name: /Uusimaa/ })).toBeChecked();

    await toggle(form, 'Month');
    await toggle(form, 'Task type');
    await expect(form.getByRole('checkbox', { name: 'Month', exact: true })).not.toBeChecked();
    await expect(form.getByRole('checkbox', { name: 'Task type', exact: true })).toBeChecked();
    await form.getByRole('button', { name: 'Show' }).click();

    const chart = page.getByTestId('metrics-chart');
    await expect(chart).toBeVisible();
    await expect(chart).toHaveAccessibleName('Fees (EUR) by Task type');
    const suppressed = chart.locator('[data-suppressed="true"]');
    expect(await suppressed.count()).toBeGreaterThan(0);
    await expect(suppressed.first().locator('text')).toHaveText('suppressed');
    // Every suppressed cell of the table is a hatched mark in the chart, and no bar stands for it.
    const table = page.getByTestId('metrics-table');
    const suppressedRows = table.locator('tbody tr[data-suppressed]');
    await expect(suppressed).toHaveCount(await suppressedRows.count());
    await expect(suppressedRows.first()).toContainText('suppressed');
    await expect(suppressedRows.first()).not.toContainText('€0');

    const shot = testInfo.outputPath('metrics-chart.png');
    await page.getByRole('region', { name: /Fees \(EUR\) by/ }).screenshot({ path: shot });
    expect(fs.statSync(shot).size).toBeGreaterThan(1000);

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download CSV' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^metrics-\d{4}-01-01-\d{4}-12-31\.csv$/);
    const csv = fs.readFileSync(await download.path(), 'utf8');
    expect(csv.split('\n')[0]).toMatch(/task/i);

    await expectAccessible(page);
  });

  test('when a national analyst groups by month, then each region is offered and months are drawn as lines', async ({
    page,
  }) => {
    await signIn(page, DEMO.NATIONAL_ANALYST);
    await openFromMenu(page, 'Metrics');
    const form = page.getByRole('form', { name: 'Metrics' });
    for (const region of [/Uusimaa/, /Lap/, /Vantaa/])
      await expect(form.getByRole('checkbox', { name: region })).toBeChecked();
    await toggle(form, 'Region');
    await form.getByRole('button', { name: 'Show' }).click();
    const chart = page.getByTestId('metrics-chart');
    await expect(chart).toBeVisible();
    await expect(page.getByTestId('metrics-table').locator('tbody tr').first()).toBeVisible();
    expect(await chart.locator('polyline, circle, [data-suppressed]').count()).toBeGreaterThan(0);
    await expectAccessible(page);
  });

  test('when someone without an analyst role reaches the metrics page, then it says their roles do not allow it', async ({
    page,
  }) => {
    await signIn(page, DEMO.COORDINATOR);
    await page.evaluate(() => {
      window.history.pushState(null, '', '/console/metrics');
      window.dispatchEvent(new PopStateEvent('popstate'));
    });
    await expect(page.getByRole('alert')).toHaveText('Your roles do not allow this page.');
  });
});
