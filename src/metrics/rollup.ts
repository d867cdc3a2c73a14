import type { EntityManager } from '@mikro-orm/postgresql';
import type { Logger } from '../common/logger';
import { withSystemScope } from '../scope';
import type { Services } from '../services';

/** How often each instance rebuilds the months that changed; a table asked for meanwhile is computed live. */
export const ROLLUP_INTERVAL_MS = 30_000;

/** The session rows of one region and month (in the region's time zone): `?` region, month, month, tz, month. */
const SESSIONS_OF_MONTH = `
  s.region_id = ? and s.starts_at >= (?::text || '-01')::date - interval '1 day'
  and s.starts_at < (?::text || '-01')::date + interval '1 month 1 day'
  and to_char(s.starts_at at time zone ?, 'YYYY-MM') = ?`;

/** Hours from an order's request to its first acceptance, to the minute (the live aggregate uses the same). */
export const MATCH_HOURS = (acceptedAt: string) =>
  `round(extract(epoch from (${acceptedAt} - o.created_at)) / 60) / 60`;

const ACCEPTED = `('ACCEPTED', 'WITHDRAWN')`;
const ANSWERED = `('ACCEPTED', 'WITHDRAWN', 'DECLINED', 'EXPIRED')`;

/**
 * Per side: sum and count of scale answers and count of responses, over feedback rows `r` with
 * answers `a`, named `${prefix}expert_sum` and so on; `only` narrows the rows counted.
 */
const feedbackSums = (prefix = 'fb_', only = 'true') =>
  ['EXPERT', 'CLIENT', 'PROFESSIONAL']
    .map((side) => {
      const name = `${prefix}${side.toLowerCase()}`;
      const where = `r.respondent = '${side}' and ${only}`;
      return `coalesce(sum((a->>'scale')::numeric) filter (where ${where}), 0)::int as ${name}_sum,
            count(*) filter (where ${where}) as ${name}_answers,
            count(distinct r.id) filter (where ${where}) as ${name}_responses`;
    })
    .join(',\n');
const FEEDBACK_SUMS = feedbackSums();
const feedbackColumns = (prefix = 'fb_') =>
  ['expert', 'client', 'professional'].flatMap((s) => [
    `${prefix}${s}_sum`,
    `${prefix}${s}_answers`,
    `${prefix}${s}_responses`,
  ]);
const FEEDBACK_COLUMNS = feedbackColumns();
/** The same, counting only orders whose first session is in the cell's month. */
const FIRST_FEEDBACK_COLUMNS = feedbackColumns('fb_first_');

/** Cells per unit, and the same over all units ('*'). */
const CELL_GROUPS = (extra = '') =>
  `grouping sets ((unit_key, task_type_id, topic${extra}), (task_type_id, topic${extra}))`;
const CELL_KEY = `coalesce(unit_key, '*') as unit_key, task_type_id, topic`;

/**
 * Rebuilds one region's month of the rollup in the caller's transaction: the month's marks go
 * first, so a change committed while this runs leaves its mark for the next refresh; then the
 * month's cells and the facts of every order with a session in it (or that had one).
 */
