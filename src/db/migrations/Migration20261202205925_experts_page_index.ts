import { Migration } from '@mikro-orm/migrations';

export class Migration20261202205925_experts_page_index extends Migration {
  override up(): void {
    this.addSql(
      `create index "expert_region_id_display_name_id_index" on "expert" ("region_id", "display_name", "id");`,
    );
  }

  override down(): void {
    this.addSql(`drop index "expert_region_id_display_name_id_index";`);
  }
}
