import { Migration } from '@mikro-orm/migrations';

export class Migration20261124004119_metrics_index extends Migration {
  override up(): void {
    this.addSql(
      `create index "order_session_region_id_starts_at_index" on "order_session" ("region_id", "starts_at");`,
    );
  }

  override down(): void {
    this.addSql(`drop index "order_session_region_id_starts_at_index";`);
  }
}
