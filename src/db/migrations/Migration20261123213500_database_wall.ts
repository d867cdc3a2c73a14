import { Migration } from '@mikro-orm/migrations';

const IN_REGION = `region_id = any ((select string_to_array(nullif(current_setting('app.region_ids', true), ''), ','))::text[])`;

export class Migration20261123213500_database_wall extends Migration {

  override async up(): Promise<void> {
    // A region's rules are public, so anyone may read them; only the region itself may write a
    // draft or publish it. Without this, a bug in the service could publish another region's draft.
    this.addSql(`alter table "region_revision" enable row level security;`);
    this.addSql(`alter table "region_revision" force row level security;`);
    this.addSql(`create policy region_isolation on "region_revision" using (${IN_REGION}) with check (${IN_REGION});`);
    this.addSql(`create policy public_read on "region_revision" for select using (true);`);
    // The schema's history and the one-time markers belong to the owner; requests never change them.
    this.addSql(`revoke insert, update, delete, truncate on "mikro_orm_migrations" from kokemuspankki_app;`);
    this.addSql(`revoke insert, update, delete, truncate on "app_state" from kokemuspankki_app;`);
  }

  override async down(): Promise<void> {
    this.addSql(`grant insert, update, delete on "app_state" to kokemuspankki_app;`);
    this.addSql(`grant insert, update, delete on "mikro_orm_migrations" to kokemuspankki_app;`);
    this.addSql(`drop policy if exists public_read on "region_revision";`);
    this.addSql(`drop policy if exists region_isolation on "region_revision";`);
    this.addSql(`alter table "region_revision" no force row level security;`);
    this.addSql(`alter table "region_revision" disable row level security;`);
  }

}
