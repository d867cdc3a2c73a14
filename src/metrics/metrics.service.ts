import { stringify } from 'csv-stringify/sync';
import { authorizeAnalysis } from '../auth/policy';
import { BadUserInputError } from '../common/errors';
import { checkListLength } from '../common/pagination';
import type { EntityManager } from '@mikro-orm/postgresql';
import { inTransaction } from '../db/transaction';
import { enterRegions, type RequestScope } from '../scope';
import { liveStatement, rollupStatement, wholeMonths, type AggregateQuery } from './aggregate-sql';
import { medianOfHistograms, type HistogramPart } from './median';
import { suppressedCells } from './suppression';

export const METRIC_DIMENSIONS = [
  'REGION',
  'UNIT',
  'SERVICE_INTERFACE',
  'MONTH',
  'TASK_TYPE',
  'TOPIC',
  'ORDERING_MODEL',
] as const;
export type MetricDimension = (typeof METRIC_DIMENSIONS)[number];

export const MEASURES = [
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
] as const;
export type Measure = (typeof MEASURES)[number];

export interface MetricsInput {
  regionIds: string[];
  from: string;
  to: string;
  groupBy: MetricDimension[];
  measures: Measure[];
}

/** Where a table was computed: the rollup when every month of the period is up to date, else the live data. */
export type MetricsSource = 'LIVE' | 'ROLLUP';

export interface MetricsTable {
  source: MetricsSource;
  rows: MetricsRow[];
}

export interface MetricsRow {
  dimensions: Array<{ dimension: MetricDimension; value: string; label: string }>;
  values: Array<{ measure: Measure; value: number | null }>;
  suppressed: boolean;
}

/** One row per cell from the parts of the statement, in the order of the cells' keys. */
function mergeParts(parts: Array<Record<string, unknown>>, keys: readonly string[]): Array<Record<string, unknown>> {
  const cells = new Map<string, Record<string, unknown>>();
  const keyOf = (p: Record<string, unknown>) => JSON.stringify(keys.map((k) => p[k]));
  const names: Record<string, string[]> = {
    sessions: ['orders', 'completed', 'minutes', 'late', 'no_shows'],
    fees: ['fees', 'salary', 'work_compensation'],
    people: ['experts'],
    offers: ['accepted', 'answered'],
    matched: ['median_hours'],
    feedback: ['fb_expert', 'n_expert', 'fb_client', 'n_client', 'fb_professional', 'n_professional'],
    // From the rollup's order facts, when orders are counted across months.
    orders: ['orders'],
  };
  // From the rollup: histograms of match times, several per cell, whose median is taken here.
  const histograms = new Map<Record<string, unknown>, HistogramPart[]>();
  const sessions = parts.filter((x) => x.part === 'sessions');
  for (const p of sessions) cells.set(keyOf(p), Object.fromEntries(keys.map((k) => [k, p[k]])));
  for (const p of [...sessions, ...parts.filter((x) => x.part !== 'sessions')]) {
    const cell = p.part === 'state' ? undefined : cells.get(keyOf(p));
    if (!cell) continue;
    if (p.part !== 'histogram') names[String(p.part)]!.forEach((name, i) => (cell[name] = p[`v${i + 1}`]));
    else {
      const histogram: HistogramPart = { hours: p.h as number[] | null, counts: p.n as number[] | null };
      const known = histograms.get(cell);
      if (known) known.push(histogram);
      else histograms.set(cell, [histogram]);
    }
  }
  for (const [cell, known] of histograms) cell.median_hours = medianOfHistograms(known);
  return [...cells.values()].sort((a, b) => {
    for (const k of keys) {
      const x = String(a[k]);
      const y = String(b[k]);
      if (x !== y) return x < y ? -1 : 1;
    }
    return 0;
  });
}

/**
 * The label of a dimension's value, in the first locale of the value's region (of the first
 * region for values that are not regions): looked up in maps built once per table, since a
 * table labels every cell.
 */
function labelsOf(
  configs: AggregateQuery['configs'],
  unitNames: Map<string, string>,
): (dimension: MetricDimension, value: string) => string {
  const locale = (config: AggregateQuery['configs'][number]) => config.locales[0]!;
  const named = (items: Array<{ id: string; label?: Partial<Record<string, string>> }>, at: string) =>
    new Map(items.map((item) => [item.id, item.label?.[at]]));
  const first = configs[0]!;
  // The first region's label wins for an id several regions share, as it always has.
  const byDimension: Partial<Record<MetricDimension, Map<string, string | undefined>>> = {
    REGION: new Map(configs.map((c) => [c.id, c.name?.[locale(c)]])),
    TASK_TYPE: named([...configs.flatMap((c) => c.taskTypes)].reverse(), locale(first)),
    TOPIC: named([...configs.flatMap((c) => c.topics)].reverse(), locale(first)),
    SERVICE_INTERFACE: named([...configs.flatMap((c) => c.serviceInterfaces)].reverse(), locale(first)),
  };
  return (dimension, value) => {
    if (dimension === 'UNIT') return unitNames.get(value) ?? (value === 'external' ? 'external requesters' : value);
    return byDimension[dimension]?.get(value) ?? value;
  };
}

