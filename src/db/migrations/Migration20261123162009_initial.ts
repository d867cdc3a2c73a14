import { Migration } from '@mikro-orm/migrations';

export class Migration20261123162009_initial extends Migration {
  override up(): void {
    this.addSql(
      `create table "app_state" ("key" text not null, "value" jsonb not null, "updated_at" timestamptz not null, constraint "app_state_pkey" primary key ("key"));`,
    );

    this.addSql(
      `create table "region" ("id" text not null, "name" text not null, "module_config" jsonb not null, "synced_at" timestamptz not null, constraint "region_pkey" primary key ("id"));`,
    );
  }

  override down(): void {
    this.addSql(`drop table if exists "app_state" cascade;`);

    this.addSql(`drop table if exists "region" cascade;`);
  }
}
