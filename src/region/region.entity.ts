import { Entity, PrimaryKey, Property } from '@mikro-orm/core';

/**
 * A region's row, created or updated at start from its module under regions/, so that other
 * tables can reference it and a new region needs no migration.
 */
@Entity({ tableName: 'region' })
export class RegionRecord {
  @PrimaryKey({ type: 'text' })
  id!: string;

  /** Name in the region's first locale, for readers of the database. */
  @Property({ type: 'text' })
  name!: string;

  /** The module as last loaded: revision zero of the region's rules. */
  @Property({ type: 'json' })
  moduleConfig!: Record<string, unknown>;

  @Property({ type: 'timestamptz' })
  syncedAt!: Date;
}
