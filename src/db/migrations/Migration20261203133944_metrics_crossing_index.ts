import { Migration } from '@mikro-orm/migrations';

export class Migration20261203133944_metrics_crossing_index extends Migration {
  override up(): void {
    this.addSql(
      `create index "metrics_order_month_crossing" on "metrics_order_month" ("region_id", "month") where not "first";`,
    );
  }

  override down(): void {
    this.addSql(`drop index "metrics_order_month_crossing";`);
  }
}
