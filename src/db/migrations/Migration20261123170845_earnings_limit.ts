import { Migration } from '@mikro-orm/migrations';

export class Migration20261123170845_earnings_limit extends Migration {
  override up(): void {
    this.addSql(`alter table "expert" add column "earnings_limit_cents" int null;`);
  }

  override down(): void {
    this.addSql(`alter table "expert" drop column "earnings_limit_cents";`);
  }
}
