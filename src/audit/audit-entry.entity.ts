import { Entity, Filter, Index, PrimaryKey, Property } from '@mikro-orm/core';
import { v7 as timeOrderedId } from 'uuid';
import { REGION_FILTER } from '../db/region-filter';

/**
 * Who read or changed an expert's personal data, under which grant, when. Written in the same
 * transaction as the read or change; the application's database role may insert and read these
 * rows but never update or delete them.
 */
@Entity({ tableName: 'audit_entry' })
@Filter(REGION_FILTER)
@Index({ properties: ['regionId', 'subjectId', 'at'] })
// The audit log pages newest first by (at, id) from a cursor: an index range scan, not a sort of the region's log.
@Index({ properties: ['regionId', 'at', 'id'] })
export class AuditEntry {
  /**
   * Time-ordered (UUIDv7): the log only grows, and new ids land at the end of its primary key
   * rather than on random pages of an index of millions of entries (a page's 20 entries cost
   * half as much to insert).
   */
  @PrimaryKey({ type: 'uuid' })
  id: string = timeOrderedId();

  @Property({ type: 'text' })
  regionId!: string;

  @Property({ type: 'timestamptz' })
  at!: Date;

  /** Token subject of the person who acted. */
  @Property({ type: 'text' })
  actorId!: string;

  @Property({ type: 'text', nullable: true })
  actorName?: string | null;

  /** The grant acted under, e.g. `COORDINATOR@lapland`. */
  @Property({ type: 'text' })
  grant!: string;

  /** READ or CHANGE. */
  @Property({ type: 'text' })
  action!: string;

  /** Kind and id of the person whose data it was (an expert). */
  @Property({ type: 'text' })
  subjectType!: string;

  @Property({ type: 'uuid' })
  subjectId!: string;

  @Property({ type: 'array' })
  fields!: string[];

  /** GraphQL operation name (or the mutation field) that caused it. */
  @Property({ type: 'text', nullable: true })
  operation?: string | null;

  @Property({ type: 'text', nullable: true })
  requestId?: string | null;

  /** Why, when the action needs one (an erasure). */
  @Property({ type: 'text', nullable: true })
  reason?: string | null;
}
