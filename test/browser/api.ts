/** Preparing what a browser test then does through the page: demo tokens and GraphQL calls. */
import { expect, type APIRequestContext } from '@playwright/test';

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
