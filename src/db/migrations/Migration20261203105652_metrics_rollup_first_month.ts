import { Migration } from '@mikro-orm/migrations';
import { MARK_ORDERS, MARK_SESSIONS, TRIGGERS } from './Migration20261202202213_metrics_rollup';

const IN_REGION = `region_id = any ((select string_to_array(nullif(current_setting('app.region_ids', true), ''), ','))::text[])`;

/** Marks the months of the sessions in `rows`, and every month of their orders. */
const MARK_SESSIONS_AND_ORDERS = (rows: string) =>
  `${MARK_SESSIONS(rows)}; ${MARK_ORDERS(`select order_id from ${rows} x`)}`;

/**
 * Rollup cells also count order-level figures once per order, in the month of its first session,
 * and the months an order spans are listed (`metrics_order_month`). A session added, moved or removed can move
 * its order's first month, so such a change now marks every month of the order, not only the
 * session's own. The built months are dropped and marked, and the next refresh builds them again.
 */
export class Migration20261203105652_metrics_rollup_first_month extends Migration {
  override up(): void {
    this.addSql(`truncate table "metrics_cell", "metrics_order", "metrics_month";`);
    this.addSql(
      `alter table "metrics_cell" add column "first_orders" int not null, add column "first_accepted" int not null, add column "first_answered" int not null, add column "first_match_hours" double precision[] not null, add column "first_match_counts" int[] not null, add column "fb_first_expert_sum" int not null, add column "fb_first_expert_answers" int not null, add column "fb_first_expert_responses" int not null, add column "fb_first_client_sum" int not null, add column "fb_first_client_answers" int not null, add column "fb_first_client_responses" int not null, add column "fb_first_professional_sum" int not null, add column "fb_first_professional_answers" int not null, add column "fb_first_professional_responses" int not null;`,
    );

    this.addSql(
      `create table "metrics_order_month" ("region_id" text not null, "month" text not null, "order_id" uuid not null, "first" boolean not null, constraint "metrics_order_month_pkey" primary key ("region_id", "month", "order_id"));`,
    );
    this.addSql(`alter table "metrics_order_month" enable row level security;`);
    this.addSql(`alter table "metrics_order_month" force row level security;`);
    this.addSql(
      `create policy region_isolation on "metrics_order_month" using (${IN_REGION}) with check (${IN_REGION});`,
    );

    const moved = (rows: string) => `(select n.* from new_rows n join old_rows o on o.id = n.id
        where (n.starts_at, n.order_id, n.region_id) is distinct from (o.starts_at, o.order_id, o.region_id)
        union all select o.* from old_rows o join new_rows n on n.id = o.id
        where (n.starts_at, n.order_id, n.region_id) is distinct from (o.starts_at, o.order_id, o.region_id))${rows}`;
    this.addSql(`create or replace function metrics_mark_sessions() returns trigger language plpgsql as $$
      begin
        if TG_OP = 'INSERT' then ${MARK_ORDERS('select order_id from new_rows')}; end if;
        if TG_OP = 'UPDATE' then
          ${MARK_SESSIONS(`(select n.* from new_rows n join old_rows o on o.id = n.id
            where (n.starts_at, n.outcome, n.worked_minutes, n.cancellation_class, n.order_id, n.region_id)
                  is distinct from (o.starts_at, o.outcome, o.worked_minutes, o.cancellation_class, o.order_id, o.region_id)
            union all select o.* from old_rows o join new_rows n on n.id = o.id
            where (n.starts_at, n.order_id, n.region_id) is distinct from (o.starts_at, o.order_id, o.region_id))`)};
          ${MARK_ORDERS(`select x.order_id from ${moved(' x')}`)};
        end if;
        if TG_OP = 'DELETE' then ${MARK_SESSIONS_AND_ORDERS('old_rows')}; end if;
        return null;
      end $$;`);

    // Every month with a session (in UTC, a day either side) is built again at the next refresh.
    this.addSql(`select set_config('app.region_ids', coalesce((select string_agg(id, ',') from region), ''), true);`);
    this.addSql(`${MARK_SESSIONS('order_session')};`);
  }

  override down(): void {
    this.addSql(`truncate table "metrics_cell", "metrics_order", "metrics_month";`);
    this.addSql(
      `alter table "metrics_cell" drop column "first_orders", drop column "first_accepted", drop column "first_answered", drop column "first_match_hours", drop column "first_match_counts", drop column "fb_first_expert_sum", drop column "fb_first_expert_answers", drop column "fb_first_expert_responses", drop column "fb_first_client_sum", drop column "fb_first_client_answers", drop column "fb_first_client_responses", drop column "fb_first_professional_sum", drop column "fb_first_professional_answers", drop column "fb_first_professional_responses";`,
    );

    this.addSql(`drop table if exists "metrics_order_month" cascade;`);
    const { body } = TRIGGERS.find((t) => t.fn === 'metrics_mark_sessions')!;
    this.addSql(`create or replace function metrics_mark_sessions() returns trigger language plpgsql as $$
      begin
        if TG_OP = 'INSERT' then ${body.inserted}; end if;
        if TG_OP = 'UPDATE' then ${body.updated}; end if;
        if TG_OP = 'DELETE' then ${body.deleted}; end if;
        return null;
      end $$;`);
  }
}
