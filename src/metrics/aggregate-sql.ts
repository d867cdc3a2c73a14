import type { RegionConfig } from '../region/region-config';
import type { MetricDimension } from './metrics.service';
import { MATCH_HOURS } from './rollup';

/** What both statements need: the regions (with their rules now), the grouping and the period. */
export interface AggregateQuery {
  regionIds: string[];
  configs: RegionConfig[];
  groupBy: MetricDimension[];
  from: string;
  to: string;
}

/** SQL for each dimension over the session-level base (aliases: s session, o order, u unit, rz region rules). */
export const DIMENSION_SQL: Record<MetricDimension, string> = {
  REGION: 'o.region_id',
  UNIT: `coalesce(o.unit_id::text, 'external')`,
  SERVICE_INTERFACE: `coalesce(u.service_interface_id, 'external')`,
  MONTH: `to_char(s.starts_at at time zone rz.tz, 'YYYY-MM')`,
  TASK_TYPE: 'o.task_type_id',
  TOPIC: 't.topic',
  ORDERING_MODEL: 'rz.model',
};

/** The live aggregate: one statement of GROUP BYs over the sessions of the period. */
export function liveStatement({ regionIds, configs, groupBy, from, to }: AggregateQuery): [string, unknown[]] {
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
               percentile_cont(0.5) within group (order by ${MATCH_HOURS('m.first_accept')}) as median_hours
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
  return [sql, [...rzParams, ...regionIds, ...regionIds, from, to, from, to]];
}

/**
 * The months from `from` to `to` when the period is whole months (first day to last day), else
 * null: the rollup is kept by month, so only whole months can be answered from it.
 */
export function wholeMonths(from: string, to: string): string[] | null {
  const [fy, fm, fd] = from.split('-').map(Number) as [number, number, number];
  const [ty, tm, td] = to.split('-').map(Number) as [number, number, number];
  const lastDay = new Date(Date.UTC(ty, tm, 0)).getUTCDate();
  if (fd !== 1 || td !== lastDay) return null;
  const months: string[] = [];
  for (let y = fy, m = fm; y < ty || (y === ty && m <= tm); m === 12 ? ((y += 1), (m = 1)) : (m += 1)) {
    months.push(`${y}-${String(m).padStart(2, '0')}`);
    // A period of more than 25 years is answered live rather than by a long list of months.
    if (months.length > 300) return null;
  }
  return months;
}

/** Dimensions over the rollup's cells `c` and order facts `f` (aliases: u unit, rz region rules, t topic). */
const ROLLUP_DIMENSION_SQL: Record<MetricDimension, (table: 'c' | 'f') => string> = {
  REGION: (x) => `${x}.region_id`,
  UNIT: (x) => `${x}.unit_key`,
  SERVICE_INTERFACE: () => `coalesce(u.service_interface_id, 'external')`,
  MONTH: (x) => `${x}.month`,
  TASK_TYPE: (x) => `${x}.task_type_id`,
  TOPIC: (x) => (x === 'c' ? 'c.topic' : 't.topic'),
  ORDERING_MODEL: () => 'rz.model',
};

const FEEDBACK_SIDES = ['expert', 'client', 'professional'];
const FEEDBACK_COLUMNS = FEEDBACK_SIDES.flatMap((side) =>
  ['sum', 'answers', 'responses'].map((k) => `fb_${side}_${k}`),
);

/**
 * The same parts as the live statement, from the rollup. Sums add up across cells; experts are
 * counted from the cells' bit sets, so they stay exact; medians are left to the caller, which gets
 * the cells' match-time histograms (`histogram` rows: hours `h` with counts `n`). An order spans
 * months: by MONTH it counts in each month it has a session in, as live; across months it counts
 * once, from the cells' figures for orders that started in their month, plus the few orders that
 * started before the period and go on into it (`crossing`).
 *
 * The same statement says whether the rollup may answer (a `state` row: `v1` 1 when a month of
 * the period changed since the rollup last rebuilt it, `v2` the widest expert set of its months),
 * so that a table costs one round trip. Expert sets are cast to `expertBits`, padding narrower
 * ones with zeros; the answer counts only when no month's sets are wider.
 */
