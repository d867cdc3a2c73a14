import { stringify } from 'csv-stringify/sync';
import { authorizeAnalysis } from '../auth/policy';
import { BadUserInputError } from '../common/errors';
import { checkListLength } from '../common/pagination';
import { enterRegions, type RequestScope } from '../scope';
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
  };
  for (const p of parts.filter((x) => x.part === 'sessions'))
    cells.set(keyOf(p), Object.fromEntries(keys.map((k) => [k, p[k]])));
  for (const p of parts) {
    const cell = cells.get(keyOf(p));
    if (!cell) continue;
    names[String(p.part)]!.forEach((name, i) => (cell[name] = p[`v${i + 1}`]));
  }
  return [...cells.values()].sort((a, b) => {
    for (const k of keys) {
      const x = String(a[k]);
      const y = String(b[k]);
      if (x !== y) return x < y ? -1 : 1;
    }
    return 0;
  });
}

/** SQL for each dimension over the session-level base (aliases: s session, o order, u unit, rz region rules). */
const DIMENSION_SQL: Record<MetricDimension, string> = {
  REGION: 'o.region_id',
  UNIT: `coalesce(o.unit_id::text, 'external')`,
  SERVICE_INTERFACE: `coalesce(u.service_interface_id, 'external')`,
  MONTH: `to_char(s.starts_at at time zone rz.tz, 'YYYY-MM')`,
  TASK_TYPE: 'o.task_type_id',
  TOPIC: 't.topic',
  ORDERING_MODEL: 'rz.model',
};

const FEEDBACK: Record<string, string> = {
  FEEDBACK_AVERAGE_EXPERT: 'EXPERT',
  FEEDBACK_AVERAGE_CLIENT: 'CLIENT',
  FEEDBACK_AVERAGE_PROFESSIONAL: 'PROFESSIONAL',
};

/**
 * Aggregates for analysts, as one SQL statement of GROUP BYs over the sessions in the period (no
 * entity is loaded). Never rows about individuals: a cell with fewer distinct experts than the
 * regions' threshold is suppressed, and enough others that totals do not give it away; a
 * feedback average with fewer respondents than the threshold is suppressed alone. A session
 * counts under each topic its order asks for.
 */
