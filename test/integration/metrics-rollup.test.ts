/**
 * The analysts' rollup answers whole-month tables with exactly the numbers the live data gives,
 * for every grouping; a change to the data sends the months it touches back to the live path
 * until the rollup has rebuilt them; and with DATABASE_READ_URL the tables come from the replica.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  AddOrderSessionDocument,
  CancelSessionDocument,
  FeedbackLinkDocument,
  MetricsDocument,
  RecordSessionOutcomeDocument,
  RespondToOfferDocument,
  SubmitClientFeedbackDocument,
  SubmitFeedbackDocument,
  type MetricDimension,
  type MetricsInput,
  type MetricsQuery,
  type Measure,
} from '../generated/graphql';
import { bootTestServer, type TestApi } from '../helpers/boot';
import { helsinki, offer, placeOrder, readyExpert, unitIn } from '../helpers/orders';
import { refreshMetricsRollup } from '../../src/metrics/rollup';
import { withDatabase } from '../../src/db/database';
import { inject } from 'vitest';

const ITA = 'ita-uusimaa';
const DIMENSIONS: MetricDimension[] = [
  'REGION',
  'UNIT',
  'SERVICE_INTERFACE',
  'MONTH',
  'TASK_TYPE',
  'TOPIC',
  'ORDERING_MODEL',
];
const MEASURES: Measure[] = [
  'ORDERS',
  'SESSIONS_COMPLETED',
  'MINUTES_WORKED',
  'FEES_CENTS',
  'FEES_SALARY_CENTS',
  'FEES_WORK_COMPENSATION_CENTS',
  'LATE_CANCELLATIONS',
  'NO_SHOWS',
  'OFFER_ACCEPTANCE_RATE',
  'MEDIAN_HOURS_TO_MATCH',
  'DISTINCT_EXPERTS',
  'FEEDBACK_AVERAGE_EXPERT',
  'FEEDBACK_AVERAGE_CLIENT',
  'FEEDBACK_AVERAGE_PROFESSIONAL',
  'TOPIC_SUPPLY',
  'TOPIC_DEMAND',
];
const PERIODS = [
  ['2026-04-01', '2026-04-30'],
  ['2026-04-01', '2026-05-31'],
  ['2026-05-01', '2026-06-30'],
];

let api: TestApi;
let clock = new Date(helsinki('2026-03-20T09:00'));
let analyst: string;
let coordinator: string;
let professional: string;
const orders: Array<{ id: string; sessions: string[]; expertToken: string }> = [];

/** Every grouping of up to two dimensions, and some of three. */
function groupings(): MetricDimension[][] {
  const pairs = DIMENSIONS.flatMap((a, i) => DIMENSIONS.slice(i + 1).map((b) => [a, b]));
  return [
    [],
    ...DIMENSIONS.map((d) => [d]),
    ...pairs,
    ['MONTH', 'UNIT', 'TOPIC'],
    ['REGION', 'MONTH', 'TASK_TYPE'],
    ['UNIT', 'TASK_TYPE', 'TOPIC'],
  ];
}

const tableOf = async (input: MetricsInput, token = analyst): Promise<MetricsQuery['metrics']> => {
  const result = await api.request(MetricsDocument, { input }, { token });
  expect(result.errors).toBeUndefined();
  return result.data!.metrics;
};

/** Rows with values rounded far below any difference a reader could see (numeric vs float averages). */
const comparable = (table: MetricsQuery['metrics']) =>
  table.rows.map((r) => ({
    ...r,
    values: r.values.map((v) => ({ ...v, value: v.value == null ? null : Math.round(v.value * 1e9) / 1e9 })),
  }));

