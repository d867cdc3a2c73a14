/**
 * Two API instances on one PostgreSQL, as two replicas behind a load balancer: the writes that
 * must not happen twice or be lost (offer acceptances, idempotent orders, revision publishing)
 * hold when concurrent requests arrive through both, and a revision published through one is in
 * force on the other within a second.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CreateOrderDocument,
  ProposeRegionRevisionDocument,
  PublishRegionRevisionDocument,
  RegionRulesDocument,
  RespondToOfferDocument,
  ViewerDocument,
} from '../generated/graphql';
import { bootTestServer, errorCodes, type TestApi } from '../helpers/boot';
import { helsinki, offer, placeOrder, readyExpert, unitIn } from '../helpers/orders';

const VANTAA = 'vantaa-kap';
const LAPLAND = 'lapland';
const NOW = new Date(helsinki('2026-06-15T09:00'));

let first: TestApi;
let second: TestApi;
/** Request i goes to instance i mod 2, as a round-robin balancer sends it. */
const via = (i: number) => (i % 2 === 0 ? first : second);

beforeAll(async () => {
  first = await bootTestServer({ now: () => NOW });
  second = await bootTestServer({ now: () => NOW, sameDatabaseAs: first });
});
afterAll(async () => {
  await second?.close();
  await first?.close();
});

describe('offers accepted through both instances', () => {
  it('when 20 experts accept an order needing three at once through both instances, then exactly three win and the rest get CONFLICT', async () => {
    const coordinator = await first.token({ sub: 'pia', grants: [`COORDINATOR@${VANTAA}`] });
    const unitId = await unitIn(first, VANTAA, 'Mielenterveyspalvelut', 'mental-health-substance');
    const professional = await first.token({ sub: 'nina', grants: [`PROFESSIONAL@${VANTAA}/${unitId}`] });
    const experts = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        readyExpert(via(i), coordinator, VANTAA, {
          displayName: `Kaksoset ${i}`,
          accountId: `twin-${i}`,
          taskTypeIds: ['lecture-training'],
        }),
      ),
    );
    const order = await placeOrder(second, professional, {
      regionId: VANTAA,
      taskTypeId: 'lecture-training',
      title: 'Koulutuspäivä kahdella palvelimella',
      language: 'fi',
      municipality: 'Vantaa',
      expertsNeeded: 3,
      sessions: [{ startsAt: helsinki('2026-09-10T09:00'), endsAt: helsinki('2026-09-10T10:00') }],
    });
    const offered = await offer(first, coordinator, order.id, experts);
    const byExpert = new Map(offered.offers.map((o) => [o.expert.id, o.id]));
    const tokens = await Promise.all(
      experts.map((_, i) => first.token({ sub: `twin-${i}`, grants: [`EXPERT@${VANTAA}`] })),
    );

    const results = await Promise.all(
      experts.map((id, i) =>
        via(i).request(RespondToOfferDocument, { offerId: byExpert.get(id)!, accept: true }, { token: tokens[i] }),
      ),
    );

    const outcomes = results.map((r) => errorCodes(r)[0] ?? 'ACCEPTED');
    expect(outcomes.filter((o) => o === 'ACCEPTED')).toHaveLength(3);
    expect(outcomes.filter((o) => o === 'CONFLICT')).toHaveLength(17);
    const stored = await first.sql<{ status: string; n: string }>(
      'select status, count(*) as n from order_offer where order_id = $1 group by status order by status',
      [order.id],
    );
    expect(stored.map((r) => [r.status, Number(r.n)])).toEqual([
      ['ACCEPTED', 3],
      ['FILLED', 17],
    ]);
    const [row] = await first.sql<{ status: string }>('select status from work_order where id = $1', [order.id]);
    expect(row!.status).toBe('ACCEPTED');
  });
});

describe('an idempotency key sent through both instances', () => {
  it('when 20 retries of one createOrder arrive at once through both instances, then one order exists and every retry gets it', async () => {
    const unitId = await unitIn(first, VANTAA, 'Perhepalvelut', 'family-services');
    const professional = await first.token({ sub: 'outi', grants: [`PROFESSIONAL@${VANTAA}/${unitId}`] });
    const input = {
      regionId: VANTAA,
      taskTypeId: 'lecture-training',
      title: 'Yksi tilaus, monta yritystä',
      language: 'fi',
      municipality: 'Vantaa',
      sessions: [{ startsAt: helsinki('2026-09-17T09:00'), endsAt: helsinki('2026-09-17T10:00') }],
    };
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        via(i).request(
          CreateOrderDocument,
          { input },
          { token: professional, headers: { 'Idempotency-Key': 'two-instances-1' } },
        ),
      ),
    );
    expect(results.flatMap((r) => errorCodes(r))).toEqual([]);
    expect(new Set(results.map((r) => r.data!.createOrder.id)).size).toBe(1);
    const orders = await first.sql<{ id: string }>('select id from work_order where idempotency_key = $1', [
      'two-instances-1',
    ]);
    expect(orders).toHaveLength(1);
    const sessions = await first.sql('select id from order_session where order_id = $1', [orders[0]!.id]);
    expect(sessions).toHaveLength(1);
  });
});

