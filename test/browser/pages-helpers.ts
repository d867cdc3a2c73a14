import { readFile } from 'node:fs/promises';
import { expect, type APIRequestContext, type Page } from '@playwright/test';

/** Signs in through the development sign-in page as one of the demo people. */
export async function signInAs(page: Page, personId: string) {
  await page.goto('/console/sign-in');
  await page.locator(`[data-person="${personId}"]`).click();
  await expect(page.getByText(/Signed in:|Kirjautunut:|Inloggad:/)).toBeVisible();
}

/**
 * Opens a console address the way its own links do: the token lives in the page's memory, so a new
 * page load would sign the person out.
 */
export async function visitInApp(page: Page, href: string) {
  await page.evaluate(
    `history.pushState(null, '', ${JSON.stringify(href)}); dispatchEvent(new PopStateEvent('popstate'))`,
  );
}

const axeSource = readFile(require.resolve('axe-core/axe.min.js'), 'utf8');

/** axe-core's WCAG 2.1 A and AA rules over the page as it is now: no serious or critical violation. */
export async function expectAccessible(page: Page) {
  // Evaluated, not added as a script tag, which the console's content security policy refuses.
  await page.evaluate(await axeSource);
  const violations = await page.evaluate<{ id: string; impact: string | null; nodes: unknown[] }[]>(
    `axe.run(document, { runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] }).then((r) => r.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.map((n) => n.target) })))`,
  );
  expect(violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')).toEqual([]);
}

/** A development token of a demo person, from the same endpoint the sign-in page uses. */
export async function tokenOf(request: APIRequestContext, personId: string): Promise<string> {
  const response = await request.post('/console/api/dev-token', { data: { id: personId } });
  expect(response.ok()).toBe(true);
  return ((await response.json()) as { token: string }).token;
}

/** One GraphQL operation that must succeed, for preparing what a test then does through the page. */
export async function graphql<T>(
  request: APIRequestContext,
  token: string,
  query: string,
  variables: Record<string, unknown> = {},
): Promise<T> {
  const response = await request.post('/graphql', {
    data: { query, variables },
    headers: { authorization: `Bearer ${token}` },
  });
  const body = (await response.json()) as { data?: T; errors?: { message: string }[] };
  expect(body.errors).toBeUndefined();
  return body.data!;
}

export interface PlacedOrder {
  orderId: string;
  sessionId: string;
  expertId: string;
  coordinator: string;
  expertToken: string;
}

/**
 * An order placed by the region's demo coordinator for a task the region's first demo expert does,
 * with one hour-long session at `startsAt` (coordinators may record past work), for `unitId` or
 * the region's first unit.
 */
export async function placeOrder(
  request: APIRequestContext,
  options: { regionId: string; title: string; startsAt: Date; unitId?: string },
): Promise<PlacedOrder> {
  const { regionId } = options;
  const coordinator = await tokenOf(request, `demo-coordinator-${regionId}`);
  const expertToken = await tokenOf(request, `demo-expert-${regionId}-0`);
  const { myData } = await graphql<{ myData: { profile: { id: string; taskTypes: { id: string }[] } } }>(
    request,
    expertToken,
    `
      query ($regionId: ID!) {
        myData(regionId: $regionId) {
          profile {
            id
            taskTypes {
              id
            }
          }
        }
      }
    `,
    { regionId },
  );
  const { units } = await graphql<{ units: { id: string; municipality: string }[] }>(
    request,
    coordinator,
    `
      query ($regionId: ID!) {
        units(regionId: $regionId) {
          id
          municipality
        }
      }
    `,
    { regionId },
  );
  const unit = units.find((u) => u.id === options.unitId) ?? units[0]!;
  const { createOrder } = await graphql<{ createOrder: { id: string; sessions: { id: string }[] } }>(
    request,
    coordinator,
    `
      mutation ($input: CreateOrderInput!) {
        createOrder(input: $input) {
          id
          sessions {
            id
          }
        }
      }
    `,
    {
      input: {
        regionId,
        unitId: unit.id,
        title: options.title,
        language: 'fi',
        municipality: unit.municipality,
        taskTypeId: myData.profile.taskTypes[0]!.id,
        sessions: [
          {
            startsAt: options.startsAt.toISOString(),
            endsAt: new Date(options.startsAt.getTime() + 3_600_000).toISOString(),
          },
        ],
      },
    },
  );
  return {
    orderId: createOrder.id,
    sessionId: createOrder.sessions[0]!.id,
    expertId: myData.profile.id,
    coordinator,
    expertToken,
  };
}

/** The coordinator offers the order to the demo expert, who accepts it. */
export async function acceptByExpert(request: APIRequestContext, order: PlacedOrder) {
  const { offerOrder } = await graphql<{ offerOrder: { offers: { id: string }[] } }>(
    request,
    order.coordinator,
    `
      mutation ($orderId: ID!, $expertIds: [ID!]!) {
        offerOrder(orderId: $orderId, expertIds: $expertIds) {
          offers {
            id
          }
        }
      }
    `,
    { orderId: order.orderId, expertIds: [order.expertId] },
  );
  await graphql(
    request,
    order.expertToken,
    `
      mutation ($id: ID!) {
        respondToOffer(offerId: $id, accept: true) {
          id
        }
      }
    `,
    {
      id: offerOrder.offers[0]!.id,
    },
  );
}