beforeAll(async () => {
  // The timer never fires during the test; the refresh is run where the test says so.
  api = await bootTestServer({ now: () => clock, env: { METRICS_ROLLUP_INTERVAL_SECONDS: '86400' } });
  coordinator = await api.token({ sub: 'kaisa', grants: [`COORDINATOR@${ITA}`] });
  analyst = await api.token({ sub: 'thl-ita', grants: [`ANALYST@${ITA}`] });
  const unitA = await unitIn(api, ITA, 'Aikuissosiaalityö', 'working-age');
  const unitB = await unitIn(api, ITA, 'Perhepalvelut', 'child-family');
  professional = await api.token({ sub: 'marja', grants: [`PROFESSIONAL@${ITA}/${unitA}`] });
  const experts: Array<{ id: string; token: string }> = [];
  for (let i = 0; i < 12; i++) {
    const account = `rollup-${i}`;
    const id = await readyExpert(api, coordinator, ITA, {
      displayName: `Asiantuntija ${i}`,
      accountId: account,
      taskTypeIds: ['individual-work', 'lecture-training'],
      topicIds: ['mental-health', 'addictions'],
      unitIds: [unitA, unitB],
    });
    experts.push({ id, token: await api.token({ sub: account, grants: [`EXPERT@${ITA}`] }) });
  }
  for (let i = 0; i < 12; i++) {
    const inA = i < 7;
    const day = String(6 + i).padStart(2, '0');
    // Some orders span April and May, so that an order counts in each month but once in a year.
    const dates =
      i % 3 === 0 ? [`2026-04-${day}`, `2026-05-${day}`] : i % 3 === 1 ? [`2026-04-${day}`] : [`2026-05-${day}`];
    const order = await placeOrder(api, coordinator, {
      regionId: ITA,
      unitId: inA ? unitA : unitB,
      taskTypeId: inA ? 'individual-work' : 'lecture-training',
      topicIds: i % 2 ? ['mental-health', 'addictions'] : i % 4 === 0 ? [] : ['mental-health'],
      title: `Tilaus ${i}`,
      language: 'fi',
      municipality: 'Porvoo',
      preparationMinutes: i % 2 ? 30 : 0,
      sessions: dates.map((d) => ({ startsAt: helsinki(`${d}T10:00`), endsAt: helsinki(`${d}T11:30`) })),
    });
    const mine = experts[i]!;
    const other = experts[(i + 1) % 12]!;
    // Half the orders are declined by another expert before their own expert accepts, hours later.
    clock = new Date(clock.getTime() + (i + 1) * 3_600_000);
    const offered = await offer(api, coordinator, order.id, i % 2 ? [mine.id, other.id] : [mine.id]);
    const offerOf = (expertId: string) => offered.offers.find((o) => o.expert.id === expertId)!.id;
    if (i % 2) {
      const declined = await api.request(
        RespondToOfferDocument,
        { offerId: offerOf(other.id), accept: false },
        { token: other.token },
      );
      expect(declined.errors).toBeUndefined();
    }
    clock = new Date(clock.getTime() + (i + 2) * 3_600_000);
    const accepted = await api.request(
      RespondToOfferDocument,
      { offerId: offerOf(mine.id), accept: true },
      { token: mine.token },
    );
    expect(accepted.errors).toBeUndefined();
    orders.push({ id: order.id, sessions: order.sessions.map((s) => s.id), expertToken: mine.token });
  }
  // One late cancellation (the day before, after the deadline), then the outcomes afterwards.
  clock = new Date(helsinki('2026-05-16T16:00'));
  const late = await api.request(
    CancelSessionDocument,
    { sessionId: orders[11]!.sessions[0]!, reason: 'asiakas sairastui' },
    { token: coordinator },
  );
  expect(late.errors).toBeUndefined();
  clock = new Date(helsinki('2026-06-15T09:00'));
  for (const [i, order] of orders.entries()) {
    for (const sessionId of order.sessions) {
      if (i === 11) continue;
      const outcome = i === 4 ? { outcome: 'CLIENT_NO_SHOW' as const } : { outcome: 'COMPLETED' as const, minutes: 90 };
      const recorded = await api.request(
        RecordSessionOutcomeDocument,
        { sessionId, input: outcome },
        { token: coordinator },
      );
      expect(recorded.errors).toBeUndefined();
    }
  }
  // Feedback from all three sides on unit A's orders (its professional, the experts, clients through links).
  for (const [i, order] of orders.slice(0, 7).entries()) {
    if (i === 4) continue;
    const fromProfessional = await api.request(
      SubmitFeedbackDocument,
      { orderId: order.id, answers: [{ questionId: 'cooperation', scale: 1 + (i % 5) }] },
      { token: professional },
    );
    expect(fromProfessional.errors).toBeUndefined();
    const fromExpert = await api.request(
      SubmitFeedbackDocument,
      { orderId: order.id, answers: [{ questionId: 'support-received', scale: 5 - (i % 3) }] },
      { token: order.expertToken },
    );
    expect(fromExpert.errors).toBeUndefined();
    const link = (await api.request(FeedbackLinkDocument, { orderId: order.id }, { token: professional })).data!
      .feedbackLink;
    const fromClient = await api.request(SubmitClientFeedbackDocument, {
      token: link.token,
      answers: [{ questionId: 'useful', scale: 3 + (i % 3) }],
    });
    expect(fromClient.errors).toBeUndefined();
  }
});
afterAll(() => api?.close());

