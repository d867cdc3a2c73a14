import { expect, test, type Page } from '@playwright/test';
import { DEMO, expectAccessible, openFromMenu, signIn } from './console';

async function expectNoSeriousViolations(page: Page): Promise<void> {
  await expectAccessible(page);
}

test.describe('axe-core finds no serious or critical WCAG 2.1 AA violation', () => {
  test('on the sign-in page and the home page', async ({ page }) => {
    await page.goto('/console/sign-in');
    await expect(page.locator('[data-person]').first()).toBeVisible();
    await expectNoSeriousViolations(page);
    await page.goto('/console/');
    await expect(page.getByRole('link', { name: /Itä-Uusimaa|Eastern Uusimaa/ })).toBeVisible();
    await expectNoSeriousViolations(page);
  });

  test('on the region list and the rules page, read without signing in', async ({ page }) => {
    await page.goto('/console/regions');
    await expect(page.getByRole('link', { name: /Lap/ })).toBeVisible();
    await expectNoSeriousViolations(page);
    await page.goto('/console/regions/ita-uusimaa');
    await expect(page.getByTestId('cancellation-example')).toBeVisible();
    await expectNoSeriousViolations(page);
  });

  test('in Finnish and Swedish too', async ({ page }) => {
    await page.goto('/console/regions/vantaa-kap');
    for (const language of ['suomi', 'svenska']) {
      await page.getByRole('radio', { name: language }).click();
      await expect(page.getByTestId('fee-table')).toBeVisible();
      await expectNoSeriousViolations(page);
    }
  });
});

test.describe('keyboard', () => {
  test('when a keyboard user signs in and opens a page from the menu, then focus and labels lead the way', async ({
    page,
  }) => {
    await page.goto('/console/sign-in');
    // The first Tab reaches the skip link, which moves focus to the content.
    await page.keyboard.press('Tab');
    await expect(page.getByRole('link', { name: 'Skip to content' })).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page.locator('main')).toBeFocused();

    // Every demo person is a labelled button reached by Tab and pressed with Enter.
    const person = page.getByRole('button', {
      name: /^Sign in as Riikka Rekisterinpitäjä, Region admin\b.*ita-uusimaa$/,
    });
    await person.focus();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible();

    const rules = page.getByRole('navigation', { name: 'Main menu' }).getByRole('link', { name: 'Region rules' });
    await rules.focus();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { name: 'Regions', level: 1 })).toBeVisible();
    await expect(rules).toHaveAttribute('aria-current', 'page');

    const region = page.getByRole('main').getByRole('link', { name: /Lap/ });
    await region.focus();
    await page.keyboard.press('Enter');
    // The date of the rules is a labelled field that takes typed dates.
    const date = page.getByLabel('In force on');
    await expect(date).toBeVisible();
    await date.fill('2026-01-15');
    await expect(page.getByText(/Effective from/)).toBeVisible();
  });

  test('when a signed-in person opens a page from the menu, then the session is kept', async ({ page }) => {
    await signIn(page, DEMO.EXPERT);
    await openFromMenu(page, 'Region rules');
    await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible();
  });
});
