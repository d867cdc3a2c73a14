import { Migration } from '@mikro-orm/migrations';

export class Migration20261123163005_experts_units extends Migration {
  override up(): void {
    this.addSql(
      `create type "expert_status" as enum ('APPLIED', 'INTERVIEWED', 'CONTRACTED', 'ACTIVE', 'PAUSED', 'ENDED');`,
    );
    this.addSql(
      `create table "expert" ("id" uuid not null, "region_id" text not null, "status" "expert_status" not null, "pseudonym" text not null, "account_id" text null, "display_name" text not null, "email" text null, "phone" text null, "introduction" jsonb not null, "topic_ids" text[] not null, "topics_public" boolean not null default false, "earnings_limit_opt_in" boolean not null default false, "languages" text[] not null, "municipalities" text[] not null, "remote" boolean not null default false, "task_type_ids" text[] not null, "unit_ids" text[] not null, "interview" jsonb null, "created_at" timestamptz not null, "status_changed_at" timestamptz not null, "erased_at" timestamptz null, "version" int not null default 1, constraint "expert_pkey" primary key ("id"));`,
    );
    this.addSql(`alter table "expert" add constraint "expert_pseudonym_unique" unique ("pseudonym");`);
    this.addSql(`create index "expert_municipalities_gin" on "expert" using gin ("municipalities");`);
    this.addSql(`create index "expert_languages_gin" on "expert" using gin ("languages");`);
    this.addSql(`create index "expert_task_type_ids_gin" on "expert" using gin ("task_type_ids");`);
    this.addSql(`create index "expert_topic_ids_gin" on "expert" using gin ("topic_ids");`);
    this.addSql(`create index "expert_region_id_account_id_index" on "expert" ("region_id", "account_id");`);
    this.addSql(`create index "expert_region_id_status_index" on "expert" ("region_id", "status");`);

    this.addSql(
      `create table "expert_contract" ("id" uuid not null, "region_id" text not null, "expert_id" uuid not null, "valid_from" date not null, "valid_to" date not null, "signed_on" date not null, "training" text null, "earlier_experience" text null, "topic_ids" text[] not null, "wishes" text null, "task_type_ids" text[] not null, "created_at" timestamptz not null, constraint "expert_contract_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "expert_contract_region_id_index" on "expert_contract" ("region_id");`);
    this.addSql(
      `create index "expert_contract_expert_id_valid_from_index" on "expert_contract" ("expert_id", "valid_from");`,
    );

    this.addSql(
      `create table "expert_tax_card" ("id" uuid not null, "region_id" text not null, "expert_id" uuid not null, "year" int not null, "received_on" date not null, constraint "expert_tax_card_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "expert_tax_card_region_id_year_index" on "expert_tax_card" ("region_id", "year");`);
    this.addSql(
      `alter table "expert_tax_card" add constraint "expert_tax_card_expert_id_year_unique" unique ("expert_id", "year");`,
    );

    this.addSql(
      `create table "expert_training" ("id" uuid not null, "region_id" text not null, "expert_id" uuid not null, "name" text not null, "provider" text not null, "hours" int not null, "started_on" date null, "completed_on" date not null, constraint "expert_training_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "expert_training_region_id_index" on "expert_training" ("region_id");`);
    this.addSql(`create index "expert_training_expert_id_index" on "expert_training" ("expert_id");`);

    this.addSql(
      `create table "unit" ("id" uuid not null, "region_id" text not null, "name" text not null, "service_interface_id" text not null, "municipality" text not null, "coordinator_names" text[] not null, "created_at" timestamptz not null, constraint "unit_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "unit_region_id_name_index" on "unit" ("region_id", "name");`);

    this.addSql(
      `alter table "expert_contract" add constraint "expert_contract_expert_id_foreign" foreign key ("expert_id") references "expert" ("id") on update cascade;`,
    );

    this.addSql(
      `alter table "expert_tax_card" add constraint "expert_tax_card_expert_id_foreign" foreign key ("expert_id") references "expert" ("id") on update cascade;`,
    );

    this.addSql(
      `alter table "expert_training" add constraint "expert_training_expert_id_foreign" foreign key ("expert_id") references "expert" ("id") on update cascade;`,
    );
    // Wall 2 of region isolation: each region-scoped table is visible only for the regions in the
    // transaction-local setting app.region_ids (set by src/app.ts from the viewer's grants).
    this.addSql(`alter table "unit" enable row level security;`);
    this.addSql(`alter table "unit" force row level security;`);
    this.addSql(
      `create policy region_isolation on "unit" using (region_id = any ((select string_to_array(nullif(current_setting('app.region_ids', true), ''), ','))::text[])) with check (region_id = any ((select string_to_array(nullif(current_setting('app.region_ids', true), ''), ','))::text[]));`,
    );
    this.addSql(`alter table "expert" enable row level security;`);
    this.addSql(`alter table "expert" force row level security;`);
    this.addSql(
      `create policy region_isolation on "expert" using (region_id = any ((select string_to_array(nullif(current_setting('app.region_ids', true), ''), ','))::text[])) with check (region_id = any ((select string_to_array(nullif(current_setting('app.region_ids', true), ''), ','))::text[]));`,
    );
    this.addSql(`alter table "expert_contract" enable row level security;`);
    this.addSql(`alter table "expert_contract" force row level security;`);
    this.addSql(
      `create policy region_isolation on "expert_contract" using (region_id = any ((select string_to_array(nullif(current_setting('app.region_ids', true), ''), ','))::text[])) with check (region_id = any ((select string_to_array(nullif(current_setting('app.region_ids', true), ''), ','))::text[]));`,
    );
    this.addSql(`alter table "expert_training" enable row level security;`);
    this.addSql(`alter table "expert_training" force row level security;`);
    this.addSql(
      `create policy region_isolation on "expert_training" using (region_id = any ((select string_to_array(nullif(current_setting('app.region_ids', true), ''), ','))::text[])) with check (region_id = any ((select string_to_array(nullif(current_setting('app.region_ids', true), ''), ','))::text[]));`,
    );
    this.addSql(`alter table "expert_tax_card" enable row level security;`);
    this.addSql(`alter table "expert_tax_card" force row level security;`);
    this.addSql(
      `create policy region_isolation on "expert_tax_card" using (region_id = any ((select string_to_array(nullif(current_setting('app.region_ids', true), ''), ','))::text[])) with check (region_id = any ((select string_to_array(nullif(current_setting('app.region_ids', true), ''), ','))::text[]));`,
    );
  }

  override down(): void {
    this.addSql(`drop policy if exists region_isolation on "unit";`);
    this.addSql(`drop policy if exists region_isolation on "expert";`);
    this.addSql(`drop policy if exists region_isolation on "expert_contract";`);
    this.addSql(`drop policy if exists region_isolation on "expert_training";`);
    this.addSql(`drop policy if exists region_isolation on "expert_tax_card";`);

    this.addSql(`alter table "expert_contract" drop constraint "expert_contract_expert_id_foreign";`);

    this.addSql(`alter table "expert_tax_card" drop constraint "expert_tax_card_expert_id_foreign";`);

    this.addSql(`alter table "expert_training" drop constraint "expert_training_expert_id_foreign";`);

    this.addSql(`drop table if exists "expert" cascade;`);

    this.addSql(`drop table if exists "expert_contract" cascade;`);

    this.addSql(`drop table if exists "expert_tax_card" cascade;`);

    this.addSql(`drop table if exists "expert_training" cascade;`);

    this.addSql(`drop table if exists "unit" cascade;`);

    this.addSql(`drop type "expert_status";`);
  }
}
