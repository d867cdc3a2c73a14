import { Migration } from '@mikro-orm/migrations';

const IN_REGION = `region_id = any ((select string_to_array(nullif(current_setting('app.region_ids', true), ''), ','))::text[])`;

export class Migration20261123213500_database_wall extends Migration {
  override up(): void {
    // A region's published rules are public, so anyone may read them; drafts stay within the
    // region, and only the region itself may write a draft or publish it. Without this, a bug in the service could publish another region's draft.
    this.addSql(`alter table "region_revision" enable row level security;`);
    this.addSql(`alter table "region_revision" force row level security;`);
    this.addSql(`create policy region_isolation on "region_revision" using (${IN_REGION}) with check (${IN_REGION});`);
    this.addSql(`create policy public_read on "region_revision" for select using (status = 'PUBLISHED');`);
    // The schema's history belongs to the owner: a forged row would make a real migration be
    // skipped. A one-time marker in app_state may be written by a job, but never changed or removed.
    this.addSql(`revoke insert, update, delete, truncate on "mikro_orm_migrations" from kokemuspankki_app;`);
    this.addSql(`revoke update, delete, truncate on "app_state" from kokemuspankki_app;`);
  }

  override down(): void {
    this.addSql(`grant update, delete on "app_state" to kokemuspankki_app;`);
    this.addSql(`grant insert, update, delete on "mikro_orm_migrations" to kokemuspankki_app;`);
    this.addSql(`drop policy if exists public_read on "region_revision";`);
    this.addSql(`drop policy if exists region_isolation on "region_revision";`);
    this.addSql(`alter table "region_revision" no force row level security;`);
    this.addSql(`alter table "region_revision" disable row level security;`);
  }
}
