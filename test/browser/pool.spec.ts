import { expect, test, type Page } from '@playwright/test';

// The pool page against a running server with the demo data, as the demo people of Itä-Uusimaa.
const REGION = 'ita-uusimaa';

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

test('a coordinator finds the pool from the navigation and filters it by status', async ({ page }) => {
  await signInAs(page, `demo-coordinator-${REGION}`);
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
});

test('a coordinator records an applicant, interviews, contracts and activates them; input errors show beside their field', async ({
  page,
}) => {
  const name = `Aada Testaaja ${Date.now()}`;
  await signInAs(page, `demo-coordinator-${REGION}`);
  await page.getByRole('navigation').getByRole('link', { name: 'Experts' }).click();

  const applicant = page.getByRole('form', { name: 'Record an applicant' });
  await applicant.getByLabel('Email').fill('not an email');
  await applicant.getByLabel(/^Name/).fill(name);
  await applicant.getByRole('button', { name: 'Record applicant' }).click();
  const email = applicant.getByRole('textbox', { name: 'Email' });
  await expect(email).toHaveAttribute('aria-invalid', 'true');
  await expect(email).toHaveAccessibleDescription(/input\.email/);

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
});

test('a professional and an analyst do not see the pool', async ({ page }) => {
  for (const person of [`demo-professional-${REGION}`, `demo-analyst-${REGION}`]) {
    await signInAs(page, person);
    await expect(page.getByRole('navigation').getByRole('link', { name: 'Experts' })).toHaveCount(0);
    await visitInApp(page, `/console/pool/${REGION}`);
    await expect(page.getByRole('alert')).toHaveText('Only the region’s coordinator can use the pool of experts.');
    await expect(page.getByTestId('experts')).toHaveCount(0);
    await page.getByRole('button', { name: 'Sign out' }).click();
  }
});
