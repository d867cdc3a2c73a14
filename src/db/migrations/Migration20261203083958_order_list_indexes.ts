import { Migration } from '@mikro-orm/migrations';

export class Migration20261203083958_order_list_indexes extends Migration {
  override up(): void {
    this.addSql(`drop index "work_order_region_id_status_index";`);
    this.addSql(`drop index "work_order_unit_id_created_at_index";`);

    this.addSql(
      `create index "work_order_region_id_status_created_at_id_index" on "work_order" ("region_id", "status", "created_at", "id");`,
    );
    this.addSql(
      `create index "work_order_unit_id_created_at_id_index" on "work_order" ("unit_id", "created_at", "id");`,
    );
  }

  override down(): void {
    this.addSql(`drop index "work_order_region_id_status_created_at_id_index";`);
    this.addSql(`drop index "work_order_unit_id_created_at_id_index";`);

    this.addSql(`create index "work_order_region_id_status_index" on "work_order" ("region_id", "status");`);
    this.addSql(`create index "work_order_unit_id_created_at_index" on "work_order" ("unit_id", "created_at");`);
  }
}
