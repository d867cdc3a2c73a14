/** What browser tests do in the console as a person would: sign in, move by its links, check accessibility. */
import { expect, type Page } from '@playwright/test';
import axe from 'axe-core';

/** Demo people of the development sign-in (src/auth/demo-people.ts) by role, in Itä-Uusimaa. */
export const DEMO = {
  REGION_ADMIN: 'demo-region-admin-ita-uusimaa',
  COORDINATOR: 'demo-coordinator-ita-uusimaa',
  UNIT_COORDINATOR: 'demo-unit-coordinator-ita-uusimaa',
  PROFESSIONAL: 'demo-professional-ita-uusimaa',
  EXPERT: 'demo-expert-ita-uusimaa-0',
  ANALYST: 'demo-analyst-ita-uusimaa',
  NATIONAL_ANALYST: 'demo-national-analyst',
} as const;

/**
 * Signs in through the development sign-in page. The token lives in the page's memory only, so
 * after this the test moves by the console's own links, never by page.goto (which would reload).
 */
export async function signIn(page: Page, personId: string): Promise<void> {
  await page.goto('/console/sign-in');
  await page.locator(`[data-person="${personId}"]`).click();
  await expect(page.getByText(/Signed in:|Kirjautunut:|Inloggad:/)).toBeVisible();
}

/**
 * Opens a console address the way its own links do: the token lives in the page's memory, so a new
 * page load would sign the person out.
 */
export async function visitInApp(page: Page, href: string): Promise<void> {
  await page.evaluate(
    `history.pushState(null, '', ${JSON.stringify(href)}); dispatchEvent(new PopStateEvent('popstate'))`,
  );
}

/** Follows a link of the main menu, as a keyboard or mouse user would. */
export async function openFromMenu(page: Page, name: string | RegExp): Promise<void> {
  await page.getByRole('navigation', { name: 'Main menu' }).getByRole('link', { name }).click();
}

interface AxeViolation {
  id: string;
  impact?: string | null;
  help: string;
  nodes: { target: unknown[] }[];
}

/** Runs axe-core in the page against WCAG 2.1 A and AA; returns the serious and critical violations. */
export async function seriousViolations(page: Page): Promise<string[]> {
  // Evaluated by the test runner rather than added as a script tag, which the console's CSP refuses.
  await page.evaluate(axe.source);
  const violations = await page.evaluate<AxeViolation[]>(
    `axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } }).then((r) => r.violations)`,
  );
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help} at ${v.nodes.map((n) => JSON.stringify(n.target)).join(', ')}`);
}

/** No serious or critical violation of WCAG 2.1 A and AA on the page as it is now. */
export async function expectAccessible(page: Page): Promise<void> {
  expect(await seriousViolations(page)).toEqual([]);
}