export async function rebuildMonth(
  em: EntityManager,
  regionId: string,
  timeZone: string,
  month: string,
): Promise<void> {
  await em.execute(`delete from metrics_stale_month where region_id = ? and month = ?`, [regionId, month]);
  await em.execute(`delete from metrics_cell where region_id = ? and month = ?`, [regionId, month]);
  const where = [regionId, month, month, timeZone, month];
  // The refresh numbers the region's experts first, in a short transaction of its own; an expert
  // who accepted since is numbered here (waiting on other refreshes of the region, rarely).
  const [numbered] = await em.execute<Array<{ bits: number; missing: boolean }>>(
    `select (select coalesce(max(ordinal), 0) + 1 from metrics_expert where region_id = ?) as bits,
            exists (select 1 from order_session s
                      join order_offer f on f.order_id = s.order_id and f.status in ${ACCEPTED}
                     where ${SESSIONS_OF_MONTH}
                       and not exists (select 1 from metrics_expert m where m.expert_id = f.expert_id)) as missing`,
    [regionId, ...where],
  );
  const expertBits = numbered?.missing ? await numberExperts(em, regionId) : Number(numbered?.bits ?? 1);
  await em.execute(
    `with base as (
       select coalesce(o.unit_id::text, 'external') as unit_key, o.task_type_id, t.topic, s.id as session_id,
              o.id as order_id, s.outcome, s.worked_minutes, s.cancellation_class
         from order_session s
         join work_order o on o.id = s.order_id and o.region_id = s.region_id
         -- '' counts each session once; then once under each topic its order asks for.
         cross join lateral unnest(array[''] || case when cardinality(o.topic_ids) > 0 then o.topic_ids
                                                     else array['none'] end) as t(topic)
        where ${SESSIONS_OF_MONTH}
     ),
     -- Whether the order's first session (of all its sessions) is in this month: a table over
     -- several months counts an order once, in the month where it started.
     firsts as (
       select d.order_id
         from (select distinct order_id from base) d
         cross join lateral (select min(f.starts_at) as at from order_session f where f.order_id = d.order_id) m
        where to_char(m.at at time zone ?, 'YYYY-MM') = ?
     ),
     orders as (
       select b.*, exists (select 1 from firsts f where f.order_id = b.order_id) as is_first
         from (select distinct unit_key, task_type_id, topic, order_id from base) b
     ),
     sessions as (
       select ${CELL_KEY}, count(distinct order_id) as orders,
              count(*) filter (where outcome = 'COMPLETED') as completed,
              coalesce(sum(worked_minutes) filter (where outcome = 'COMPLETED'), 0) as minutes,
              count(*) filter (where cancellation_class = 'LATE') as late,
              count(*) filter (where outcome = 'CLIENT_NO_SHOW') as no_shows
         from base group by ${CELL_GROUPS()}
     ),
     fees as (
       select ${CELL_KEY}, sum(amount_cents) as fees,
              coalesce(sum(amount_cents) filter (where tax_class = 'SALARY'), 0) as salary,
              coalesce(sum(amount_cents) filter (where tax_class = 'WORK_COMPENSATION'), 0) as work_compensation
         from (select b.unit_key, b.task_type_id, b.topic, f.amount_cents, f.tax_class
                 from base b join fee_line f on f.session_id = b.session_id) x
        group by ${CELL_GROUPS()}
     ),
     offers as (
       select ${CELL_KEY},
              count(*) filter (where status in ${ACCEPTED}) as accepted,
              count(*) filter (where status in ${ANSWERED}) as answered,
              count(*) filter (where status in ${ACCEPTED} and is_first) as first_accepted,
              count(*) filter (where status in ${ANSWERED} and is_first) as first_answered,
              bit_or(set_bit(repeat('0', ?)::varbit, ordinal, 1)) filter (where status in ${ACCEPTED}) as experts
         from (select b.unit_key, b.task_type_id, b.topic, b.is_first, f.status, m.ordinal
                 from orders b join order_offer f on f.order_id = b.order_id
                 left join metrics_expert m on m.expert_id = f.expert_id) x
        group by ${CELL_GROUPS()}
     ),
     firsts_counted as (
       select ${CELL_KEY}, count(*) filter (where is_first) as first_orders from orders group by ${CELL_GROUPS()}
     ),
     -- Hours to a match, to the minute, as a histogram: a median over many cells then sorts
     -- distinct minutes, not every order.
     match_times as (
       select ${CELL_KEY}, hours, count(*) as n, count(*) filter (where is_first) as n_first
         from (select b.unit_key, b.task_type_id, b.topic, b.is_first, ${MATCH_HOURS('m.first_accept')} as hours
                 from orders b
                 join work_order o on o.id = b.order_id
                 join lateral (select min(f.responded_at) as first_accept from order_offer f
                                where f.order_id = b.order_id and f.status in ${ACCEPTED}) m on m.first_accept is not null) x
        group by ${CELL_GROUPS(', hours')}
     ),
     matched as (
       select unit_key, task_type_id, topic, array_agg(hours order by hours) as match_hours,
              array_agg(n order by hours) as match_counts,
              array_agg(hours order by hours) filter (where n_first > 0) as first_match_hours,
              array_agg(n_first order by hours) filter (where n_first > 0) as first_match_counts
         from match_times group by unit_key, task_type_id, topic
     ),
     feedback as (
       select ${CELL_KEY}, ${FEEDBACK_SUMS}, ${feedbackSums('fb_first_', 'is_first')}
         from (select b.unit_key, b.task_type_id, b.topic, b.is_first, r.id, r.respondent, a
                 from orders b
                 join feedback_response r on r.order_id = b.order_id
                 cross join lateral jsonb_array_elements(r.answers) a
                where (a->>'scale') is not null) r
        group by ${CELL_GROUPS()}
     )
     insert into metrics_cell (region_id, month, unit_key, task_type_id, topic, orders, completed, minutes, late, no_shows,
                               fees, salary, work_compensation, accepted, answered, match_hours, match_counts, experts,
                               ${FEEDBACK_COLUMNS.join(', ')}, first_orders, first_accepted, first_answered,
                               first_match_hours, first_match_counts, ${FIRST_FEEDBACK_COLUMNS.join(', ')})
     select ?, ?, s.unit_key, s.task_type_id, s.topic, s.orders, s.completed, s.minutes, s.late, s.no_shows,
            f.fees, f.salary, f.work_compensation, coalesce(o.accepted, 0), coalesce(o.answered, 0),
            coalesce(m.match_hours, '{}'), coalesce(m.match_counts, '{}'),
            coalesce(o.experts, repeat('0', ?)::varbit),
            ${FEEDBACK_COLUMNS.map((c) => `coalesce(fb.${c}, 0)`).join(', ')},
            n.first_orders, coalesce(o.first_accepted, 0), coalesce(o.first_answered, 0),
            coalesce(m.first_match_hours, '{}'), coalesce(m.first_match_counts, '{}'),
            ${FIRST_FEEDBACK_COLUMNS.map((c) => `coalesce(fb.${c}, 0)`).join(', ')}
       from sessions s
       join firsts_counted n using (unit_key, task_type_id, topic)
       left join fees f using (unit_key, task_type_id, topic)
       left join offers o using (unit_key, task_type_id, topic)
       left join matched m using (unit_key, task_type_id, topic)
       left join feedback fb using (unit_key, task_type_id, topic)`,
    [...where, timeZone, month, expertBits, regionId, month, expertBits],
  );
  await em.execute(
    `insert into metrics_month (region_id, month, expert_bits, built_at) values (?, ?, ?, now())
     on conflict (region_id, month) do update set expert_bits = excluded.expert_bits, built_at = excluded.built_at`,
    [regionId, month, expertBits],
  );

  const [affected] = await em.execute<Array<{ ids: string[] | null }>>(
    `select array_agg(distinct order_id) as ids from (
       select s.order_id from order_session s where ${SESSIONS_OF_MONTH}
       union all
       select order_id from metrics_order_month where region_id = ? and month = ?
     ) a`,
    [...where, regionId, month],
  );
  const ids = affected?.ids ?? [];
  if (!ids.length) return;
  for (const table of ['metrics_order', 'metrics_order_month'])
    await em.execute(`delete from ${table} where region_id = ? and order_id = any (?::uuid[])`, [
      regionId,
      toArray(ids),
    ]);
  await em.execute(
    `insert into metrics_order (order_id, region_id, unit_key, task_type_id, topics, months, accepted, answered,
                                match_hours, ${FEEDBACK_COLUMNS.join(', ')})
     select o.id, o.region_id, coalesce(o.unit_id::text, 'external'), o.task_type_id,
            case when cardinality(o.topic_ids) > 0 then o.topic_ids else array['none'] end,
            ms.months, f.accepted, f.answered, ${MATCH_HOURS('f.first_accept')},
            ${FEEDBACK_COLUMNS.map((c) => `fb.${c}`).join(', ')}
       from work_order o
       join lateral (select array_agg(m.month order by m.month) as months
                       from (select distinct to_char(s.starts_at at time zone ?, 'YYYY-MM') as month
                               from order_session s where s.order_id = o.id) m) ms on ms.months is not null
       cross join lateral (select count(*) filter (where f.status in ${ACCEPTED}) as accepted,
                                  count(*) filter (where f.status in ${ANSWERED}) as answered,
                                  min(f.responded_at) filter (where f.status in ${ACCEPTED}) as first_accept
                             from order_offer f where f.order_id = o.id) f
       cross join lateral (select ${FEEDBACK_SUMS}
                             from feedback_response r cross join lateral jsonb_array_elements(r.answers) a
                            where r.order_id = o.id and (a->>'scale') is not null) fb
      where o.region_id = ? and o.id = any (?::uuid[])`,
    [timeZone, regionId, toArray(ids)],
  );
  // Every month from the first to the last, gaps included.
  await em.execute(
    `insert into metrics_order_month (region_id, month, order_id, first)
     select f.region_id, to_char(m.at, 'YYYY-MM'), f.order_id, m.at = (f.months[1] || '-01')::date
       from metrics_order f
       cross join lateral generate_series((f.months[1] || '-01')::date, (f.months[cardinality(f.months)] || '-01')::date,
                                          interval '1 month') as m(at)
      where f.region_id = ? and f.order_id = any (?::uuid[])`,
    [regionId, toArray(ids)],
  );
}

