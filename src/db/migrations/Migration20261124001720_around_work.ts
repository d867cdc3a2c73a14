import { Migration } from '@mikro-orm/migrations';

export class Migration20261124001720_around_work extends Migration {
  override up(): void {
    this.addSql(`create type "support_kind" as enum ('SUPERVISION', 'PEER_MEETING', 'DEBRIEFING');`);
    this.addSql(`create type "reception_kind" as enum ('BOOKED', 'WALK_IN');`);
    this.addSql(
      `create table "support_meeting" ("id" uuid not null, "region_id" text not null, "expert_id" uuid not null, "kind" "support_kind" not null, "held_on" date not null, "attended" boolean not null, "recorded_by" text not null, "created_at" timestamptz not null, constraint "support_meeting_pkey" primary key ("id"));`,
    );
    this.addSql(
      `create index "support_meeting_expert_id_kind_held_on_index" on "support_meeting" ("expert_id", "kind", "held_on");`,
    );
    this.addSql(
      `create index "support_meeting_region_id_kind_held_on_index" on "support_meeting" ("region_id", "kind", "held_on");`,
    );

    this.addSql(
      `create table "reception_shift" ("id" uuid not null, "region_id" text not null, "unit_id" uuid not null, "expert_id" uuid not null, "starts_at" timestamptz not null, "ends_at" timestamptz not null, "kind" "reception_kind" not null, "visitor_count" int not null, "task_type_id" text not null, "fee_category" text not null, "hourly_rate_cents" int not null, "tax_class" text not null, "recorded_by" text not null, "created_at" timestamptz not null, constraint "reception_shift_pkey" primary key ("id"));`,
    );
    this.addSql(
      `create index "reception_shift_expert_id_starts_at_index" on "reception_shift" ("expert_id", "starts_at");`,
    );
    this.addSql(
      `create index "reception_shift_unit_id_starts_at_index" on "reception_shift" ("unit_id", "starts_at");`,
    );
    this.addSql(
      `create index "reception_shift_region_id_starts_at_index" on "reception_shift" ("region_id", "starts_at");`,
    );

    this.addSql(
      `create table "unit_orientation" ("id" uuid not null, "region_id" text not null, "unit_id" uuid not null, "expert_id" uuid not null, "oriented_on" date not null, "recorded_by" text not null, "recorded_at" timestamptz not null, constraint "unit_orientation_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "unit_orientation_region_id_index" on "unit_orientation" ("region_id");`);
    this.addSql(
      `alter table "unit_orientation" add constraint "unit_orientation_unit_id_expert_id_unique" unique ("unit_id", "expert_id");`,
    );

    this.addSql(
      `alter table "support_meeting" add constraint "support_meeting_expert_id_foreign" foreign key ("expert_id") references "expert" ("id") on update cascade;`,
    );

    this.addSql(
      `alter table "reception_shift" add constraint "reception_shift_unit_id_foreign" foreign key ("unit_id") references "unit" ("id") on update cascade;`,
    );
    this.addSql(
      `alter table "reception_shift" add constraint "reception_shift_expert_id_foreign" foreign key ("expert_id") references "expert" ("id") on update cascade;`,
    );

    this.addSql(
      `alter table "unit_orientation" add constraint "unit_orientation_unit_id_foreign" foreign key ("unit_id") references "unit" ("id") on update cascade;`,
    );

    this.addSql(`alter table "fee_line" add column "reception_shift_id" uuid null;`);

    this.addSql(`alter table "unit" add column "instructions_for_experts" text null;`);

    this.addSql(`alter table "support_meeting" enable row level security;`);
    this.addSql(`alter table "support_meeting" force row level security;`);
    this.addSql(
      `create policy region_isolation on "support_meeting" using (region_id = any ((select string_to_array(nullif(current_setting('app.region_ids', true), ''), ','))::text[])) with check (region_id = any ((select string_to_array(nullif(current_setting('app.region_ids', true), ''), ','))::text[]));`,
    );
    this.addSql(`alter table "unit_orientation" enable row level security;`);
    this.addSql(`alter table "unit_orientation" force row level security;`);
    this.addSql(
      `create policy region_isolation on "unit_orientation" using (region_id = any ((select string_to_array(nullif(current_setting('app.region_ids', true), ''), ','))::text[])) with check (region_id = any ((select string_to_array(nullif(current_setting('app.region_ids', true), ''), ','))::text[]));`,
    );
    this.addSql(`alter table "reception_shift" enable row level security;`);
    this.addSql(`alter table "reception_shift" force row level security;`);
    this.addSql(
      `create policy region_isolation on "reception_shift" using (region_id = any ((select string_to_array(nullif(current_setting('app.region_ids', true), ''), ','))::text[])) with check (region_id = any ((select string_to_array(nullif(current_setting('app.region_ids', true), ''), ','))::text[]));`,
    );
  }

  override down(): void {
    this.addSql(`drop table if exists "support_meeting" cascade;`);

    this.addSql(`drop table if exists "reception_shift" cascade;`);

    this.addSql(`drop table if exists "unit_orientation" cascade;`);

    this.addSql(`alter table "fee_line" drop column "reception_shift_id";`);

    this.addSql(`alter table "unit" drop column "instructions_for_experts";`);

    this.addSql(`drop type "support_kind";`);
    this.addSql(`drop type "reception_kind";`);
  }
}