describe('revisions published through both instances', () => {
  async function propose(
    api: TestApi,
    token: string,
    effectiveFrom: string,
    changes: Record<string, unknown>,
  ): Promise<string> {
    const result = await api.request(
      ProposeRegionRevisionDocument,
      { input: { regionId: LAPLAND, effectiveFrom, reason: 'sääntömuutos', changes } },
      { token },
    );
    expect(result.errors).toBeUndefined();
    return result.data!.proposeRegionRevision.id;
  }
  const rulesAt = async (api: TestApi, at: string) => {
    const region = (await api.request(RegionRulesDocument, { id: LAPLAND, at })).data!.region!;
    return { noticeDueDay: region.payoutSchedule.noticeDueDay, ...region.cancellationPolicy, description: undefined };
  };
  const noticeDay = async (api: TestApi, at: string) => (await rulesAt(api, at)).noticeDueDay;

  it('when two admins publish six drafts at once through both instances, then each is published once and both instances apply all of them', async () => {
    const admins = await Promise.all(
      ['aila', 'veikko'].map((sub) => first.token({ sub, grants: [`REGION_ADMIN@${LAPLAND}`] })),
    );
    // One rule per month of 2027, so that no draft changes what another one changed before it.
    const drafts = [
      { payoutSchedule: { noticeDueDay: 12 } },
      { cancellationPolicy: { latePaid: false } },
      { cancellationPolicy: { noShowPaid: false } },
      { cancellationPolicy: { emptyGroupPaid: false } },
      { cancellationPolicy: { rescheduleByAgreement: false } },
      { cancellationPolicy: { groupEndedPaid: true } },
    ];
    const ids = await Promise.all(
      drafts.map((changes, i) => propose(via(i), admins[i % 2]!, `2027-0${i + 1}-01T00:00:00+02:00`, changes)),
    );

    const results = await Promise.all(
      ids.map((id, i) => via(i + 1).request(PublishRegionRevisionDocument, { id }, { token: admins[i % 2] })),
    );
    expect(results.flatMap((r) => errorCodes(r))).toEqual([]);

    const rows = await first.sql<{ status: string; version: number }>(
      'select status, version from region_revision where id = any($1::uuid[])',
      [ids],
    );
    expect(rows).toHaveLength(6);
    // Proposed at version 1; one publish each makes it 2.
    expect(new Set(rows.map((r) => `${r.status}@${r.version}`))).toEqual(new Set(['PUBLISHED@2']));
    const expected = {
      noticeDueDay: 12,
      latePaid: false,
      noShowPaid: false,
      emptyGroupPaid: false,
      rescheduleByAgreement: false,
      groupEndedPaid: true,
    };
    for (const api of [first, second]) expect(await rulesAt(api, '2027-06-15T12:00:00Z')).toMatchObject(expected);
    for (const api of [first, second])
      expect(await rulesAt(api, '2027-01-15T12:00:00Z')).toMatchObject({ noticeDueDay: 12, latePaid: true });
  });

  it('when one draft is published through both instances at once, then one publish wins and the other gets CONFLICT', async () => {
    const admin = await first.token({ sub: 'aila', grants: [`REGION_ADMIN@${LAPLAND}`] });
    const id = await propose(first, admin, '2027-10-01T00:00:00+03:00', { payoutSchedule: { noticeDueDay: 25 } });
    const results = await Promise.all(
      [first, second].map((api) => api.request(PublishRegionRevisionDocument, { id }, { token: admin })),
    );
    expect(results.map((r) => errorCodes(r)[0] ?? 'OK').sort()).toEqual(['CONFLICT', 'OK']);
    const [row] = await first.sql<{ status: string; version: number }>(
      'select status, version from region_revision where id = $1',
      [id],
    );
    expect(row).toEqual({ status: 'PUBLISHED', version: 2 });
  });

  it('when a revision is published through one instance under load, then the other applies it within a second', async () => {
    const admin = await first.token({ sub: 'aila', grants: [`REGION_ADMIN@${LAPLAND}`] });
    const reader = await first.token({ sub: 'lauri', grants: [`COORDINATOR@${LAPLAND}`] });
    const at = '2027-11-15T12:00:00Z';
    const id = await propose(first, admin, '2027-11-01T00:00:00+02:00', { payoutSchedule: { noticeDueDay: 3 } });
    expect(await noticeDay(second, at)).not.toBe(3);

    // Readers keep both instances busy meanwhile: public rules and queries in a transaction.
    let loading = true;
    const load = Array.from({ length: 6 }, async (_, i) => {
      let failures = 0;
      while (loading) {
        const result =
          i % 2 === 0
            ? await via(i).request(RegionRulesDocument, { id: LAPLAND, at })
            : await via(i).request(ViewerDocument, {}, { token: reader });
        if (result.errors) failures += 1;
      }
      return failures;
    });

    const published = await first.request(PublishRegionRevisionDocument, { id }, { token: admin });
    expect(published.errors).toBeUndefined();
    const committed = Date.now();
    let seen = await noticeDay(second, at);
    while (seen !== 3 && Date.now() - committed < 2_000) {
      await new Promise((resolve) => setTimeout(resolve, 10));
      seen = await noticeDay(second, at);
    }
    const elapsed = Date.now() - committed;
    loading = false;
    expect(await Promise.all(load)).toEqual([0, 0, 0, 0, 0, 0]);
    expect(seen).toBe(3);
    expect(elapsed).toBeLessThan(1_000);
  });
});