const FEEDBACK: Record<string, string> = {
  FEEDBACK_AVERAGE_EXPERT: 'EXPERT',
  FEEDBACK_AVERAGE_CLIENT: 'CLIENT',
  FEEDBACK_AVERAGE_PROFESSIONAL: 'PROFESSIONAL',
};

/**
 * Planner settings for the aggregates' transaction. The rollup's rows are read by index, from
 * memory: at PostgreSQL's default cost of a random read (4, made for spinning disks) the planner
 * scanned all order facts to find the 2,000 that cross into a period (200 ms against 20), or
 * started a parallel worker to find none (7 ms of a 12 ms statement).
 */
const AGGREGATE_SETTINGS = { random_page_cost: '1.1' };

/**
 * Aggregates for analysts, as one SQL statement of GROUP BYs over the sessions in the period (no
 * entity is loaded). Never rows about individuals: a cell with fewer distinct experts than the
 * regions' threshold is suppressed, and enough others that totals do not give it away; a
 * feedback average with fewer respondents than the threshold is suppressed alone. A session
 * counts under each topic its order asks for.
 */
export class MetricsService {
  async table(ctx: RequestScope, input: MetricsInput): Promise<MetricsTable> {
    const regionIds = [...new Set(input.regionIds)];
    checkListLength('input.regionIds', regionIds);
    authorizeAnalysis(ctx, 'Query.metrics', regionIds);
    if (!regionIds.length) throw new BadUserInputError('input.regionIds', 'name at least one region');
    const configs = await Promise.all(
      regionIds.map(async (id, i) => {
        if (!ctx.services.regions.list().some((r) => r.id === id))
          throw new BadUserInputError(`input.regionIds[${i}]`, `unknown region "${id}"`);
        return (await ctx.services.regions.rulesAt(ctx, id, ctx.now())).config;
      }),
    );
    if (input.to < input.from) throw new BadUserInputError('input.to', 'must not be before input.from');
    const groupBy = [...new Set(input.groupBy)];
    const measures = [...new Set(input.measures)];
    if (!measures.length) throw new BadUserInputError('input.measures', 'ask for at least one measure');
    const keys = groupBy.map((_, i) => `d${i}`);
    const query: AggregateQuery = { regionIds, configs, groupBy, from: input.from, to: input.to };
    // On a read replica when one is configured, so that analytics never slow the API.
    return this.onReadConnection(ctx, regionIds, async (em) => {
      const months = wholeMonths(input.from, input.to);
      const rolledUp = months && (await this.fromRollup(em, query, months));
      const parts = rolledUp || (await em.execute<Array<Record<string, unknown>>>(...liveStatement(query)));
      const rows = mergeParts(parts, keys);
      // Units are named, not shown as ids (one statement for the table's units).
      const unitIds = groupBy.includes('UNIT')
        ? [...new Set(rows.map((r) => String(r[`d${groupBy.indexOf('UNIT')}`])).filter((v) => v !== 'external'))]
        : [];
      const unitNames = new Map(
        unitIds.length
          ? (
              await em.execute<Array<{ id: string; name: string }>>(
                `select id, name from unit where id in (${unitIds.map(() => '?').join(', ')})`,
                unitIds,
              )
            ).map((u) => [u.id, u.name])
          : [],
      );
      const threshold = Math.max(...configs.map((c) => c.metrics.smallCellThreshold));
      // Supply against demand per topic: ACTIVE experts with the topic (now) beside the orders asking for it.
      const topicAt = groupBy.indexOf('TOPIC');
      const regionAt = groupBy.indexOf('REGION');
      const supply =
        topicAt >= 0 && measures.includes('TOPIC_SUPPLY')
          ? await em.execute<Array<{ region_id: string; topic: string; experts: string }>>(
              `select e.region_id, t.topic, count(*) as experts
               from expert e cross join lateral unnest(e.topic_ids) as t(topic)
              where e.region_id in (${regionIds.map(() => '?').join(', ')}) and e.status = 'ACTIVE' and e.erased_at is null
              group by e.region_id, t.topic`,
              regionIds,
            )
          : [];
      const supplyOf = (r: Record<string, unknown>): number | null => {
        if (topicAt < 0) return null;
        const topic = String(r[`d${topicAt}`]);
        const experts = supply
          .filter((s) => s.topic === topic && (regionAt < 0 || s.region_id === String(r[`d${regionAt}`])))
          .reduce((sum, s) => sum + Number(s.experts), 0);
        // A count of people with a topic of experience is special-category data: small counts are not shown.
        return experts >= threshold ? experts : null;
      };
      const hidden = suppressedCells(
        // A cell without an accepted expert has none to count: zero people, suppressed.
        rows.map((r) => ({ key: keys.map((k) => String(r[k])), people: Number(r.experts ?? 0) })),
        threshold,
      );
      const labels = labelsOf(configs, unitNames);
      const number = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));
      const table = rows.map((r, i) => {
        const suppressed = hidden.has(i);
        const values = measures.map((measure) => {
          if (suppressed) return { measure, value: null };
          const feedback = FEEDBACK[measure];
          if (feedback) {
            const respondents = Number(r[`n_${feedback.toLowerCase()}`] ?? 0);
            // Feedback from fewer people than the threshold is not shown, never as a zero.
            return { measure, value: respondents >= threshold ? number(r[`fb_${feedback.toLowerCase()}`]) : null };
          }
          const value = ((): number | null => {
            switch (measure) {
              case 'ORDERS':
                return number(r.orders);
              case 'SESSIONS_COMPLETED':
                return number(r.completed);
              case 'MINUTES_WORKED':
                return number(r.minutes);
              case 'FEES_CENTS':
                return number(r.fees);
              case 'FEES_SALARY_CENTS':
                return number(r.salary);
              case 'FEES_WORK_COMPENSATION_CENTS':
                return number(r.work_compensation);
              case 'LATE_CANCELLATIONS':
                return number(r.late);
              case 'NO_SHOWS':
                return number(r.no_shows);
              case 'DISTINCT_EXPERTS':
                return number(r.experts);
              case 'OFFER_ACCEPTANCE_RATE':
                return Number(r.answered ?? 0) > 0 ? Number(r.accepted) / Number(r.answered) : null;
              case 'MEDIAN_HOURS_TO_MATCH':
                return number(r.median_hours);
              case 'TOPIC_SUPPLY':
                return supplyOf(r);
              case 'TOPIC_DEMAND':
                return topicAt >= 0 ? number(r.orders) : null;
              default:
                return null;
            }
          })();
          return { measure, value };
        });
        return {
          dimensions: groupBy.map((dimension, j) => {
            const value = String(r[`d${j}`]);
            return { dimension, value, label: labels(dimension, value) };
          }),
          values,
          suppressed,
        };
      });
      return { source: rolledUp ? 'ROLLUP' : 'LIVE', rows: table } as const;
    });
  }

  /**
   * The widest expert set (bits) the rollup has answered with in this process. Sets are cast to
   * it, so it only grows; a statement that finds wider sets is sent again with them.
   */
  private expertSetWidth = 1;

  /** The table's parts from the rollup, or null when a month of the period changed since it was rebuilt. */
  private async fromRollup(
    em: EntityManager,
    query: AggregateQuery,
    months: string[],
  ): Promise<Array<Record<string, unknown>> | null> {
    for (;;) {
      const width = this.expertSetWidth;
      const parts = await em.execute<Array<Record<string, unknown>>>(...rollupStatement(query, months, width));
      const state = parts.find((p) => p.part === 'state');
      if (!state || Number(state.v1) !== 0) return null;
      const bits = Number(state.v2);
      if (bits <= width) return parts;
      this.expertSetWidth = Math.max(this.expertSetWidth, bits);
    }
  }

  /**
   * Runs the table's statements with the walls open for exactly the regions asked for (aggregates
   * read every row of them): on the read replica in a transaction of its own when
   * DATABASE_READ_URL is set, otherwise in the request's transaction.
   */
  private async onReadConnection<T>(
    ctx: RequestScope,
    regionIds: string[],
    work: (em: EntityManager) => Promise<T>,
  ): Promise<T> {
    const replica = ctx.services.readOrm;
    if (!replica) {
      await enterRegions(ctx.em, regionIds, [], AGGREGATE_SETTINGS);
      return work(ctx.em);
    }
    return inTransaction(replica.em, async (em) => {
      await enterRegions(em, regionIds, [], AGGREGATE_SETTINGS);
      return work(em);
    });
  }

  /** The same table as CSV: one column per dimension and measure; a suppressed value is empty. */
  async csv(ctx: RequestScope, input: MetricsInput): Promise<string> {
    authorizeAnalysis(ctx, 'Query.metricsCsv', input.regionIds);
    const { rows } = await this.table(ctx, input);
    const header = [
      ...input.groupBy.map((d) => d.toLowerCase()),
      ...input.measures.map((m) => m.toLowerCase()),
      'suppressed',
    ];
    return stringify(
      [
        header,
        ...rows.map((r) => [
          ...r.dimensions.map((d) => d.value),
          ...r.values.map((v) => (v.value === null ? '' : String(v.value))),
          r.suppressed ? 'true' : 'false',
        ]),
      ],
      { record_delimiter: 'windows' },
    );
  }
}
