/**
 * Aggregates for analysts (scenario 7), on small hand-made data: fees, minutes, cancellations,
 * waiting and feedback by unit and month, with small cells suppressed and enough others that no
 * total gives a suppressed value away.
 */
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  MetricsCsvDocument,
  MetricsDocument,
  ProposeRegionRevisionDocument,
  RecordSessionOutcomeDocument,
  RespondToOfferDocument,
  SubmitFeedbackDocument,
  type MetricsInput,
} from '../generated/graphql';
import { bootTestServer, errorCodes, type TestApi } from '../helpers/boot';
import { helsinki, offer, placeOrder, readyExpert, unitIn } from '../helpers/orders';

const ITA = 'ita-uusimaa';
let api: TestApi;
let analyst: string;
let national: string;
const units: Record<string, string> = {};

const input = (over: Partial<MetricsInput> = {}): MetricsInput => ({
  regionIds: [ITA],
  from: '2026-05-01',
  to: '2026-05-31',
  groupBy: ['UNIT'],
  measures: ['FEES_CENTS', 'DISTINCT_EXPERTS', 'SESSIONS_COMPLETED', 'MINUTES_WORKED'],
  ...over,
});

beforeAll(async () => {
  api = await bootTestServer();
  const coordinator = await api.token({ sub: 'kaisa', grants: [`COORDINATOR@${ITA}`] });
  analyst = await api.token({ sub: 'thl-ita', grants: [`ANALYST@${ITA}`] });
  national = await api.token({ sub: 'thl', grants: ['NATIONAL_ANALYST@lapland'] });
  // Unit A: 5 experts, unit B: 2 (too few to show), unit C: 7.
  for (const [name, experts] of [
    ['A', 5],
    ['B', 2],
    ['C', 7],
  ] as const) {
    const unitId = await unitIn(api, ITA, `Yksikkö ${name}`, 'working-age');
    units[name] = unitId;
    const professional = await api.token({ sub: `professional-${name}`, grants: [`PROFESSIONAL@${ITA}/${unitId}`] });
    for (let i = 0; i < experts; i++) {
      const account = `metrics-${name}-${i}`;
      const id = await readyExpert(api, coordinator, ITA, {
        displayName: `${name}${i}`,
        accountId: account,
        taskTypeIds: ['individual-work'],
        unitIds: [unitId],
      });
      const token = await api.token({ sub: account, grants: [`EXPERT@${ITA}`] });
      const order = await placeOrder(api, coordinator, {
        regionId: ITA,
        unitId,
        taskTypeId: 'individual-work',
        title: 'Tapaaminen',
        language: 'fi',
        municipality: 'Porvoo',
        sessions: [
          {
            startsAt: helsinki(`2026-05-${String(4 + i).padStart(2, '0')}T10:00`),
            endsAt: helsinki(`2026-05-${String(4 + i).padStart(2, '0')}T11:30`),
          },
        ],
      });
      const offered = await offer(api, coordinator, order.id, [id]);
      await api.request(RespondToOfferDocument, { offerId: offered.offers[0]!.id, accept: true }, { token });
      await api.request(
        RecordSessionOutcomeDocument,
        { sessionId: order.sessions[0]!.id, input: { outcome: 'COMPLETED', minutes: 90 } },
        { token: coordinator },
      );
      if (name === 'C' && i < 3)
        await api.request(
          SubmitFeedbackDocument,
          { orderId: order.id, answers: [{ questionId: 'cooperation', scale: 4 }] },
          { token: professional },
        );
    }
  }
});
afterAll(() => api?.close());

const value = (row: { values: Array<{ measure: string; value?: number | null }> }, measure: string) =>
  row.values.find((v) => v.measure === measure)?.value ?? null;

