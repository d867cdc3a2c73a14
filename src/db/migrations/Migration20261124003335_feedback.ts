import { Migration } from '@mikro-orm/migrations';

export class Migration20261124003335_feedback extends Migration {
  override up(): void {
    this.addSql(`create type "feedback_respondent" as enum ('EXPERT', 'CLIENT', 'PROFESSIONAL');`);
    this.addSql(
      `create table "feedback_response" ("id" uuid not null, "region_id" text not null, "order_id" uuid not null, "respondent" "feedback_respondent" not null, "answers" jsonb not null, "submitted_by" text null, "submitted_at" timestamptz not null, constraint "feedback_response_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "feedback_response_order_id_index" on "feedback_response" ("order_id");`);
    this.addSql(
      `create index "feedback_response_region_id_submitted_at_index" on "feedback_response" ("region_id", "submitted_at");`,
    );
    this.addSql(
      `alter table "feedback_response" add constraint "feedback_response_order_id_respondent_submitted_by_unique" unique ("order_id", "respondent", "submitted_by");`,
    );

    this.addSql(
      `create table "feedback_link" ("id" uuid not null, "region_id" text not null, "order_id" uuid not null, "token_hash" text not null, "created_by" text not null, "created_at" timestamptz not null, "expires_at" timestamptz not null, "used_at" timestamptz null, constraint "feedback_link_pkey" primary key ("id"));`,
    );
    this.addSql(`alter table "feedback_link" add constraint "feedback_link_token_hash_unique" unique ("token_hash");`);
    this.addSql(`create index "feedback_link_region_id_index" on "feedback_link" ("region_id");`);

    this.addSql(
      `alter table "feedback_response" add constraint "feedback_response_order_id_foreign" foreign key ("order_id") references "work_order" ("id") on update cascade;`,
    );

    this.addSql(
      `alter table "feedback_link" add constraint "feedback_link_order_id_foreign" foreign key ("order_id") references "work_order" ("id") on update cascade;`,
    );

    this.addSql(`alter table "feedback_response" enable row level security;`);
    this.addSql(`alter table "feedback_response" force row level security;`);
    this.addSql(
      `create policy region_isolation on "feedback_response" using (region_id = any ((select string_to_array(nullif(current_setting('app.region_ids', true), ''), ','))::text[])) with check (region_id = any ((select string_to_array(nullif(current_setting('app.region_ids', true), ''), ','))::text[]));`,
    );
    this.addSql(`alter table "feedback_link" enable row level security;`);
    this.addSql(`alter table "feedback_link" force row level security;`);
    this.addSql(
      `create policy region_isolation on "feedback_link" using (region_id = any ((select string_to_array(nullif(current_setting('app.region_ids', true), ''), ','))::text[])) with check (region_id = any ((select string_to_array(nullif(current_setting('app.region_ids', true), ''), ','))::text[]));`,
    );
  }

  override down(): void {
    this.addSql(`drop table if exists "feedback_response" cascade;`);

    this.addSql(`drop table if exists "feedback_link" cascade;`);

    this.addSql(`drop type "feedback_respondent";`);
  }
}
