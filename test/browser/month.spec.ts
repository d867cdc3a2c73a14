import { readFile } from 'node:fs/promises';
import { expect, test, type Page } from '@playwright/test';
import { expectAccessible, signIn, visitInApp } from './console';
import { acceptByExpert, graphql, placeOrder, tokenOf } from './api';

// The month page against a running server with the demo data, which is dated 1 December of last year
// and so leaves last year's November with open fee payment notices.
const REGION = 'ita-uusimaa';
const MONTH = `${new Date().getUTCFullYear() - 1}-11`;

test.use({ locale: 'en-GB' });

async function openMonth(page: Page, regionId = REGION, month = MONTH) {
  await page.getByRole('navigation').getByRole('link', { name: 'Month' }).click();
  await expect(page).toHaveURL(`/console/month/${regionId}`);
  await page.getByLabel('Work month').fill(month);
  await page.getByRole('button', { name: 'Show' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Fee payments of the month: ${month}`);
}

test('a coordinator sees the notices of the month with totals per tax class', async ({ page }) => {
  await signIn(page, `demo-coordinator-${REGION}`);
  await openMonth(page);
  const notices = page.locator('section[data-notice]');
  await expect(notices.first()).toBeVisible();
  expect(await notices.count()).toBeGreaterThan(1);
  const taxClasses = notices.first().getByRole('table', { name: 'Totals by tax class' });
  await expect(taxClasses.getByRole('columnheader', { name: 'Tax class' })).toBeVisible();
  await expect(taxClasses.getByRole('row')).not.toHaveCount(1);
  await expect(notices.first()).toContainText('€');
  await expectAccessible(page);
});

test('a coordinator approves the notice of a unit whose work was done this month', async ({ page, request }) => {
  // A unit of its own, so that its notice is open however often the test runs against one server.
  const regionId = 'lapland';
  const admin = await tokenOf(request, `demo-region-admin-${regionId}`);
  const { region } = await graphql<{ region: { serviceInterfaces: { id: string }[] } }>(
    request,
    admin,
    `
      query ($id: ID!) {
        region(id: $id) {
          serviceInterfaces {
            id
          }
        }
      }
    `,
    { id: regionId },
  );
  const unitName = `Testiyksikkö ${Date.now()}`;
  const { createUnit } = await graphql<{ createUnit: { id: string } }>(
    request,
    admin,
    `
      mutation ($input: CreateUnitInput!) {
        createUnit(input: $input) {
          id
        }
      }
    `,
    {
      input: {
        regionId,
        name: unitName,
        municipality: 'Rovaniemi',
        serviceInterfaceId: region.serviceInterfaces[0]!.id,
        coordinatorNames: [],
      },
    },
  );
  const startsAt = new Date(Date.now() - 3 * 3_600_000);
  const order = await placeOrder(request, { regionId, title: `Työ ${unitName}`, startsAt, unitId: createUnit.id });
  await acceptByExpert(request, order);
  await graphql(
    request,
    order.coordinator,
    `
      mutation ($id: ID!) {
        recordSessionOutcome(sessionId: $id, input: { outcome: COMPLETED, minutes: 60 }) {
          id
        }
      }
    `,
    { id: order.sessionId },
  );
  // The work month is reckoned in the region's time zone.
  const month = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Helsinki', year: 'numeric', month: '2-digit' })
    .format(startsAt)
    .slice(0, 7);

  await signIn(page, `demo-coordinator-${regionId}`);
  await openMonth(page, regionId, month);
  const notice = page.getByRole('region', { name: `Notice: ${unitName}` });
  await expect(notice.getByTestId('notice-status')).toHaveText('Open');
  await expect(notice.getByRole('table', { name: 'Experts' }).locator('tbody tr')).toHaveCount(1);
  await notice.getByRole('button', { name: 'Approve the notice' }).click();
  await expect(page.getByRole('status').filter({ hasText: `The notice of ${unitName} was approved.` })).toBeVisible();
  await expect(notice.getByTestId('notice-status')).toContainText('Approved');
  await expect(notice.getByRole('button', { name: 'Approve the notice' })).toHaveCount(0);
  await expectAccessible(page);
});

test('a coordinator saves a notice as CSV in both dialects', async ({ page }) => {
  await signIn(page, `demo-coordinator-${REGION}`);
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
  await signIn(page, `demo-unit-coordinator-${REGION}`);
  await openMonth(page);
  await expect(page.locator('section[data-notice]')).toHaveCount(1);
  await page.getByRole('button', { name: 'Sign out' }).click();

  await signIn(page, `demo-professional-${REGION}`);
  await expect(page.getByRole('navigation').getByRole('link', { name: 'Month' })).toHaveCount(0);
  await visitInApp(page, `/console/month/${REGION}`);
  await expect(page.getByRole('alert')).toContainText('for the region’s coordinator and unit coordinators');
  await expect(page.locator('section[data-notice]')).toHaveCount(0);
});