describe('metrics with small-cell suppression', () => {
  it('when a unit has two experts, then its cell is suppressed, and so is the next smallest, so the total does not give it away', async () => {
    const rows = (await api.request(MetricsDocument, { input: input() }, { token: analyst })).data!.metrics.rows;
    const byUnit = new Map(rows.map((r) => [r.dimensions[0]!.value, r]));
    expect(byUnit.get(units.C!)!.dimensions[0]!.label).toBe('Yksikkö C');
    expect(byUnit.get(units.B!)).toMatchObject({ suppressed: true });
    expect(byUnit.get(units.B!)!.values.every((v) => v.value === null)).toBe(true);
    expect(byUnit.get(units.A!)).toMatchObject({ suppressed: true });
    const c = byUnit.get(units.C!)!;
    expect(c.suppressed).toBe(false);
    expect([
      value(c, 'FEES_CENTS'),
      value(c, 'DISTINCT_EXPERTS'),
      value(c, 'SESSIONS_COMPLETED'),
      value(c, 'MINUTES_WORKED'),
    ]).toEqual([7 * 4500, 7, 7, 7 * 90]);
    const total = (await api.request(MetricsDocument, { input: input({ groupBy: [] }) }, { token: analyst })).data!
      .metrics.rows;
    expect(total).toHaveLength(1);
    expect(value(total[0]!, 'FEES_CENTS')).toBe(14 * 4500);
    // Total less the shown unit gives A and B together (7 experts), never B alone.
  });

  it('when feedback comes from fewer respondents than the threshold, then its average is null, never zero', async () => {
    const rows = (
      await api.request(
        MetricsDocument,
        { input: input({ measures: ['FEEDBACK_AVERAGE_PROFESSIONAL', 'ORDERS'] }) },
        { token: analyst },
      )
    ).data!.metrics.rows;
    const c = rows.find((r) => r.dimensions[0]!.value === units.C)!;
    expect(value(c, 'ORDERS')).toBe(7);
    expect(value(c, 'FEEDBACK_AVERAGE_PROFESSIONAL')).toBeNull();
  });

  it('when a national analyst compares the regions by month and task type (scenario 7), then every region is read and labels come from the region', async () => {
    const rows = (
      await api.request(
        MetricsDocument,
        {
          input: {
            regionIds: [ITA, 'vantaa-kap', 'lapland'],
            from: '2026-01-01',
            to: '2026-12-31',
            groupBy: ['REGION', 'MONTH', 'TASK_TYPE'],
            measures: [
              'FEES_CENTS',
              'MINUTES_WORKED',
              'LATE_CANCELLATIONS',
              'MEDIAN_HOURS_TO_MATCH',
              'OFFER_ACCEPTANCE_RATE',
              'FEEDBACK_AVERAGE_CLIENT',
            ],
          },
        },
        { token: national },
      )
    ).data!.metrics.rows;
    expect(rows).toHaveLength(1);
    expect(rows[0]!.dimensions.map((d) => [d.dimension, d.value])).toEqual([
      ['REGION', ITA],
      ['MONTH', '2026-05'],
      ['TASK_TYPE', 'individual-work'],
    ]);
    expect(rows[0]!.dimensions[2]!.label).toBe('Yksilötyö');
    expect(value(rows[0]!, 'FEES_CENTS')).toBe(14 * 4500);
    expect(value(rows[0]!, 'OFFER_ACCEPTANCE_RATE')).toBe(1);
    expect(value(rows[0]!, 'LATE_CANCELLATIONS')).toBe(0);
    expect(value(rows[0]!, 'FEEDBACK_AVERAGE_CLIENT')).toBeNull();
  });

  it('when the table is downloaded, then suppressed values are empty, not zero', async () => {
    const csv = (await api.request(MetricsCsvDocument, { input: input() }, { token: analyst })).data!.metricsCsv;
    const rows = parse<Record<string, string>>(csv, { columns: true });
    const b = rows.find((r) => r.unit === units.B)!;
    expect(b).toMatchObject({ fees_cents: '', distinct_experts: '', suppressed: 'true' });
    expect(rows.find((r) => r.unit === units.C)!.fees_cents).toBe(String(7 * 4500));
  });

  it('when an analyst asks about another region, or someone who is no analyst asks, then FORBIDDEN', async () => {
    const other = await api.request(MetricsDocument, { input: input({ regionIds: ['lapland'] }) }, { token: analyst });
    expect(errorCodes(other)).toEqual(['FORBIDDEN']);
    const coordinator = await api.token({ sub: 'kaisa', grants: [`COORDINATOR@${ITA}`] });
    expect(errorCodes(await api.request(MetricsDocument, { input: input() }, { token: coordinator }))).toEqual([
      'FORBIDDEN',
    ]);
    const bad = await api.request(MetricsDocument, { input: input({ regionIds: [] }) }, { token: national });
    expect(errorCodes(bad)).toEqual(['BAD_USER_INPUT']);
  });
});