/**
 * Gives every expert of the region without an ordinal the next ones, and returns how many bits a
 * set of the region's experts needs. Refreshes of the same region wait for each other here (for
 * the rest of their transaction), so two never hand out the same number.
 */
async function numberExperts(em: EntityManager, regionId: string): Promise<number> {
  await em.execute(`select pg_advisory_xact_lock(hashtext('metrics-expert-ordinal'), hashtext(?))`, [regionId]);
  const [row] = await em.execute<Array<{ bits: number }>>(
    `with next as (select coalesce(max(ordinal) + 1, 0) as first from metrics_expert where region_id = ?),
     added as (
       insert into metrics_expert (expert_id, region_id, ordinal)
       select e.id, e.region_id, next.first + row_number() over (order by e.id) - 1
         from expert e cross join next
        where e.region_id = ? and not exists (select 1 from metrics_expert m where m.expert_id = e.id)
       returning ordinal
     )
     select greatest((select max(ordinal) from added), (select max(ordinal) from metrics_expert where region_id = ?), 0) + 1
            as bits`,
    [regionId, regionId, regionId],
  );
  return Number(row?.bits ?? 1);
}

/** A PostgreSQL array literal of uuids (bound as one parameter, whatever its length). */
function toArray(ids: readonly string[]): string {
  return `{${ids.join(',')}}`;
}

