import { Migration } from '@mikro-orm/migrations';

const IN_REGION = `region_id = any ((select string_to_array(nullif(current_setting('app.region_ids', true), ''), ','))::text[])`;

/**
 * The rollup keeps a cell's experts as a bit set over per-region ordinals instead of a uuid
 * array, and adds all-units cells: the built months are dropped and marked, and the next refresh
 * builds them again.
 */
export class Migration20261203104532_metrics_rollup_bitsets extends Migration {
  override up(): void {
    this.addSql(`truncate table "metrics_cell", "metrics_order";`);
    this.addSql(
      `create table "metrics_expert" ("expert_id" uuid not null, "region_id" text not null, "ordinal" int not null, constraint "metrics_expert_pkey" primary key ("expert_id"));`,
    );
    this.addSql(
      `alter table "metrics_expert" add constraint "metrics_expert_region_id_ordinal_unique" unique ("region_id", "ordinal");`,
    );

    this.addSql(
      `create table "metrics_month" ("region_id" text not null, "month" text not null, "expert_bits" int not null, "built_at" timestamptz not null, constraint "metrics_month_pkey" primary key ("region_id", "month"));`,
    );

    this.addSql(`alter table "metrics_cell" drop column "expert_ids";`);

    this.addSql(`alter table "metrics_cell" add column "experts" varbit not null;`);

    for (const table of ['metrics_expert', 'metrics_month']) {
      this.addSql(`alter table "${table}" enable row level security;`);
      this.addSql(`alter table "${table}" force row level security;`);
      this.addSql(`create policy region_isolation on "${table}" using (${IN_REGION}) with check (${IN_REGION});`);
    }
    // Every month with a session (in UTC, a day either side) is built again at the next refresh.
    this.addSql(`select set_config('app.region_ids', coalesce((select string_agg(id, ',') from region), ''), true);`);
    this.addSql(`insert into metrics_stale_month (region_id, month)
      select distinct s.region_id, to_char(d.at at time zone 'UTC', 'YYYY-MM')
        from order_session s
        cross join lateral (values (s.starts_at - interval '1 day'), (s.starts_at + interval '1 day')) d(at);`);
  }

  override down(): void {
    this.addSql(`drop table if exists "metrics_expert" cascade;`);

    this.addSql(`drop table if exists "metrics_month" cascade;`);

    this.addSql(`truncate table "metrics_cell", "metrics_order";`);
    this.addSql(`alter table "metrics_cell" drop column "experts";`);

    this.addSql(`alter table "metrics_cell" add column "expert_ids" uuid[] not null;`);
  }
}
