/**
 * The DataLoaders of one request dispatch in the same tick, all on the request's connection. pg 8
 * warns when a query is sent while another runs on the same client (pg 9 refuses): the server
 * must send them one at a time.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MyOffersDocument, OrderDocument, OrderIdsDocument, OrdersDocument } from '../generated/graphql';
import { bootTestServer, discoveredRegionIds, type TestApi } from '../helpers/boot';

const OVERLAP = /already executing a query/;

describe("one request's statements on its connection", () => {
  let api: TestApi;
  const warnings: string[] = [];
  const listen = (warning: Error) => warnings.push(warning.message);

  beforeAll(async () => {
    // Listening from before the boot: the demo data is loaded through the same services.
    process.on('warning', listen);
    api = await bootTestServer({ demoData: true });
  });
  afterAll(async () => {
    process.off('warning', listen);
    await api?.close();
  });

  it('when orders are read with their units, sessions, offers and experts through several loaders, then no statement is sent while another runs', async () => {
    for (const regionId of await discoveredRegionIds()) {
      const coordinator = await api.token({ sub: `serial-${regionId}`, grants: [`COORDINATOR@${regionId}`] });
      const ids = await api.request(OrderIdsDocument, { regionId, first: 20 }, { token: coordinator });
      expect(ids.errors).toBeUndefined();
      // One order at a time: its unit, sessions and offers come from three loaders in one tick.
      const orders = await Promise.all(
        ids.data!.orders.nodes.map((o) => api.request(OrderDocument, { id: o.id }, { token: coordinator })),
      );
      for (const order of orders) expect(order.errors).toBeUndefined();
      const page = await api.request(OrdersDocument, { regionId, first: 20 }, { token: coordinator });
      expect(page.errors).toBeUndefined();
      const expert = await api.token({ sub: `demo-expert-${regionId}-0`, grants: [`EXPERT@${regionId}`] });
      const offers = await api.request(MyOffersDocument, { regionId }, { token: expert });
      expect(offers.errors?.filter((e) => e.extensions?.code !== 'NOT_FOUND') ?? []).toEqual([]);
    }
    // Warnings are emitted on the next tick.
    await new Promise((resolve) => setImmediate(resolve));
    expect(warnings.filter((w) => OVERLAP.test(w))).toEqual([]);
  });
});
