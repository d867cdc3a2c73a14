import { expect, test } from '@playwright/test';
import { expectAccessible, signIn, visitInApp } from './console';
import { acceptByExpert, placeOrder } from './api';

// The work page against a running server with the demo data. Lapland does not ask for orientation in
// the unit before an offer, so its demo expert can be offered any order of a task they do.
const REGION = 'lapland';

test.use({ locale: 'en-GB' });

const DAY = 24 * 3_600_000;

test('a coordinator lists the orders by status and offers a requested order to an expert', async ({
  page,
  request,
}) => {
  const title = `Luento ${Date.now()}`;
  await placeOrder(request, { regionId: REGION, title, startsAt: new Date(Date.now() + 14 * DAY) });

  await signIn(page, `demo-coordinator-${REGION}`);
  await page.getByRole('navigation').getByRole('link', { name: 'Work' }).click();
  await expect(page).toHaveURL(`/console/orders/${REGION}`);
  await page.getByLabel('Status').selectOption('REQUESTED');
  await page.getByRole('button', { name: 'Show' }).click();
  const rows = page.getByTestId('orders').locator('tbody tr');
  await expect(rows.locator('td:nth-child(2)').filter({ hasNotText: 'Requested' })).toHaveCount(0);
  await expect(page.getByRole('status').filter({ hasText: /Showing \d+ of \d+ orders/ })).toBeVisible();
  await expectAccessible(page);

  await page.getByRole('link', { name: title }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
  await expect(page.getByTestId('order-status')).toHaveText('Requested');

  const offer = page.getByRole('form', { name: 'Offer to experts' });
  await offer.getByRole('button', { name: 'Send the offer' }).click();
  // Nobody chosen: the refusal shows beside the list of experts.
  const candidates = offer.getByRole('group', { name: /Available experts/ });
  await expect(candidates).toHaveAttribute('aria-invalid', 'true');
  await expect(candidates).toHaveAccessibleDescription(/name at least one expert/);

  await offer
    .getByRole('group', { name: /Available experts/ })
    .getByRole('checkbox')
    .first()
    .check();
  await offer.getByRole('button', { name: 'Send the offer' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'The order was offered to 1 expert.' })).toBeVisible();
  await expect(page.getByTestId('order-status')).toHaveText('Offered');
  await expectAccessible(page);
  await expect(page.getByTestId('offers').locator('tbody tr')).toHaveCount(1);
});

test('a coordinator records the outcome of a session that has taken place', async ({ page, request }) => {
  const title = `Ryhmä ${Date.now()}`;
  // Coordinators record past work: an order whose session was two days ago, accepted by the expert.
  const order = await placeOrder(request, { regionId: REGION, title, startsAt: new Date(Date.now() - 2 * DAY) });
  await acceptByExpert(request, order);

  await signIn(page, `demo-coordinator-${REGION}`);
  await page.getByRole('navigation').getByRole('link', { name: 'Work' }).click();
  await page.getByRole('link', { name: title }).click();
  await expect(page.getByTestId('order-status')).toHaveText('Accepted');

  const form = page.getByRole('form', { name: /^Record the outcome of the session/ });
  const minutes = form.getByRole('spinbutton', { name: 'Minutes worked' });
  await minutes.fill('0');
  await form.getByRole('button', { name: 'Record the outcome' }).click();
  await expect(minutes).toHaveAttribute('aria-invalid', 'true');
  await expect(minutes).toHaveAccessibleDescription(/input\.minutes/);
  await expectAccessible(page);

  await minutes.fill('60');
  await form.getByLabel('Outcome').selectOption('COMPLETED');
  await form.getByRole('button', { name: 'Record the outcome' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'The outcome was recorded.' })).toBeVisible();
  const session = page.getByTestId('sessions').locator('tbody tr').first();
  await expect(session).toContainText('Done');
  await expect(session).toContainText('Completed');
  await expect(page.getByTestId('order-status')).toHaveText('Done');
});

test('a professional sees the orders without any contact detail; an analyst does not see the page', async ({
  page,
}) => {
  await signIn(page, `demo-professional-${REGION}`);
  await page.getByRole('navigation').getByRole('link', { name: 'Work' }).click();
  const rows = page.getByTestId('orders').locator('tbody tr');
  await expect(rows.first()).toBeVisible();
  for (let i = 0; i < (await rows.count()); i += 1) {
    await rows.nth(i).getByRole('link').click();
    await expect(page.getByTestId('order-status')).toBeVisible();
    // No email address or phone number anywhere on the order.
    await expect(page.locator('main')).not.toContainText(/@|\+358/);
    await page.getByRole('link', { name: 'Back to the orders' }).click();
  }
  await page.getByRole('button', { name: 'Sign out' }).click();

  await signIn(page, `demo-analyst-${REGION}`);
  await expect(page.getByRole('navigation').getByRole('link', { name: 'Work' })).toHaveCount(0);
  await visitInApp(page, `/console/orders/${REGION}`);
  await expect(page.getByRole('alert')).toContainText('Orders are for');
  await expect(page.getByTestId('orders')).toHaveCount(0);
});