export function rollupStatement(
  { regionIds, configs, groupBy }: AggregateQuery,
  months: string[],
  expertBits: number,
): [string, unknown[]] {
  // A type modifier cannot be a parameter; this one is an integer, the widest set the rollup answered.
  if (!Number.isSafeInteger(expertBits) || expertBits < 1) throw new Error(`bad expert set width ${expertBits}`);
  const keys = groupBy.map((_, i) => `d${i}`);
  // Cells per unit only when the table is split by unit; else the all-units cells ('*').
  const byUnit = groupBy.includes('UNIT') || groupBy.includes('SERVICE_INTERFACE');
  const byMonth = groupBy.includes('MONTH');
  const byTopic = groupBy.includes('TOPIC');
  const rz = configs.map(() => '(?, ?, ?)').join(', ');
  const rzParams = configs.flatMap((c) => [c.id, c.timeZone, c.orderingModel]);
  const dims = (x: 'c' | 'f') => groupBy.map((d, i) => `${ROLLUP_DIMENSION_SQL[d](x)} as d${i}`);
  const sel = (table: string) => keys.map((k) => `${table}.${k}`).join(', ') + (keys.length ? ',' : '');
  const by = (table: string) => (keys.length ? `group by ${keys.map((k) => `${table}.${k}`).join(', ')}` : '');
  const inRegions = `in (${regionIds.map(() => '?').join(', ')})`;
  // Units are joined only to name their service interface.
  const unitJoin = groupBy.includes('SERVICE_INTERFACE')
    ? (x: string) => `left join unit u on u.id::text = ${x}.unit_key`
    : () => '';
  const cells = `
      cells as (
        select ${dims('c').join(', ')}${keys.length ? ',' : ''} c.*
          from metrics_cell c
          join rz on rz.region_id = c.region_id
          ${unitJoin('c')}
         where c.region_id ${inRegions} and c.month = any (?::text[]) and c.topic ${byTopic ? "<> ''" : "= ''"}
           and c.unit_key ${byUnit ? "<> '*'" : "= '*'"}
      )`;
  const crossing = `,
      crossing as (
        select ${dims('f').join(', ')}${keys.length ? ',' : ''} f.*
          from metrics_order_month x
          join metrics_order f on f.order_id = x.order_id
          join rz on rz.region_id = f.region_id
          ${unitJoin('f')}
          ${byTopic ? 'cross join lateral unnest(f.topics) as t(topic)' : ''}
         where x.region_id ${inRegions} and x.month = ? and not x.first and f.months && ?::text[]
      )`;
  /** Order-level columns per group: by month the cells' own; else once per order. */
  const orderLevel = (columns: Array<[cell: string, first: string, crossing: string]>) =>
    byMonth
      ? `select ${sel('p')} ${columns.map(([c], i) => `p.${c} as v${i}`).join(', ')} from cells p`
      : `select ${sel('p')} ${columns.map(([, c], i) => `p.${c} as v${i}`).join(', ')} from cells p
         union all
         select ${sel('q')} ${columns.map(([, , c], i) => `${c} as v${i}`).join(', ')} from crossing q`;
  const noValues = 'null, null, null, null, null, null';
  // Histograms as the cells keep them (a handful of hours each); orders crossing into the period one
  // by one (counts null), per group.
  const histograms = byMonth
    ? `select 'histogram', ${sel('p')} ${noValues}, p.match_hours, p.match_counts
         from cells p where cardinality(p.match_hours) > 0`
    : `select 'histogram', ${sel('p')} ${noValues}, p.first_match_hours, p.first_match_counts
         from cells p where cardinality(p.first_match_hours) > 0
       union all
       select 'histogram', ${sel('q')} ${noValues}, array_agg(q.match_hours), null
         from crossing q where q.match_hours is not null ${by('q')}`;
  const feedback = FEEDBACK_COLUMNS.map((c): [string, string, string] => [c, c.replace('fb_', 'fb_first_'), `q.${c}`]);
  const feedbackValues = FEEDBACK_SIDES.flatMap((_, i) => [
    `sum(o.v${i * 3})::numeric / nullif(sum(o.v${i * 3 + 1}), 0)`,
    `sum(o.v${i * 3 + 2})::numeric`,
  ]).join(', ');
  const state = `
      state as (
        select exists (select 1 from metrics_stale_month where region_id ${inRegions} and month = any (?::text[])) as stale,
               coalesce((select max(expert_bits) from metrics_month
                          where region_id ${inRegions} and month = any (?::text[])), 1) as bits
      ),`;
  const sql = `
      with ${state}
      rz(region_id, tz, model) as (values ${rz}),${cells}${byMonth ? '' : crossing}
      select 'sessions' as part, ${sel('p')} ${byMonth ? 'coalesce(sum(p.orders), 0)::numeric' : 'null::numeric'} as v1,
             coalesce(sum(p.completed), 0)::numeric as v2, coalesce(sum(p.minutes), 0)::numeric as v3,
             coalesce(sum(p.late), 0)::numeric as v4, coalesce(sum(p.no_shows), 0)::numeric as v5, null::numeric as v6,
             null::double precision[] as h, null::int[] as n
        from cells p ${by('p')}
      union all
      select 'fees', ${sel('p')} sum(p.fees)::numeric, sum(p.salary)::numeric, sum(p.work_compensation)::numeric,
             null, null, null, null, null
        from cells p where p.fees is not null ${by('p')}
      union all
      select 'people', ${sel('x')} coalesce(sum(x.experts), 0)::numeric, null, null, null, null, null, null, null
        from (select ${sel('p')} bit_count(bit_or(p.experts::bit(${expertBits}))) as experts
                from cells p group by ${[...keys.map((k) => `p.${k}`), 'p.region_id'].join(', ')}
              -- Ordinals are per region and an expert belongs to one: the regions' counts add up.
              having bit_count(bit_or(p.experts::bit(${expertBits}))) > 0) x ${by('x')}
      union all
      select 'offers', ${sel('o')} sum(o.v0)::numeric, sum(o.v1)::numeric, null, null, null, null, null, null
        from (${orderLevel([
          ['accepted', 'first_accepted', 'q.accepted'],
          ['answered', 'first_answered', 'q.answered'],
        ])}) o ${by('o')}
      union all
      ${histograms}
      union all
      select 'feedback', ${sel('o')} ${feedbackValues}, null, null
        from (${orderLevel(feedback)}) o ${by('o')}
      ${
        byMonth
          ? ''
          : `union all
      select 'orders', ${sel('o')} sum(o.v0)::numeric, null, null, null, null, null, null, null
        from (${orderLevel([['orders', 'first_orders', '1']])}) o ${by('o')}`
      }
      union all
      select 'state', ${keys.map(() => 'null, ').join('')} s.stale::int::numeric, s.bits::numeric,
             null, null, null, null, null, null
        from state s`;
  const monthList = `{${months.join(',')}}`;
  const stateParams = [...regionIds, monthList, ...regionIds, monthList];
  const crossingParams = [...regionIds, months[0]!, monthList];
  return [sql, [...stateParams, ...rzParams, ...regionIds, monthList, ...(byMonth ? [] : crossingParams)]];
}
