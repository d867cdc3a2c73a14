import { Migration } from '@mikro-orm/migrations';

const IN_REGION = `region_id = any ((select string_to_array(nullif(current_setting('app.region_ids', true), ''), ','))::text[])`;

/** Months (UTC, a day either side) of the sessions in a set of rows with `starts_at`, as marks. */
export const MARK_SESSIONS = (rows: string) => `
  insert into metrics_stale_month (region_id, month)
  select distinct r.region_id, to_char(d.at at time zone 'UTC', 'YYYY-MM')
    from ${rows} r cross join lateral (values (r.starts_at - interval '1 day'), (r.starts_at + interval '1 day')) d(at)`;

/** Marks the months of every session of the orders named in `orders` (a query of order ids). */
export const MARK_ORDERS = (orders: string) => `
  insert into metrics_stale_month (region_id, month)
  select distinct s.region_id, to_char(d.at at time zone 'UTC', 'YYYY-MM')
    from order_session s cross join lateral (values (s.starts_at - interval '1 day'), (s.starts_at + interval '1 day')) d(at)
   where s.order_id in (${orders})`;

/**
 * The rollup's marks are written in the same transaction as the change they follow, by
 * statement-level triggers (one insert per statement, however many rows it changed).
 */
export const TRIGGERS: Array<{
  table: string;
  fn: string;
  body: { inserted?: string; updated?: string; deleted?: string };
}> = [
  {
    table: 'order_session',
    fn: 'metrics_mark_sessions',
    body: {
      inserted: MARK_SESSIONS('new_rows'),
      // Only what the aggregates read: a report or a version bump leaves the month as it was.
      updated: `${MARK_SESSIONS(`(select n.* from new_rows n join old_rows o on o.id = n.id
        where (n.starts_at, n.outcome, n.worked_minutes, n.cancellation_class, n.order_id, n.region_id)
              is distinct from (o.starts_at, o.outcome, o.worked_minutes, o.cancellation_class, o.order_id, o.region_id)
        union all select o.* from old_rows o join new_rows n on n.id = o.id
        where (n.starts_at, n.order_id, n.region_id) is distinct from (o.starts_at, o.order_id, o.region_id))`)}`,
      deleted: MARK_SESSIONS('old_rows'),
    },
  },
  {
    table: 'work_order',
    fn: 'metrics_mark_orders',
    body: {
      updated: MARK_ORDERS(`select n.id from new_rows n join old_rows o on o.id = n.id
        where (n.unit_id, n.task_type_id, n.topic_ids, n.created_at) is distinct from (o.unit_id, o.task_type_id, o.topic_ids, o.created_at)`),
    },
  },
  {
    table: 'order_offer',
    fn: 'metrics_mark_offers',
    body: {
      inserted: MARK_ORDERS('select order_id from new_rows'),
      updated: MARK_ORDERS(`select n.order_id from new_rows n join old_rows o on o.id = n.id
        where (n.status, n.responded_at, n.expert_id, n.order_id) is distinct from (o.status, o.responded_at, o.expert_id, o.order_id)
        union all select o.order_id from new_rows n join old_rows o on o.id = n.id where n.order_id <> o.order_id`),
      deleted: MARK_ORDERS('select order_id from old_rows'),
    },
  },
  {
    table: 'fee_line',
    fn: 'metrics_mark_fee_lines',
    body: {
      inserted: MARK_SESSIONS('(select s.* from order_session s where s.id in (select session_id from new_rows))'),
      updated: MARK_SESSIONS(
        '(select s.* from order_session s where s.id in (select session_id from new_rows union select session_id from old_rows))',
      ),
      deleted: MARK_SESSIONS('(select s.* from order_session s where s.id in (select session_id from old_rows))'),
    },
  },
  {
    table: 'feedback_response',
    fn: 'metrics_mark_feedback',
    body: {
      inserted: MARK_ORDERS('select order_id from new_rows'),
      updated: MARK_ORDERS('select order_id from new_rows union select order_id from old_rows'),
      deleted: MARK_ORDERS('select order_id from old_rows'),
    },
  },
];

