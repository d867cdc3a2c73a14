import { expect, test } from '@playwright/test';
import { DEMO, signIn } from './console';

/**
 * The main menu each demo role sees, exactly: a page appears only for the roles that may use it.
 * A new page adds its name to the roles that open it.
 */
const MENU: Record<keyof typeof DEMO, string[]> = {
  REGION_ADMIN: ['Region rules', 'Audit log'],
  COORDINATOR: ['Region rules', 'Experts', 'Work', 'Month'],
  UNIT_COORDINATOR: ['Region rules', 'Work', 'Month'],
  PROFESSIONAL: ['Region rules', 'Work'],
  EXPERT: ['Region rules'],
  ANALYST: ['Region rules', 'Metrics'],
  NATIONAL_ANALYST: ['Region rules', 'Metrics'],
};

for (const [role, pages] of Object.entries(MENU) as [keyof typeof DEMO, string[]][]) {
  test(`when a ${role} signs in, then the menu shows only ${pages.join(', ')}`, async ({ page }) => {
    await signIn(page, DEMO[role]);
    const menu = page.getByRole('navigation', { name: 'Main menu' }).getByRole('link');
    await expect(menu).toHaveText(pages);
  });
}

test('when nobody is signed in, then the menu shows only the public pages', async ({ page }) => {
  await page.goto('/console/');
  await expect(page.getByRole('navigation', { name: 'Main menu' }).getByRole('link')).toHaveText(['Region rules']);
});