describe('the threshold', () => {
  it('when an admin lowers the threshold below 3, then the revision is refused naming the field; raising it is allowed', async () => {
    const admin = await api.token({ sub: 'anna', grants: [`REGION_ADMIN@${ITA}`] });
    const propose = (smallCellThreshold: number) =>
      api.request(
        ProposeRegionRevisionDocument,
        {
          input: {
            regionId: ITA,
            effectiveFrom: '2027-03-01T00:00:00Z',
            reason: 'Kynnys',
            changes: { metrics: { smallCellThreshold } },
          },
        },
        { token: admin },
      );
    const lowered = await propose(2);
    expect(errorCodes(lowered)).toEqual(['BAD_USER_INPUT']);
    expect(lowered.errors![0]!.message).toContain('metrics.smallCellThreshold');
    expect((await propose(8)).errors).toBeUndefined();
  });
});

describe('supply against demand per topic', () => {
  it('when grouped by topic, then the active experts with the topic stand beside the orders asking for it', async () => {
    const coordinator = await api.token({ sub: 'kaisa', grants: [`COORDINATOR@${ITA}`] });
    const order = await placeOrder(api, coordinator, {
      regionId: ITA,
      unitId: units.C!,
      expertsNeeded: 5,
      taskTypeId: 'individual-work',
      topicIds: ['mental-health'],
      title: 'Mielenterveys',
      language: 'fi',
      municipality: 'Porvoo',
      sessions: [{ startsAt: helsinki('2026-05-20T10:00'), endsAt: helsinki('2026-05-20T11:00') }],
    });
    // Five experts of unit C take it, so the cell has enough people to be shown.
    const experts = await api.sql<{ id: string; account_id: string }>(
      `select id, account_id from expert where account_id like 'metrics-C-%' order by account_id limit 5`,
    );
    const offered = await offer(
      api,
      coordinator,
      order.id,
      experts.map((e) => e.id),
    );
    for (const e of experts) {
      const token = await api.token({ sub: e.account_id, grants: [`EXPERT@${ITA}`] });
      const offerId = offered.offers.find((o) => o.expert.id === e.id)!.id;
      expect((await api.request(RespondToOfferDocument, { offerId, accept: true }, { token })).errors).toBeUndefined();
    }
    const rows = (
      await api.request(
        MetricsDocument,
        { input: input({ groupBy: ['TOPIC'], measures: ['TOPIC_SUPPLY', 'TOPIC_DEMAND'] }) },
        { token: analyst },
      )
    ).data!.metrics.rows;
    const byTopic = Object.fromEntries(
      rows.map((r) => [r.dimensions[0]!.value, [value(r, 'TOPIC_SUPPLY'), value(r, 'TOPIC_DEMAND')]]),
    );
    // Every expert here has mental health as their topic; the other orders asked for no topic.
    expect(byTopic['mental-health']).toEqual([14, 1]);
    expect(byTopic.none).toEqual([null, 14]);
  });
});