describe('the metrics rollup', () => {
  it('when the rollup has rebuilt the months, then every grouping of every whole-month period gives the live numbers', async () => {
    const inputs = PERIODS.flatMap(([from, to]) =>
      groupings().map((groupBy) => ({ regionIds: [ITA], from: from!, to: to!, groupBy, measures: MEASURES })),
    );
    const live = [];
    for (const input of inputs) {
      const table = await tableOf(input);
      expect(table.source).toBe('LIVE');
      live.push(comparable(table));
    }
    // The data is rich enough that shown values are compared, not only suppressed cells.
    const year = await tableOf({ ...inputs[0]!, from: '2026-04-01', to: '2026-05-31', groupBy: [] });
    expect(year.rows[0]!.suppressed).toBe(false);
    expect(year.rows[0]!.values.find((v) => v.measure === 'ORDERS')!.value).toBe(12);

    expect(await refreshMetricsRollup(api.server.services)).toBeGreaterThan(0);
    for (const [i, input] of inputs.entries()) {
      const table = await tableOf(input);
      expect(table.source).toBe('ROLLUP');
      expect({ input, rows: comparable(table) }).toEqual({ input, rows: live[i] });
    }
  });

  it('when a table comes from the rollup, then the request costs two round trips: its statement (BEGIN and both region settings go ahead of it in its message) and COMMIT', async () => {
    await refreshMetricsRollup(api.server.services);
    const input = {
      regionIds: [ITA],
      from: '2026-04-01',
      to: '2026-05-31',
      groupBy: ['MONTH', 'TASK_TYPE'] as MetricDimension[],
      measures: MEASURES,
    };
    const result = await api.request(MetricsDocument, { input }, { token: analyst });
    expect(result.errors).toBeUndefined();
    expect(result.data!.metrics.source).toBe('ROLLUP');
    expect(result.statements).toBe(2);
  });

  it('when an order spanning two months gets feedback, then both months are computed live until the next refresh, which shows it', async () => {
    await refreshMetricsRollup(api.server.services);
    const input: MetricsInput = {
      regionIds: [ITA],
      from: '2026-04-01',
      to: '2026-05-31',
      groupBy: ['UNIT'],
      measures: ['FEEDBACK_AVERAGE_PROFESSIONAL', 'ORDERS'],
    };
    const june: MetricsInput = { ...input, from: '2026-06-01', to: '2026-06-30' };
    expect((await tableOf(input)).source).toBe('ROLLUP');
    // Order 7 is unit B's, in April and May; its professional answers.
    const unitB = await api.sql<{ unit_id: string }>(`select unit_id from work_order where id = $1`, [orders[7]!.id]);
    const nurse = await api.token({ sub: 'pekka', grants: [`PROFESSIONAL@${ITA}/${unitB[0]!.unit_id}`] });
    for (const orderId of [orders[9]!.id, orders[10]!.id, orders[8]!.id, orders[7]!.id]) {
      const answered = await api.request(
        SubmitFeedbackDocument,
        { orderId, answers: [{ questionId: 'cooperation', scale: 4 }] },
        { token: nurse },
      );
      expect(answered.errors).toBeUndefined();
    }
    const live = await tableOf(input);
    expect(live.source).toBe('LIVE');
    // A month no change touched is still answered from the rollup.
    expect((await tableOf(june)).source).toBe('ROLLUP');
    await refreshMetricsRollup(api.server.services);
    const rolled = await tableOf(input);
    expect(rolled.source).toBe('ROLLUP');
    expect(comparable(rolled)).toEqual(comparable(live));
  });

  it('when an order gets a session in an earlier month, then after the refresh it is counted once across both months', async () => {
    const saved = clock;
    clock = new Date(helsinki('2026-06-01T09:00'));
    const unit = await unitIn(api, ITA, 'Aikuissosiaalityö', 'working-age');
    const order = await placeOrder(api, coordinator, {
      regionId: ITA,
      unitId: unit,
      taskTypeId: 'individual-work',
      topicIds: ['addictions'],
      title: 'Tilaus heinäkuulle',
      language: 'fi',
      municipality: 'Porvoo',
      preparationMinutes: 0,
      sessions: [{ startsAt: helsinki('2026-07-20T10:00'), endsAt: helsinki('2026-07-20T11:00') }],
    });
    await refreshMetricsRollup(api.server.services);
    const measures: Measure[] = ['ORDERS', 'OFFER_ACCEPTANCE_RATE', 'MEDIAN_HOURS_TO_MATCH', 'DISTINCT_EXPERTS'];
    const throughJuly: MetricsInput = { regionIds: [ITA], from: '2026-05-01', to: '2026-07-31', groupBy: [], measures };
    const throughJune: MetricsInput = { ...throughJuly, to: '2026-06-30' };
    const ordersIn = (t: MetricsQuery['metrics']) => {
      expect(t.rows[0]!.suppressed).toBe(false);
      return t.rows[0]!.values.find((v) => v.measure === 'ORDERS')!.value;
    };
    const before = [await tableOf(throughJuly), await tableOf(throughJune)];
    expect(before.map((t) => t.source)).toEqual(['ROLLUP', 'ROLLUP']);
    // The order had its only session in July; it starts in June now.
    const added = await api.request(
      AddOrderSessionDocument,
      { orderId: order.id, input: { startsAt: helsinki('2026-06-22T10:00'), endsAt: helsinki('2026-06-22T11:00') } },
      { token: coordinator },
    );
    clock = saved;
    expect(added.errors).toBeUndefined();
    const live = [await tableOf(throughJuly), await tableOf(throughJune)];
    expect(live.map((t) => t.source)).toEqual(['LIVE', 'LIVE']);
    // Once in May to July as before; and now in May to June too.
    expect(ordersIn(live[0]!)).toBe(ordersIn(before[0]!));
    expect(ordersIn(live[1]!)).toBe(ordersIn(before[1]!)! + 1);
    await refreshMetricsRollup(api.server.services);
    const rolled = [await tableOf(throughJuly), await tableOf(throughJune)];
    expect(rolled.map((t) => t.source)).toEqual(['ROLLUP', 'ROLLUP']);
    expect(rolled.map(comparable)).toEqual(live.map(comparable));
  });

  it('when two refreshes run at once, then both finish and the tables match the live data', async () => {
    await api.sql(
      `insert into metrics_stale_month (region_id, month) values ($1, '2026-04'), ($1, '2026-05'), ($1, '2026-06')`,
      [ITA],
    );
    const input: MetricsInput = {
      regionIds: [ITA],
      from: '2026-04-01',
      to: '2026-06-30',
      groupBy: ['TASK_TYPE', 'TOPIC'],
      measures: MEASURES,
    };
    const live = await tableOf(input);
    expect(live.source).toBe('LIVE');
    const rebuilt = await Promise.all([
      refreshMetricsRollup(api.server.services),
      refreshMetricsRollup(api.server.services),
    ]);
    expect(rebuilt[0] + rebuilt[1]).toBeGreaterThanOrEqual(3);
    const rolled = await tableOf(input);
    expect(rolled.source).toBe('ROLLUP');
    expect(comparable(rolled)).toEqual(comparable(live));
  });

  it('when the period does not end on a month boundary, then the table is computed live', async () => {
    await refreshMetricsRollup(api.server.services);
    const table = await tableOf({
      regionIds: [ITA],
      from: '2026-04-01',
      to: '2026-05-15',
      groupBy: ['MONTH'],
      measures: ['SESSIONS_COMPLETED'],
    });
    expect(table.source).toBe('LIVE');
    expect(table.rows.map((r) => r.dimensions[0]!.value)).toEqual(['2026-04', '2026-05']);
  });
});

