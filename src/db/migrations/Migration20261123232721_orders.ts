import { Migration } from '@mikro-orm/migrations';

export class Migration20261123232721_orders extends Migration {
  override up(): void {
    this.addSql(
      `create type "order_status" as enum ('DRAFT', 'REQUESTED', 'OFFERED', 'ACCEPTED', 'DONE', 'CANCELLED');`,
    );
    this.addSql(`create type "order_kind" as enum ('SINGLE', 'CLIENT_PROCESS', 'GROUP');`);
    this.addSql(`create type "session_status" as enum ('SCHEDULED', 'CANCELLED', 'DONE');`);
    this.addSql(
      `create type "session_outcome" as enum ('COMPLETED', 'CLIENT_NO_SHOW', 'EXPERT_ILL', 'NO_PARTICIPANTS', 'GROUP_ENDED');`,
    );
    this.addSql(
      `create type "offer_status" as enum ('OFFERED', 'ACCEPTED', 'DECLINED', 'EXPIRED', 'FILLED', 'RETRACTED', 'WITHDRAWN');`,
    );
    this.addSql(
      `create table "work_order" ("id" uuid not null, "region_id" text not null, "status" "order_status" not null, "kind" "order_kind" not null, "unit_id" uuid null, "external_requester" jsonb null, "requester_erased_at" timestamptz null, "task_type_id" text not null, "topic_ids" text[] not null, "title" text not null, "description" text null, "target_group" text null, "language" text not null, "remote" boolean not null, "municipality" text null, "experts_needed" smallint not null, "preparation_minutes" int not null, "travel_cents" int null, "client_ref" text null, "agreed_fee" jsonb not null, "plan" jsonb null, "group_period" jsonb null, "debriefing_offered" boolean not null, "debriefing_held_on" date null, "ordered_by_id" text not null, "ordered_by_name" text null, "ordered_by_role" text not null, "idempotency_key" text null, "idempotency_digest" text null, "created_at" timestamptz not null, "cancelled_at" timestamptz null, "cancellation_reason" text null, "closed_at" timestamptz null, "version" int not null default 1, constraint "work_order_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "work_order_region_id_status_index" on "work_order" ("region_id", "status");`);
    this.addSql(`create index "work_order_unit_id_created_at_index" on "work_order" ("unit_id", "created_at");`);
    this.addSql(
      `create index "work_order_region_id_created_at_id_index" on "work_order" ("region_id", "created_at", "id");`,
    );
    this.addSql(
      `alter table "work_order" add constraint "work_order_region_id_ordered_by_id_idempotency_key_unique" unique ("region_id", "ordered_by_id", "idempotency_key");`,
    );

    this.addSql(
      `create table "order_session" ("id" uuid not null, "region_id" text not null, "order_id" uuid not null, "kind" text not null, "starts_at" timestamptz not null, "ends_at" timestamptz not null, "status" "session_status" not null default 'SCHEDULED', "cancellation_deadline" timestamptz not null, "cancelled_at" timestamptz null, "cancellation_class" text null, "cancellation_reason" text null, "outcome" "session_outcome" null, "worked_minutes" int null, "outcome_recorded_at" timestamptz null, "outcome_recorded_by" text null, "reschedule_count" smallint not null default 0, "report" text null, "report_written_at" timestamptz null, "version" int not null default 1, constraint "order_session_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "order_session_order_id_starts_at_index" on "order_session" ("order_id", "starts_at");`);
    this.addSql(`create index "order_session_region_id_index" on "order_session" ("region_id");`);

    this.addSql(
      `create table "order_offer" ("id" uuid not null, "region_id" text not null, "order_id" uuid not null, "expert_id" uuid not null, "status" "offer_status" not null, "offered_by_id" text not null, "offered_by_role" text not null, "offered_at" timestamptz not null, "respond_by" timestamptz null, "responded_at" timestamptz null, "withdrawn_at" timestamptz null, "version" int not null default 1, constraint "order_offer_pkey" primary key ("id"));`,
    );
    this.addSql(
      `create unique index "order_offer_live_unique" on "order_offer" ("order_id", "expert_id") where "status" in ('OFFERED', 'ACCEPTED');`,
    );
    this.addSql(`create index "order_offer_expert_id_offered_at_index" on "order_offer" ("expert_id", "offered_at");`);
    this.addSql(`create index "order_offer_order_id_index" on "order_offer" ("order_id");`);
    this.addSql(`create index "order_offer_region_id_index" on "order_offer" ("region_id");`);

    this.addSql(
      `create table "notification" ("id" uuid not null, "region_id" text not null, "audience" text not null, "kind" text not null, "order_id" uuid null, "message" text not null, "created_at" timestamptz not null, constraint "notification_pkey" primary key ("id"));`,
    );
    this.addSql(
      `create index "notification_region_id_created_at_index" on "notification" ("region_id", "created_at");`,
    );

    this.addSql(
      `alter table "work_order" add constraint "work_order_unit_id_foreign" foreign key ("unit_id") references "unit" ("id") on update cascade on delete set null;`,
    );

    this.addSql(
      `alter table "order_session" add constraint "order_session_order_id_foreign" foreign key ("order_id") references "work_order" ("id") on update cascade;`,
    );

    this.addSql(
      `alter table "order_offer" add constraint "order_offer_order_id_foreign" foreign key ("order_id") references "work_order" ("id") on update cascade;`,
    );
    this.addSql(
      `alter table "order_offer" add constraint "order_offer_expert_id_foreign" foreign key ("expert_id") references "expert" ("id") on update cascade;`,
    );

    this.addSql(
      `alter table "notification" add constraint "notification_order_id_foreign" foreign key ("order_id") references "work_order" ("id") on update cascade on delete set null;`,
    );

    this.addSql(`alter table "work_order" enable row level security;`);
    this.addSql(`alter table "work_order" force row level security;`);
    this.addSql(
      `create policy region_isolation on "work_order" using (region_id = any ((select string_to_array(nullif(current_setting('app.region_ids', true), ''), ','))::text[])) with check (region_id = any ((select string_to_array(nullif(current_setting('app.region_ids', true), ''), ','))::text[]));`,
    );
    this.addSql(`alter table "order_session" enable row level security;`);
    this.addSql(`alter table "order_session" force row level security;`);
    this.addSql(
      `create policy region_isolation on "order_session" using (region_id = any ((select string_to_array(nullif(current_setting('app.region_ids', true), ''), ','))::text[])) with check (region_id = any ((select string_to_array(nullif(current_setting('app.region_ids', true), ''), ','))::text[]));`,
    );
    this.addSql(`alter table "order_offer" enable row level security;`);
    this.addSql(`alter table "order_offer" force row level security;`);
    this.addSql(
      `create policy region_isolation on "order_offer" using (region_id = any ((select string_to_array(nullif(current_setting('app.region_ids', true), ''), ','))::text[])) with check (region_id = any ((select string_to_array(nullif(current_setting('app.region_ids', true), ''), ','))::text[]));`,
    );
    this.addSql(`alter table "notification" enable row level security;`);
    this.addSql(`alter table "notification" force row level security;`);
    this.addSql(
      `create policy region_isolation on "notification" using (region_id = any ((select string_to_array(nullif(current_setting('app.region_ids', true), ''), ','))::text[])) with check (region_id = any ((select string_to_array(nullif(current_setting('app.region_ids', true), ''), ','))::text[]));`,
    );
  }

  override down(): void {
    this.addSql(`alter table "order_session" drop constraint "order_session_order_id_foreign";`);

    this.addSql(`alter table "order_offer" drop constraint "order_offer_order_id_foreign";`);

    this.addSql(`alter table "notification" drop constraint "notification_order_id_foreign";`);

    this.addSql(`drop table if exists "work_order" cascade;`);

    this.addSql(`drop table if exists "order_session" cascade;`);

    this.addSql(`drop table if exists "order_offer" cascade;`);

    this.addSql(`drop table if exists "notification" cascade;`);

    this.addSql(`drop type "order_status";`);
    this.addSql(`drop type "order_kind";`);
    this.addSql(`drop type "session_status";`);
    this.addSql(`drop type "session_outcome";`);
    this.addSql(`drop type "offer_status";`);
  }
}