export class MetricsService {
  async table(ctx: RequestScope, input: MetricsInput): Promise<MetricsRow[]> {
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
    // Aggregates read every row of the regions asked for; the walls open for exactly those.
    await enterRegions(ctx.em, regionIds);

    const rz = configs.map(() => '(?, ?, ?)').join(', ');
    const rzParams = configs.flatMap((c) => [c.id, c.timeZone, c.orderingModel]);
    const dims = groupBy.map((d, i) => `${DIMENSION_SQL[d]} as d${i}`);
    const keys = groupBy.map((_, i) => `d${i}`);
    const by = (table: string) => (keys.length ? `group by ${keys.map((k) => `${table}.${k}`).join(', ')}` : '');
    const sel = (table: string) => keys.map((k) => `${table}.${k}`).join(', ') + (keys.length ? ',' : '');
    const topicJoin = groupBy.includes('TOPIC')
      ? `cross join lateral unnest(case when cardinality(o.topic_ids) > 0 then o.topic_ids else array['none'] end) as t(topic)`
      : '';
    const sql = `
      with rz(region_id, tz, model) as (values ${rz}),
      base as (
        select ${dims.join(', ')}${dims.length ? ',' : ''} s.id as session_id, o.id as order_id, s.outcome,
               s.worked_minutes, s.cancellation_class
          from order_session s
          join work_order o on o.id = s.order_id
          join rz on rz.region_id = o.region_id
          left join unit u on u.id = o.unit_id
          ${topicJoin}
         where o.region_id in (${regionIds.map(() => '?').join(', ')})
           and s.region_id in (${regionIds.map(() => '?').join(', ')})
           -- A day either side covers every time zone; the index on (region_id, starts_at) narrows to it.
           and s.starts_at >= ?::date - interval '1 day' and s.starts_at < ?::date + interval '2 days'
           and (s.starts_at at time zone rz.tz)::date between ?::date and ?::date
      ),
      orders as (select distinct ${sel('b')} b.order_id from base b),
      sessions as (
        select ${sel('b')}
               count(distinct b.order_id) as orders,
               count(*) filter (where b.outcome = 'COMPLETED') as completed,
               coalesce(sum(b.worked_minutes) filter (where b.outcome = 'COMPLETED'), 0) as minutes,
               count(*) filter (where b.cancellation_class = 'LATE') as late,
               count(*) filter (where b.outcome = 'CLIENT_NO_SHOW') as no_shows
          from base b ${by('b')}
      ),
      fees as (
        select ${sel('b')}
               sum(f.amount_cents) as fees,
               coalesce(sum(f.amount_cents) filter (where f.tax_class = 'SALARY'), 0) as salary,
               coalesce(sum(f.amount_cents) filter (where f.tax_class = 'WORK_COMPENSATION'), 0) as work_compensation
          from base b join fee_line f on f.session_id = b.session_id ${by('b')}
      ),
      people as (
        select ${sel('b')} count(distinct f.expert_id) as experts
          from orders b join order_offer f on f.order_id = b.order_id and f.status in ('ACCEPTED', 'WITHDRAWN') ${by('b')}
      ),
      offers as (
        select ${sel('b')}
               count(*) filter (where f.status in ('ACCEPTED', 'WITHDRAWN')) as accepted,
               count(*) filter (where f.status in ('ACCEPTED', 'WITHDRAWN', 'DECLINED', 'EXPIRED')) as answered
          from orders b join order_offer f on f.order_id = b.order_id ${by('b')}
      ),
      matched as (
        select ${sel('b')}
               percentile_cont(0.5) within group (order by extract(epoch from (m.first_accept - o.created_at)) / 3600) as median_hours
          from orders b
          join work_order o on o.id = b.order_id
          join lateral (select min(f.responded_at) as first_accept from order_offer f
                         where f.order_id = b.order_id and f.status in ('ACCEPTED', 'WITHDRAWN')) m on m.first_accept is not null
         ${by('b')}
      ),
      feedback as (
        select ${sel('b')}
               avg((a->>'scale')::numeric) filter (where r.respondent = 'EXPERT') as fb_expert,
               count(distinct r.id) filter (where r.respondent = 'EXPERT') as n_expert,
               avg((a->>'scale')::numeric) filter (where r.respondent = 'CLIENT') as fb_client,
               count(distinct r.id) filter (where r.respondent = 'CLIENT') as n_client,
               avg((a->>'scale')::numeric) filter (where r.respondent = 'PROFESSIONAL') as fb_professional,
               count(distinct r.id) filter (where r.respondent = 'PROFESSIONAL') as n_professional
          from orders b
          join feedback_response r on r.order_id = b.order_id
          cross join lateral jsonb_array_elements(r.answers) a
         where (a->>'scale') is not null
         ${by('b')}
      )
      -- Each part once, side by side; joining them in SQL made PostgreSQL re-sort every part per row.
      select 'sessions' as part, ${sel('p')} p.orders::numeric as v1, p.completed::numeric as v2, p.minutes::numeric as v3,
             p.late::numeric as v4, p.no_shows::numeric as v5, null::numeric as v6 from sessions p
      union all
      select 'fees', ${sel('p')} p.fees, p.salary, p.work_compensation, null, null, null from fees p
      union all
      select 'people', ${sel('p')} p.experts, null, null, null, null, null from people p
      union all
      select 'offers', ${sel('p')} p.accepted, p.answered, null, null, null, null from offers p
      union all
      select 'matched', ${sel('p')} p.median_hours::numeric, null, null, null, null, null from matched p
      union all
      select 'feedback', ${sel('p')} p.fb_expert, p.n_expert, p.fb_client, p.n_client, p.fb_professional, p.n_professional
        from feedback p`;
    const parts = await ctx.em.execute<Array<Record<string, unknown>>>(sql, [
      ...rzParams,
      ...regionIds,
      ...regionIds,
      input.from,
      input.to,
      input.from,
      input.to,
    ]);
    const rows = mergeParts(parts, keys);
    // Units are named, not shown as ids (one statement for the table's units).
    const unitIds = groupBy.includes('UNIT')
      ? [...new Set(rows.map((r) => String(r[`d${groupBy.indexOf('UNIT')}`])).filter((v) => v !== 'external'))]
      : [];
    const unitNames = new Map(
      unitIds.length
        ? (
            await ctx.em.execute<Array<{ id: string; name: string }>>(
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
        ? await ctx.em.execute<Array<{ region_id: string; topic: string; experts: string }>>(
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
      rows.map((r) => ({ key: keys.map((k) => String(r[k])), people: Number(r.experts) })),
      threshold,
    );
    const labels = (dimension: MetricDimension, value: string): string => {
      const config = configs.find((c) => c.id === value) ?? configs[0]!;
      const locale = config.locales[0]!;
      const pick = (label: Partial<Record<string, string>> | undefined) => label?.[locale] ?? value;
      switch (dimension) {
        case 'REGION':
          return pick(configs.find((c) => c.id === value)?.name);
        case 'TASK_TYPE':
          return pick(configs.flatMap((c) => c.taskTypes).find((t) => t.id === value)?.label);
        case 'TOPIC':
          return pick(configs.flatMap((c) => c.topics).find((t) => t.id === value)?.label);
        case 'UNIT':
          return unitNames.get(value) ?? (value === 'external' ? 'external requesters' : value);
        case 'SERVICE_INTERFACE':
          return pick(configs.flatMap((c) => c.serviceInterfaces).find((t) => t.id === value)?.label);
        default:
          return value;
      }
    };
    const number = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));
    return rows.map((r, i) => {
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
  }

  /** The same table as CSV: one column per dimension and measure; a suppressed value is empty. */
  async csv(ctx: RequestScope, input: MetricsInput): Promise<string> {
    authorizeAnalysis(ctx, 'Query.metricsCsv', input.regionIds);
    const rows = await this.table(ctx, input);
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
