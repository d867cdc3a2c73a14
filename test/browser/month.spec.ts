import { readFile } from 'node:fs/promises';
import { expect, test, type Page } from '@playwright/test';

// The month page against a running server with the demo data, which is dated 1 December of last year
// and so leaves last year's November with open fee payment notices.
const REGION = 'ita-uusimaa';
const MONTH = `${new Date().getUTCFullYear() - 1}-11`;

test.use({ locale: 'en-GB' });

/**
 * Opens a console address the way its own links do: the token lives in the page's memory, so a new
 * page load would sign the person out.
 */
async function visitInApp(page: Page, href: string) {
  await page.evaluate(
    `history.pushState(null, '', ${JSON.stringify(href)}); dispatchEvent(new PopStateEvent('popstate'))`,
  );
}

async function signInAs(page: Page, personId: string) {
  await page.goto('/console/sign-in');
  await page.locator(`[data-person="${personId}"]`).click();
  await expect(page.getByText(/Signed in:/)).toBeVisible();
}

async function openMonth(page: Page) {
  await page.getByRole('navigation').getByRole('link', { name: 'Month' }).click();
  await expect(page).toHaveURL(`/console/month/${REGION}`);
  await page.getByLabel('Work month').fill(MONTH);
  await page.getByRole('button', { name: 'Show' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Fee payments of the month: ${MONTH}`);
}

test('a coordinator sees the notices of the month with totals per tax class and approves one', async ({ page }) => {
  await signInAs(page, `demo-coordinator-${REGION}`);
  await openMonth(page);
  const notices = page.locator('section[data-notice]');
  await expect(notices.first()).toBeVisible();
  expect(await notices.count()).toBeGreaterThan(1);
  const taxClasses = notices.first().getByRole('table', { name: 'Totals by tax class' });
  await expect(taxClasses.getByRole('columnheader', { name: 'Tax class' })).toBeVisible();
  await expect(taxClasses.getByRole('row')).not.toHaveCount(1);
  await expect(notices.first()).toContainText('€');

  const open = notices.filter({ has: page.getByRole('button', { name: 'Approve the notice' }) }).first();
  const payer = await open.getAttribute('data-notice');
  await open.getByRole('button', { name: 'Approve the notice' }).click();
  await expect(page.getByRole('status').filter({ hasText: /was approved/ })).toBeVisible();
  const approved = page.locator(`section[data-notice="${payer}"]`);
  await expect(approved.getByTestId('notice-status')).toContainText('Approved');
  await expect(approved.getByRole('button', { name: 'Approve the notice' })).toHaveCount(0);
});

test('a coordinator saves a notice as CSV in both dialects', async ({ page }) => {
  await signInAs(page, `demo-coordinator-${REGION}`);
  await openMonth(page);
  const notice = page.locator('section[data-notice]').first();

  const excel = page.waitForEvent('download');
  await notice.getByRole('button', { name: 'CSV for Excel (Finnish)' }).click();
  const excelFile = await excel;
  expect(excelFile.suggestedFilename()).toMatch(new RegExp(`^${REGION}-${MONTH}-.+-excel\\.csv$`));
  const excelText = await readFile(await excelFile.path(), 'utf8');
  // A Finnish Excel opens UTF-8 with a byte order mark, fields separated by semicolons.
  expect(excelText.charCodeAt(0)).toBe(0xfeff);
  expect(excelText.split(/\r?\n/)[0]).toContain(';');

  const rfc = page.waitForEvent('download');
  await notice.getByRole('button', { name: 'CSV (RFC 4180)' }).click();
  const rfcFile = await rfc;
  expect(rfcFile.suggestedFilename()).toMatch(/-rfc4180\.csv$/);
  const rfcText = await readFile(await rfcFile.path(), 'utf8');
  expect(rfcText.charCodeAt(0)).not.toBe(0xfeff);
  expect(rfcText.split(/\r?\n/)[0]).toContain(',');
  await expect(page.getByRole('status').filter({ hasText: /-rfc4180\.csv/ })).toBeVisible();
});

test("a unit coordinator sees only their unit's notice; a professional does not see the page", async ({ page }) => {
  await signInAs(page, `demo-unit-coordinator-${REGION}`);
  await openMonth(page);
  await expect(page.locator('section[data-notice]')).toHaveCount(1);
  await page.getByRole('button', { name: 'Sign out' }).click();

  await signInAs(page, `demo-professional-${REGION}`);
  await expect(page.getByRole('navigation').getByRole('link', { name: 'Month' })).toHaveCount(0);
  await visitInApp(page, `/console/month/${REGION}`);
  await expect(page.getByRole('alert')).toContainText('for the region’s coordinator and unit coordinators');
  await expect(page.locator('section[data-notice]')).toHaveCount(0);
});
