import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ExpertsWithoutSupportDocument,
  NotificationsDocument,
  OrderIdsDocument,
  OrderDocument,
  PayoutPeriodDocument,
} from '../generated/graphql';
import { bootTestServer, discoveredRegionIds, type TestApi } from '../helpers/boot';
import { demoClock } from '../../src/db/demo-data';

const STATUSES = ['DRAFT', 'REQUESTED', 'OFFERED', 'ACCEPTED', 'DONE', 'CANCELLED'] as const;

describe('demo orders', () => {
  let api: TestApi;
  let regions: string[];

  beforeAll(async () => {
    api = await bootTestServer({ demoData: true });
    regions = await discoveredRegionIds();
  });
  afterAll(() => api?.close());

  it('when the server starts with demo data, then every region has orders in every status, read through the API', async () => {
    for (const regionId of regions) {
      const coordinator = await api.token({ sub: `demo-coordinator-${regionId}`, grants: [`COORDINATOR@${regionId}`] });
      for (const status of STATUSES) {
        const page = await api.request(
          OrderIdsDocument,
          { regionId, filter: { status }, first: 10 },
          { token: coordinator },
        );
        expect(page.errors).toBeUndefined();
        expect(page.data!.orders.nodes.length, `${regionId} ${status}`).toBeGreaterThan(0);
      }
      const notes = await api.request(NotificationsDocument, { regionId }, { token: coordinator });
      expect(notes.data!.notifications.map((n) => n.kind)).toContain('EXPERT_WITHDREW');
    }
  });

  it('when demo work is done and cancelled, then outcomes, late and early cancellations and the month’s fee notices are there', async () => {
    const month = demoClock().toISOString().slice(0, 7);
    const previous = new Date(Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5, 7)) - 2, 1))
      .toISOString()
      .slice(0, 7);
    for (const regionId of regions) {
      const coordinator = await api.token({ sub: `demo-coordinator-${regionId}`, grants: [`COORDINATOR@${regionId}`] });
      const done = await api.request(
        OrderIdsDocument,
        { regionId, filter: { status: 'DONE' }, first: 10 },
        { token: coordinator },
      );
      const outcomes = await Promise.all(
        done.data!.orders.nodes.map(
          async (o) => (await api.request(OrderDocument, { id: o.id }, { token: coordinator })).data!.order.sessions,
        ),
      );
      expect(outcomes.flat().map((s) => s.outcome)).toEqual(expect.arrayContaining(['COMPLETED', 'CLIENT_NO_SHOW']));
      const cancelled = await api.request(
        OrderIdsDocument,
        { regionId, filter: { status: 'CANCELLED' }, first: 1 },
        { token: coordinator },
      );
      const sessions = (
        await api.request(OrderDocument, { id: cancelled.data!.orders.nodes[0]!.id }, { token: coordinator })
      ).data!.order.sessions;
      expect(sessions.map((s) => s.cancellation?.class).sort()).toEqual(['EARLY', 'LATE']);
      const period = await api.request(PayoutPeriodDocument, { regionId, month: previous }, { token: coordinator });
      expect(period.data!.payoutPeriod.notices.length, `${regionId} ${previous}`).toBeGreaterThan(0);
    }
  });

  it('when demo work is done, then feedback from both sides and supervision are there to read', async () => {
    for (const regionId of regions) {
      const coordinator = await api.token({ sub: `demo-coordinator-${regionId}`, grants: [`COORDINATOR@${regionId}`] });
      const without = await api.request(
        ExpertsWithoutSupportDocument,
        { regionId, kind: 'SUPERVISION', first: 100 },
        { token: coordinator },
      );
      const [counts] = await api.sql<{ feedback: number; supervised: number }>(
        `select (select count(*) from feedback_response where region_id = $1)::int as feedback,
                (select count(*) from support_meeting where region_id = $1 and attended)::int as supervised`,
        [regionId],
      );
      expect(counts).toEqual({ feedback: 4, supervised: 3 });
      expect(without.data!.expertsWithoutSupport.length).toBeGreaterThan(0);
    }
  });
});
