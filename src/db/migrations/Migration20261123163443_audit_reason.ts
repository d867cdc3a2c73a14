import { Migration } from '@mikro-orm/migrations';

export class Migration20261123163443_audit_reason extends Migration {
  override up(): void {
    this.addSql(`alter table "audit_entry" add column "reason" text null;`);
  }

  override down(): void {
    this.addSql(`alter table "audit_entry" drop column "reason";`);
  }
}
