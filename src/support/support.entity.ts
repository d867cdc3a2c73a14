import { Entity, Enum, Filter, Index, ManyToOne, PrimaryKey, Property } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import { REGION_FILTER } from '../db/region-filter';
import { Expert } from '../experts/expert.entity';

export const SUPPORT_KINDS = ['SUPERVISION', 'PEER_MEETING', 'DEBRIEFING'] as const;
export type SupportKind = (typeof SUPPORT_KINDS)[number];

/**
 * Supervision (työnohjaus), a peer meeting or a debriefing offered to an expert, and whether they
 * attended (003 §3, 002, 004: experts doing client work must be offered these regularly).
 */
@Entity({ tableName: 'support_meeting' })
@Filter(REGION_FILTER)
@Index({ properties: ['regionId', 'kind', 'heldOn'] })
@Index({ properties: ['expertId', 'kind', 'heldOn'] })
export class SupportMeeting {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ type: 'text' })
  regionId!: string;

  @ManyToOne({ entity: () => Expert, fieldName: 'expert_id', mapToPk: true })
  expertId!: string;

  @Enum({ items: () => [...SUPPORT_KINDS], nativeEnumName: 'support_kind' })
  kind!: SupportKind;

  @Property({ type: 'date' })
  heldOn!: string;

  /** False: offered, and the expert did not take part. */
  @Property({ type: 'boolean' })
  attended!: boolean;

  @Property({ type: 'text' })
  recordedBy!: string;

  @Property({ type: 'timestamptz' })
  createdAt!: Date;
}
