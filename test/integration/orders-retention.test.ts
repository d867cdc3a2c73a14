/**
 * What orders keep only for a while: an external requester's contact details and the experts'
 * session reports are forgotten a region-set number of days after the order closes.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  OrderDocument,
  RecordSessionOutcomeDocument,
  RespondToOfferDocument,
  WriteSessionReportDocument,
} from '../generated/graphql';
import { forgetExpiredOrderData } from '../../src/orders/retention';
import { bootTestServer, type TestApi } from '../helpers/boot';
import { helsinki, offer, placeOrder, readyExpert } from '../helpers/orders';

const LAPLAND = 'lapland';
const DAY = 86_400_000;
let clock = new Date(helsinki('2026-06-15T09:00'));

describe('retention of order data (Lapland: 90 days for requesters, 30 for reports)', () => {
  let api: TestApi;
  let coordinator: string;
  let orderId: string;
  let closedAt: Date;

  beforeAll(async () => {
    api = await bootTestServer({ now: () => clock });
    coordinator = await api.token({ sub: 'lauri', grants: [`COORDINATOR@${LAPLAND}`] });
    const expertId = await readyExpert(api, coordinator, LAPLAND, {
      displayName: 'Aino',
      accountId: 'aino',
      taskTypeIds: ['own-story'],
      remote: true,
    });
    const aino = await api.token({ sub: 'aino', grants: [`EXPERT@${LAPLAND}`] });
    // Recorded after the fact: the talk was given yesterday.
    const order = await placeOrder(api, coordinator, {
      regionId: LAPLAND,
      externalRequester: {
        organisation: 'Sodankylän yläkoulu',
        contactPerson: 'Rehtori Riitta',
        email: 'riitta@example.fi',
        phone: '+358 40 111 2222',
      },
      taskTypeId: 'own-story',
      title: 'Ahdistuksen kanssa eläminen',
      language: 'fi',
      remote: true,
      sessions: [{ startsAt: helsinki('2026-06-14T10:00'), endsAt: helsinki('2026-06-14T11:00') }],
    });
    orderId = order.id;
    const offered = await offer(api, coordinator, orderId, [expertId]);
    await api.request(RespondToOfferDocument, { offerId: offered.offers[0]!.id, accept: true }, { token: aino });
    const report = await api.request(
      WriteSessionReportDocument,
      { sessionId: order.sessions[0]!.id, text: 'Oppilaat kysyivät paljon.' },
      { token: aino },
    );
    expect(report.errors).toBeUndefined();
    const done = await api.request(
      RecordSessionOutcomeDocument,
      { sessionId: order.sessions[0]!.id, input: { outcome: 'COMPLETED', minutes: 60 } },
      { token: coordinator },
    );
    expect(done.data!.recordSessionOutcome.order.status).toBe('DONE');
    closedAt = clock;
  });
  afterAll(() => api?.close());

  const seen = async () => (await api.request(OrderDocument, { id: orderId }, { token: coordinator })).data!.order;

  it('when less than the retention has passed, then the report and the contact person are kept', async () => {
    clock = new Date(closedAt.getTime() + 29 * DAY);
    await forgetExpiredOrderData(api.server.services, clock);
    const order = await seen();
    expect(order.sessions[0]!.report).toBe('Oppilaat kysyivät paljon.');
    expect(order.externalRequester).toMatchObject({
      organisation: 'Sodankylän yläkoulu',
      contactPerson: 'Rehtori Riitta',
    });
  });

  it('when 30 days have passed since the order closed, then the report is gone and the requester kept', async () => {
    clock = new Date(closedAt.getTime() + 30 * DAY);
    const results = await forgetExpiredOrderData(api.server.services, clock);
    expect(results.find((r) => r.regionId === LAPLAND)).toEqual({
      regionId: LAPLAND,
      requestersErased: 0,
      reportsDeleted: 1,
    });
    const order = await seen();
    expect(order.sessions[0]!.report).toBeNull();
    expect(order.externalRequester?.contactPerson).toBe('Rehtori Riitta');
    const [row] = await api.sql<{ report: string | null }>('select report from order_session where order_id = $1', [
      orderId,
    ]);
    expect(row!.report).toBeNull();
  });

  it('when 90 days have passed, then the contact details are erased and the organisation stays', async () => {
    clock = new Date(closedAt.getTime() + 90 * DAY);
    await forgetExpiredOrderData(api.server.services, clock);
    const order = await seen();
    expect(order.externalRequester).toEqual({
      organisation: 'Sodankylän yläkoulu',
      contactPerson: null,
      email: null,
      phone: null,
    });
    const [row] = await api.sql<{ text: string }>(
      'select external_requester::text as text from work_order where id = $1',
      [orderId],
    );
    expect(row!.text).not.toMatch(/Riitta|example\.fi|2222/);
  });
});
