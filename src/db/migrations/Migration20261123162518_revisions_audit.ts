import { Migration } from '@mikro-orm/migrations';

export class Migration20261123162518_revisions_audit extends Migration {
  override up(): void {
    // The application connects as (or switches to) this role: it owns nothing, so row-level
    // security applies to it and it cannot alter the schema. Migrations run as the owner.
    this.addSql(
      `do $$ begin if not exists (select 1 from pg_roles where rolname = 'kokemuspankki_app') then create role kokemuspankki_app nologin nobypassrls; end if; end $$;`,
    );
    this.addSql(`grant usage on schema public to kokemuspankki_app;`);
    this.addSql(
      `alter default privileges in schema public grant select, insert, update, delete on tables to kokemuspankki_app;`,
    );
    this.addSql(`alter default privileges in schema public grant usage, select on sequences to kokemuspankki_app;`);
    this.addSql(`grant select, insert, update, delete on all tables in schema public to kokemuspankki_app;`);
    // Region rows come from the modules at start; the application only reads them.
    this.addSql(`revoke insert, update, delete on "region" from kokemuspankki_app;`);
    this.addSql(`create type "revision_status" as enum ('DRAFT', 'PUBLISHED');`);
    this.addSql(
      `create table "audit_entry" ("id" uuid not null, "region_id" text not null, "at" timestamptz not null, "actor_id" text not null, "actor_name" text null, "grant" text not null, "action" text not null, "subject_type" text not null, "subject_id" uuid not null, "fields" text[] not null, "operation" text null, "request_id" text null, constraint "audit_entry_pkey" primary key ("id"));`,
    );
    this.addSql(
      `create index "audit_entry_region_id_subject_id_at_index" on "audit_entry" ("region_id", "subject_id", "at");`,
    );
    // The audit log is append-only for the application, and each region sees only its own entries.
    this.addSql(`revoke update, delete, truncate on "audit_entry" from kokemuspankki_app;`);
    this.addSql(`alter table "audit_entry" enable row level security;`);
    this.addSql(`alter table "audit_entry" force row level security;`);
    this.addSql(
      `create policy region_isolation on "audit_entry" using (region_id = any ((select string_to_array(nullif(current_setting('app.region_ids', true), ''), ','))::text[])) with check (region_id = any ((select string_to_array(nullif(current_setting('app.region_ids', true), ''), ','))::text[]));`,
    );

    this.addSql(
      `create table "region_revision" ("id" uuid not null, "region_id" text not null, "effective_from" timestamptz not null, "reason" text not null, "changes" jsonb not null, "diff" jsonb not null, "status" "revision_status" not null default 'DRAFT', "author_id" text not null, "author_name" text null, "created_at" timestamptz not null, "published_at" timestamptz null, "published_by" text null, "version" int not null default 1, constraint "region_revision_pkey" primary key ("id"));`,
    );
    this.addSql(
      `create index "region_revision_region_id_status_effective_from_index" on "region_revision" ("region_id", "status", "effective_from");`,
    );
  }

  override down(): void {
    this.addSql(`drop policy if exists region_isolation on "audit_entry";`);
    this.addSql(`drop table if exists "audit_entry" cascade;`);

    this.addSql(`drop table if exists "region_revision" cascade;`);

    this.addSql(`drop type "revision_status";`);
  }
}