export class Migration20261202202213_metrics_rollup extends Migration {
  override up(): void {
    this.addSql(
      `create table "metrics_cell" ("region_id" text not null, "month" text not null, "unit_key" text not null, "task_type_id" text not null, "topic" text not null, "orders" int not null, "completed" int not null, "minutes" bigint not null, "late" int not null, "no_shows" int not null, "fees" bigint null, "salary" bigint null, "work_compensation" bigint null, "accepted" int not null, "answered" int not null, "match_hours" double precision[] not null, "match_counts" int[] not null, "expert_ids" uuid[] not null, "fb_expert_sum" int not null, "fb_expert_answers" int not null, "fb_expert_responses" int not null, "fb_client_sum" int not null, "fb_client_answers" int not null, "fb_client_responses" int not null, "fb_professional_sum" int not null, "fb_professional_answers" int not null, "fb_professional_responses" int not null, constraint "metrics_cell_pkey" primary key ("region_id", "month", "unit_key", "task_type_id", "topic"));`,
    );

    this.addSql(
      `create table "metrics_order" ("order_id" uuid not null, "region_id" text not null, "unit_key" text not null, "task_type_id" text not null, "topics" text[] not null, "months" text[] not null, "accepted" int not null, "answered" int not null, "match_hours" double precision null, "fb_expert_sum" int not null, "fb_expert_answers" int not null, "fb_expert_responses" int not null, "fb_client_sum" int not null, "fb_client_answers" int not null, "fb_client_responses" int not null, "fb_professional_sum" int not null, "fb_professional_answers" int not null, "fb_professional_responses" int not null, constraint "metrics_order_pkey" primary key ("order_id"));`,
    );
    this.addSql(`create index "metrics_order_region_id_index" on "metrics_order" ("region_id");`);

    this.addSql(
      `create table "metrics_stale_month" ("id" bigserial primary key, "region_id" text not null, "month" text not null, "marked_at" timestamptz not null default now());`,
    );
    this.addSql(
      `create index "metrics_stale_month_region_id_month_index" on "metrics_stale_month" ("region_id", "month");`,
    );

    for (const table of ['metrics_cell', 'metrics_order', 'metrics_stale_month']) {
      this.addSql(`alter table "${table}" enable row level security;`);
      this.addSql(`alter table "${table}" force row level security;`);
      this.addSql(`create policy region_isolation on "${table}" using (${IN_REGION}) with check (${IN_REGION});`);
    }
    for (const { table, fn, body } of TRIGGERS) {
      const branch = (op: string, sql: string | undefined) => (sql ? `if TG_OP = '${op}' then ${sql}; end if;` : '');
      this.addSql(`create function ${fn}() returns trigger language plpgsql as $$
        begin
          ${branch('INSERT', body.inserted)}
          ${branch('UPDATE', body.updated)}
          ${branch('DELETE', body.deleted)}
          return null;
        end $$;`);
      if (body.inserted)
        this.addSql(`create trigger ${fn}_inserted after insert on "${table}"
          referencing new table as new_rows for each statement execute function ${fn}();`);
      if (body.updated)
        this.addSql(`create trigger ${fn}_updated after update on "${table}"
          referencing old table as old_rows new table as new_rows for each statement execute function ${fn}();`);
      if (body.deleted)
        this.addSql(`create trigger ${fn}_deleted after delete on "${table}"
          referencing old table as old_rows for each statement execute function ${fn}();`);
    }
    // Data written before the rollup existed: every month with a session is built at the next refresh.
    this.addSql(`select set_config('app.region_ids', coalesce((select string_agg(id, ',') from region), ''), true);`);
    this.addSql(MARK_SESSIONS('order_session') + ';');
  }

  override down(): void {
    for (const { table, fn } of TRIGGERS) {
      for (const event of ['inserted', 'updated', 'deleted'])
        this.addSql(`drop trigger if exists ${fn}_${event} on "${table}";`);
      this.addSql(`drop function if exists ${fn}();`);
    }
    this.addSql(`drop table if exists "metrics_cell" cascade;`);

    this.addSql(`drop table if exists "metrics_order" cascade;`);

    this.addSql(`drop table if exists "metrics_stale_month" cascade;`);
  }
}
