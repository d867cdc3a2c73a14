import { Entity, PrimaryKey, Property } from '@mikro-orm/core';

/** Small facts about this installation, e.g. when demo data was loaded (so it loads only once). */
@Entity({ tableName: 'app_state' })
export class AppState {
  @PrimaryKey({ type: 'text' })
  key!: string;

  @Property({ type: 'json' })
  value!: Record<string, unknown>;

  @Property({ type: 'timestamptz' })
  updatedAt!: Date;
}
