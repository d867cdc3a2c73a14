import { expect, test, type Page } from '@playwright/test';
import { DEMO, expectAccessible, openFromMenu, signIn } from './console';

/** The next 1 March (local date), always ahead of the server's clock. */
function nextFirstOfMarch(): string {
  const now = new Date();
  const year = now.getUTCMonth() >= 2 ? now.getUTCFullYear() + 1 : now.getUTCFullYear();
  return `${year}-03-01`;
}

const dayBefore = (date: string) => {
  const d = new Date(`${date}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
};

async function openRules(page: Page, region: RegExp): Promise<void> {
  await openFromMenu(page, 'Region rules');
  await page.getByRole('main').getByRole('link', { name: region }).click();
  await expect(page.getByTestId('fee-table')).toBeVisible();
}

const rateInput = (page: Page, row: number) =>
  page.locator(`input[name="changes.feeTable.rows[${row}].hourlyRateCents"]`);

test.describe('scenario 6: the county changes its fees from 1 March', () => {
  test('when the admin drafts a fee change, then a negative rate is refused at its row, the diff is shown, and after publishing February and March are priced apart', async ({
    page,
  }) => {
    const march = nextFirstOfMarch();
    await signIn(page, DEMO.REGION_ADMIN);
    await openRules(page, /Itä-Uusimaa|Eastern Uusimaa/);
    const form = page.getByRole('form', { name: 'Draft a revision' });
    await expect(form).toBeVisible();

    const row = page.getByTestId('fee-table').locator('tbody tr').nth(3);
    const oldRate = (await row.locator('td').first().textContent())!;
    const rate = rateInput(page, 3);
    const label = (await row.locator('th').textContent())!;
    await expect(page.getByLabel(`Hourly rate (EUR): ${label}`)).toBeVisible();

    await form.getByLabel('Effective from').fill(march);
    await form.getByLabel('Reason').fill('Board decision 14/2026');
    await rate.fill('-40');
    await form.getByRole('button', { name: 'Draft the revision' }).click();

    // The API's refusal lands beside the field it names, and the field says it is invalid.
    await expect(rate).toHaveAttribute('aria-invalid', 'true');
    const describedBy = (await rate.getAttribute('aria-describedby'))!.split(' ');
    const rowError = page.locator(describedBy.map((id) => `[id="${id}"]`).join(', '));
    await expect(rowError).toContainText('expected a positive integer');
    await expect(rateInput(page, 2)).not.toHaveAttribute('aria-invalid', 'true');
    await expect(page.getByRole('heading', { name: 'Changes in this draft' })).toHaveCount(0);

    // The board's new rate: five euros more than the rate in force.
    const newRate = Number(oldRate.replace(/[^\d,.]/g, '').replace(',', '.')) + 5;
    await rate.fill(String(newRate));
    await form.getByRole('button', { name: 'Draft the revision' }).click();
    const diff = page.getByRole('region', { name: 'Changes in this draft' });
    await expect(diff.locator('tr[data-path="feeTable.rows[3].hourlyRateCents"]')).toContainText(String(newRate * 100));
    await expect(diff.locator('tbody tr')).toHaveCount(1);
    await expect(
      page.getByTestId('revisions').locator('tr[data-status="DRAFT"]').filter({ hasText: 'Board decision 14/2026' }),
    ).toBeVisible();

    await diff.getByRole('button', { name: 'Publish' }).click();
    await expect(page.getByRole('status')).toContainText('Published');
    const revision = page
      .getByTestId('revisions')
      .locator('tr[data-status="PUBLISHED"]')
      .filter({ hasText: 'Board decision 14/2026' });
    await expect(revision).toContainText('Riikka Rekisterinpitäjä');
    await expect(revision).toContainText('Board decision 14/2026');
    await expect(revision).toContainText('Published');

    // Rules on a chosen date: the last day of February at the old rate, 1 March at the new.
    const on = page.getByLabel('In force on');
    await on.fill(dayBefore(march));
    await expect(page.getByTestId('fee-table').locator('tbody tr').nth(3).locator('td').first()).toHaveText(oldRate);
    await on.fill(march);
    await expect(page.getByTestId('fee-table').locator('tbody tr').nth(3).locator('td').first()).toContainText(
      `${newRate}`,
    );
    await expect(page.getByText(/Effective from/).first()).toBeVisible();
  });

  test('when the admin moves the cancellation time and adds a topic, then the diff names both', async ({ page }) => {
    await signIn(page, DEMO.REGION_ADMIN);
    await openRules(page, /Itä-Uusimaa|Eastern Uusimaa/);
    const form = page.getByRole('form', { name: 'Draft a revision' });
    await form.getByLabel('Effective from').fill(`${Number(nextFirstOfMarch().slice(0, 4)) + 1}-01-01`);
    await form.getByLabel('Reason').fill('New topic and an earlier deadline');
    await form.getByLabel('Local time on that day (HH:MM)').fill('12:00');
    await form.getByLabel(/^Topic id/).fill('gaming');
    await form.getByLabel('Topic name (fi)').fill('Peliriippuvuus');
    // Swedish is left out: the region serves Swedish, so the API refuses the topic at that label.
    await form.getByRole('button', { name: 'Draft the revision' }).click();
    const swedish = form.getByLabel('Topic name (sv)');
    await expect(swedish).toHaveAttribute('aria-invalid', 'true');

    await swedish.fill('Spelberoende');
    await form.getByRole('button', { name: 'Draft the revision' }).click();
    const diff = page.getByRole('region', { name: 'Changes in this draft' });
    await expect(diff.locator('tr[data-path="cancellationPolicy.deadline.localTime"]')).toContainText('"12:00"');
    await expect(diff.locator('tr[data-path^="topics"]')).toContainText('gaming');
    await expectAccessible(page);
  });
});