describe('metrics on a read replica', () => {
  it('when DATABASE_READ_URL is set, then the tables come from that database', async () => {
    // The "replica" is another database on the same server, holding other data: what the tables
    // show tells which connection answered.
    const replica = await bootTestServer({ env: { METRICS_ROLLUP_INTERVAL_SECONDS: '86400' } });
    let reader: TestApi | undefined;
    try {
      const readUrl = withDatabase(inject('maintenanceUrl'), replica.database);
      reader = await bootTestServer({
        sameDatabaseAs: api,
        now: () => clock,
        env: { DATABASE_READ_URL: readUrl, METRICS_ROLLUP_INTERVAL_SECONDS: '86400' },
      });
      const input: MetricsInput = {
        regionIds: [ITA],
        from: '2026-04-01',
        to: '2026-05-31',
        groupBy: [],
        measures: ['ORDERS'],
      };
      const token = await reader.token({ sub: 'thl-ita', grants: [`ANALYST@${ITA}`] });
      const onPrimary = await tableOf(input);
      expect(onPrimary.rows[0]).toMatchObject({ suppressed: false, values: [{ measure: 'ORDERS', value: 12 }] });
      const fromReplica = await reader.request(MetricsDocument, { input }, { token });
      expect(fromReplica.errors).toBeUndefined();
      // The replica has no work at all: one empty cell, with no expert behind it, so suppressed.
      expect(fromReplica.data!.metrics.rows).toEqual([
        { dimensions: [], values: [{ measure: 'ORDERS', value: null }], suppressed: true },
      ]);
    } finally {
      await reader?.close();
      await replica.close();
    }
  });
});
