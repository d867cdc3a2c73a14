import { Entity, Enum, Index, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';

export enum RevisionStatus {
  DRAFT = 'DRAFT',
  PUBLISHED = 'PUBLISHED',
}

/**
 * A change to a region's rules, effective from a date: drafted by a region admin, then published.
 * The module under regions/ is revision zero; rules at a date are the module plus every revision
 * published and effective by then.
 */
@Entity({ tableName: 'region_revision' })
@Index({ properties: ['regionId', 'status', 'effectiveFrom'] })
export class RegionRevision {
  [OptionalProps]?: 'version' | 'status' | 'publishedAt' | 'publishedBy';

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ type: 'text' })
  regionId!: string;

  @Property({ type: 'timestamptz' })
  effectiveFrom!: Date;

  @Property({ type: 'text' })
  reason!: string;

  /** Partial document in the shape of the region config, merged over the rules in force. */
  @Property({ type: 'json' })
  changes!: Record<string, unknown>;

  /** What the change does, path by path, against the rules in force at effectiveFrom when drafted. */
  @Property({ type: 'json' })
  diff!: Array<{ path: string; before: unknown; after: unknown }>;

  @Enum({ items: () => RevisionStatus, nativeEnumName: 'revision_status' })
  status: RevisionStatus = RevisionStatus.DRAFT;

  @Property({ type: 'text' })
  authorId!: string;

  @Property({ type: 'text', nullable: true })
  authorName?: string | null;

  @Property({ type: 'timestamptz' })
  createdAt!: Date;

  @Property({ type: 'timestamptz', nullable: true })
  publishedAt?: Date | null;

  @Property({ type: 'text', nullable: true })
  publishedBy?: string | null;

  @Property({ type: 'integer', version: true })
  version!: number;
}
