import { expect, test } from '@playwright/test';
import { DEMO, signIn } from './console';

test('when a developer opens the sign-in page, then the demo people of every region are offered', async ({ page }) => {
  await page.goto('/console/sign-in');
  await expect(page.getByRole('heading', { name: 'Sign in', level: 1 })).toBeVisible();
  for (const region of ['ita-uusimaa', 'lapland', 'vantaa-kap'])
    await expect(page.getByRole('heading', { name: region, level: 2 })).toBeVisible();
  await signIn(page, DEMO.COORDINATOR);
  await expect(page.getByText('Katja Koordinaattori')).toBeVisible();
});

test('when nobody is signed in, then the region rules are readable', async ({ page }) => {
  await page.goto('/console/regions/lapland');
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Lap');
  await expect(page.getByTestId('fee-table')).toBeVisible();
});
