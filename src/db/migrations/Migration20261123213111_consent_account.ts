import { Migration } from '@mikro-orm/migrations';

export class Migration20261123213111_consent_account extends Migration {
  override up(): void {
    this.addSql(
      `create table "expert_consent" ("id" uuid not null, "region_id" text not null, "expert_id" uuid not null, "consent" text not null, "given" boolean not null, "at" timestamptz not null, "recorded_by" text not null, "on_behalf" boolean not null, constraint "expert_consent_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "expert_consent_region_id_index" on "expert_consent" ("region_id");`);
    this.addSql(`create index "expert_consent_expert_id_at_index" on "expert_consent" ("expert_id", "at");`);

    this.addSql(
      `alter table "expert_consent" add constraint "expert_consent_expert_id_foreign" foreign key ("expert_id") references "expert" ("id") on update cascade;`,
    );

    this.addSql(`alter table "expert_consent" enable row level security;`);
    this.addSql(`alter table "expert_consent" force row level security;`);
    this.addSql(
      `create policy region_isolation on "expert_consent" using (region_id = any ((select string_to_array(nullif(current_setting('app.region_ids', true), ''), ','))::text[])) with check (region_id = any ((select string_to_array(nullif(current_setting('app.region_ids', true), ''), ','))::text[]));`,
    );

    this.addSql(`drop index "expert_region_id_account_id_index";`);

    this.addSql(
      `alter table "expert" add constraint "expert_region_id_account_id_unique" unique ("region_id", "account_id");`,
    );
  }

  override down(): void {
    this.addSql(`drop table if exists "expert_consent" cascade;`);

    this.addSql(`alter table "expert" drop constraint "expert_region_id_account_id_unique";`);

    this.addSql(`create index "expert_region_id_account_id_index" on "expert" ("region_id", "account_id");`);
  }
}
