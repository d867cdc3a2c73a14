import { Migration } from '@mikro-orm/migrations';

export class Migration20261123212414_audit_log_keyset extends Migration {
  override up(): void {
    this.addSql(`create index "audit_entry_region_id_at_id_index" on "audit_entry" ("region_id", "at", "id");`);
  }

  override down(): void {
    this.addSql(`drop index "audit_entry_region_id_at_id_index";`);
  }
}
