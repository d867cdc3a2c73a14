import { expect, test } from '@playwright/test';
import { expectAccessible, signIn, visitInApp } from './console';

// The pool page against a running server with the demo data, as the demo people of Itä-Uusimaa.
const REGION = 'ita-uusimaa';

test.use({ locale: 'en-GB' });

test('a coordinator finds the pool from the navigation and filters it by status', async ({ page }) => {
  await signIn(page, `demo-coordinator-${REGION}`);
  await page.getByRole('navigation').getByRole('link', { name: 'Experts' }).click();
  await expect(page).toHaveURL(`/console/pool/${REGION}`);
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Experts');
  const rows = page.getByTestId('experts').locator('tbody tr');
  await expect(rows.first()).toBeVisible();
  expect(await rows.count()).toBeGreaterThan(5);

  await page.getByRole('group', { name: 'Status' }).getByLabel('Active').check();
  await page.getByRole('button', { name: 'Search' }).click();
  await expect(rows.locator('td:nth-child(2)').filter({ hasNotText: 'Active' })).toHaveCount(0);
  await expect(rows.first()).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: /Showing \d+ of \d+ experts/ })).toBeVisible();

  await expect(page.getByRole('heading', { name: 'Missing tax cards' })).toBeVisible();
  await expectAccessible(page);
});

test('the pool is searched with the keyboard alone, with the focus visible', async ({ page }) => {
  await signIn(page, `demo-coordinator-${REGION}`);
  await page.getByRole('navigation').getByRole('link', { name: 'Experts' }).focus();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(`/console/pool/${REGION}`);
  const applicant = page.getByRole('group', { name: 'Status' }).getByLabel('Applicant');
  await applicant.focus();
  await page.keyboard.press('Space');
  await expect(applicant).toBeChecked();
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  // Past the other statuses to the topic select: the focused element carries a visible outline.
  const outline = await page.evaluate<string>(`getComputedStyle(document.activeElement).outlineStyle`);
  expect(outline).not.toBe('none');
  await page.getByRole('textbox', { name: 'Language', exact: true }).focus();
  await page.keyboard.type('fi');
  await page.keyboard.press('Enter');
  const rows = page.getByTestId('experts').locator('tbody tr');
  await expect(rows.locator('td:nth-child(2)').filter({ hasNotText: 'Applicant' })).toHaveCount(0);
  await expect(rows.first()).toBeVisible();
  await rows.first().getByRole('link').focus();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('expert-status')).toHaveText('Applicant');
  // Who read or changed the expert's data: recording the applicant was a change by this coordinator.
  const audit = page.getByRole('region', { name: 'Who read or changed the data' }).getByTestId('audit');
  await expect(audit.getByRole('row').filter({ hasText: 'CHANGE' }).first()).toContainText(`COORDINATOR@${REGION}`);
});

test('a coordinator records an applicant, interviews, contracts and activates them; input errors show beside their field', async ({
  page,
}) => {
  const name = `Aada Testaaja ${Date.now()}`;
  await signIn(page, `demo-coordinator-${REGION}`);
  await page.getByRole('navigation').getByRole('link', { name: 'Experts' }).click();

  const applicant = page.getByRole('form', { name: 'Record an applicant' });
  await applicant.getByLabel('Email').fill('not an email');
  await applicant.getByLabel(/^Name/).fill(name);
  await applicant.getByRole('button', { name: 'Record applicant' }).click();
  const email = applicant.getByRole('textbox', { name: 'Email' });
  await expect(email).toHaveAttribute('aria-invalid', 'true');
  await expect(email).toHaveAccessibleDescription(/input\.email/);
  await expectAccessible(page);

  await email.fill('aada.testaaja@example.fi');
  await applicant.getByLabel(/^Languages/).fill('fi, sv');
  await applicant.getByLabel(/^Introduction/).fill('Kokemusasiantuntija.');
  await applicant.getByRole('group', { name: 'Topics of experience' }).getByRole('checkbox').first().check();
  await applicant.getByRole('group', { name: 'Task types' }).getByRole('checkbox').first().check();
  await applicant.getByRole('button', { name: 'Record applicant' }).click();
  await expect(applicant.getByRole('status')).toHaveText(`${name} was recorded as an applicant.`);

  await page.getByRole('group', { name: 'Status' }).getByLabel('Applicant').check();
  await page.getByRole('button', { name: 'Search' }).click();
  await page.getByRole('link', { name }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(name);
  await expect(page.getByTestId('expert-status')).toHaveText('Applicant');

  // Itä-Uusimaa's interview panel is a professional and the regional coordinator; a member without
  // a name is refused beside that member's field.
  const interview = page.getByRole('form', { name: 'Record the interview' });
  const members = interview.getByRole('textbox', { name: /^Panel member/ });
  await expect(members).toHaveCount(2);
  await members.first().fill('Sari Sosiaalityöntekijä');
  await interview.getByRole('button', { name: 'Record the interview' }).click();
  await expect(members.nth(1)).toHaveAttribute('aria-invalid', 'true');
  await expect(members.nth(1)).toHaveAccessibleDescription(/must not be empty/);
  await expect(members.first()).not.toHaveAttribute('aria-invalid', 'true');
  await members.nth(1).fill('Kaisa Koordinaattori');
  await interview.getByRole('button', { name: 'Record the interview' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'The interview was recorded.' })).toBeVisible();
  await expect(page.getByTestId('expert-status')).toHaveText('Interviewed');

  await page.getByRole('form', { name: 'Sign a contract' }).getByRole('button', { name: 'Sign a contract' }).click();
  await expect(page.getByTestId('expert-status')).toHaveText('Contracted');

  await page.getByRole('button', { name: 'Activate' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Status is now: Active.' })).toBeVisible();
  await expect(page.getByTestId('expert-status')).toHaveText('Active');
  await expectAccessible(page);
});

test('a professional and an analyst do not see the pool', async ({ page }) => {
  for (const person of [`demo-professional-${REGION}`, `demo-analyst-${REGION}`]) {
    await signIn(page, person);
    await expect(page.getByRole('navigation').getByRole('link', { name: 'Experts' })).toHaveCount(0);
    await visitInApp(page, `/console/pool/${REGION}`);
    await expect(page.getByRole('alert')).toHaveText('Only the region’s coordinator can use the pool of experts.');
    await expect(page.getByTestId('experts')).toHaveCount(0);
    await page.getByRole('button', { name: 'Sign out' }).click();
  }
});
