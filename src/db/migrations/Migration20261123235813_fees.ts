import { Migration } from '@mikro-orm/migrations';

export class Migration20261123235813_fees extends Migration {
  override up(): void {
    this.addSql(`create type "payout_period_status" as enum ('OPEN', 'CLOSED');`);
    this.addSql(
      `create table "fee_line" ("id" uuid not null, "region_id" text not null, "expert_id" uuid not null, "order_id" uuid null, "session_id" uuid null, "payer_key" text not null, "unit_id" uuid null, "work_month" text not null, "period_month" text not null, "category" text not null, "minutes" int not null, "hourly_rate_cents" int null, "amount_cents" int not null, "tax_class" text null, "tax_class_is_default" boolean not null, "rule" text not null, "created_at" timestamptz not null, constraint "fee_line_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "fee_line_session_id_index" on "fee_line" ("session_id");`);
    this.addSql(`create index "fee_line_expert_id_period_month_index" on "fee_line" ("expert_id", "period_month");`);
    this.addSql(
      `create index "fee_line_region_id_period_month_payer_key_index" on "fee_line" ("region_id", "period_month", "payer_key");`,
    );

    this.addSql(
      `create table "expert_month_confirmation" ("id" uuid not null, "region_id" text not null, "month" text not null, "expert_id" uuid not null, "confirmed_at" timestamptz not null, "confirmed_total_cents" int not null, constraint "expert_month_confirmation_pkey" primary key ("id"));`,
    );
    this.addSql(
      `alter table "expert_month_confirmation" add constraint "expert_month_confirmation_region_id_month_expert_id_unique" unique ("region_id", "month", "expert_id");`,
    );

    this.addSql(
      `create table "payout_notice_approval" ("id" uuid not null, "region_id" text not null, "month" text not null, "payer_key" text not null, "approved_at" timestamptz not null, "approved_by" text not null, "approved_total_cents" int not null, constraint "payout_notice_approval_pkey" primary key ("id"));`,
    );
    this.addSql(
      `alter table "payout_notice_approval" add constraint "payout_notice_approval_region_id_month_payer_key_unique" unique ("region_id", "month", "payer_key");`,
    );

    this.addSql(
      `create table "payout_period" ("id" uuid not null, "region_id" text not null, "month" text not null, "status" "payout_period_status" not null, "closed_at" timestamptz null, "closed_by" text null, "version" int not null default 1, constraint "payout_period_pkey" primary key ("id"));`,
    );
    this.addSql(
      `alter table "payout_period" add constraint "payout_period_region_id_month_unique" unique ("region_id", "month");`,
    );

    this.addSql(
      `alter table "fee_line" add constraint "fee_line_expert_id_foreign" foreign key ("expert_id") references "expert" ("id") on update cascade;`,
    );

    this.addSql(
      `alter table "expert_month_confirmation" add constraint "expert_month_confirmation_expert_id_foreign" foreign key ("expert_id") references "expert" ("id") on update cascade;`,
    );

    this.addSql(`alter table "fee_line" enable row level security;`);
    this.addSql(`alter table "fee_line" force row level security;`);
    this.addSql(
      `create policy region_isolation on "fee_line" using (region_id = any ((select string_to_array(nullif(current_setting('app.region_ids', true), ''), ','))::text[])) with check (region_id = any ((select string_to_array(nullif(current_setting('app.region_ids', true), ''), ','))::text[]));`,
    );
    this.addSql(`alter table "payout_period" enable row level security;`);
    this.addSql(`alter table "payout_period" force row level security;`);
    this.addSql(
      `create policy region_isolation on "payout_period" using (region_id = any ((select string_to_array(nullif(current_setting('app.region_ids', true), ''), ','))::text[])) with check (region_id = any ((select string_to_array(nullif(current_setting('app.region_ids', true), ''), ','))::text[]));`,
    );
    this.addSql(`alter table "payout_notice_approval" enable row level security;`);
    this.addSql(`alter table "payout_notice_approval" force row level security;`);
    this.addSql(
      `create policy region_isolation on "payout_notice_approval" using (region_id = any ((select string_to_array(nullif(current_setting('app.region_ids', true), ''), ','))::text[])) with check (region_id = any ((select string_to_array(nullif(current_setting('app.region_ids', true), ''), ','))::text[]));`,
    );
    this.addSql(`alter table "expert_month_confirmation" enable row level security;`);
    this.addSql(`alter table "expert_month_confirmation" force row level security;`);
    this.addSql(
      `create policy region_isolation on "expert_month_confirmation" using (region_id = any ((select string_to_array(nullif(current_setting('app.region_ids', true), ''), ','))::text[])) with check (region_id = any ((select string_to_array(nullif(current_setting('app.region_ids', true), ''), ','))::text[]));`,
    );
  }

  override down(): void {
    this.addSql(`drop table if exists "fee_line" cascade;`);

    this.addSql(`drop table if exists "expert_month_confirmation" cascade;`);

    this.addSql(`drop table if exists "payout_notice_approval" cascade;`);

    this.addSql(`drop table if exists "payout_period" cascade;`);

    this.addSql(`drop type "payout_period_status";`);
  }
}