/**
 * Rebuilds every marked month of every region, each month in its own short transaction. Any
 * instance may run it; while another instance rebuilds a month of the region, the month is
 * skipped (advisory lock) and stays marked for the next refresh if it was not rebuilt.
 */
export async function refreshMetricsRollup(services: Services, log?: Logger): Promise<number> {
  let rebuilt = 0;
  for (const region of services.regions.list()) {
    const grants = [{ role: 'COORDINATOR' as const, regionId: region.id }];
    const job = { job: 'metrics-rollup', grants, log };
    const months = await withSystemScope(services, job, async (scope) =>
      (
        await scope.em.execute<Array<{ month: string }>>(
          `select distinct month from metrics_stale_month where region_id = ? order by month`,
          [region.id],
        )
      ).map((m) => m.month),
    );
    if (months.length) await withSystemScope(services, job, (scope) => numberExperts(scope.em, region.id));
    for (const month of months) {
      const done = await withSystemScope(services, job, async (scope) => {
        // One rebuild per region at a time, on any instance: months of a region share the
        // facts of the orders that span them.
        const [lock] = await scope.em.execute<Array<{ ok: boolean }>>(
          `select pg_try_advisory_xact_lock(hashtext('metrics-rollup'), hashtext(?)) as ok`,
          [region.id],
        );
        if (!lock?.ok) return false;
        const { config } = await scope.services.regions.rulesAt(scope, region.id, scope.now());
        await rebuildMonth(scope.em, region.id, config.timeZone, month);
        return true;
      });
      if (done) rebuilt++;
    }
  }
  if (rebuilt) log?.debug({ months: rebuilt }, 'metrics rollup refreshed');
  return rebuilt;
}
