import { Entity, Filter, Index, ManyToOne, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import { REGION_FILTER } from '../db/region-filter';

/**
 * An operating unit (toimintayksikkö) of a region: pays the fee of the expert who works for it,
 * belongs to one of the region's service interfaces, and has its named unit coordinators.
 */
@Entity({ tableName: 'unit' })
@Filter(REGION_FILTER)
@Index({ properties: ['regionId', 'name'] })
export class Unit {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ type: 'text' })
  regionId!: string;

  @Property({ type: 'text' })
  name!: string;

  /** Id from the region's `serviceInterfaces`. */
  @Property({ type: 'text' })
  serviceInterfaceId!: string;

  @Property({ type: 'text' })
  municipality!: string;

  /** Named unit coordinators (nimetty työntekijä): instructions, induction, rooms, fee practice. */
  @Property({ type: 'array' })
  coordinatorNames: string[] = [];

  @Property({ type: 'timestamptz' })
  createdAt!: Date;

  /** The unit's instructions for experts, kept current by its unit coordinator (003 §3). */
  @Property({ type: 'text', nullable: true })
  instructionsForExperts?: string | null;
}

/** An expert oriented (perehdytetty) in a unit by its unit coordinator (003 §3). */
@Entity({ tableName: 'unit_orientation' })
@Filter(REGION_FILTER)
@Index({ properties: ['regionId'] })
@Unique({ properties: ['unitId', 'expertId'] })
export class UnitOrientation {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ type: 'text' })
  regionId!: string;

  @ManyToOne({ entity: () => Unit, fieldName: 'unit_id', mapToPk: true })
  unitId!: string;

  @Property({ type: 'uuid' })
  expertId!: string;

  @Property({ type: 'date' })
  orientedOn!: string;

  @Property({ type: 'text' })
  recordedBy!: string;

  @Property({ type: 'timestamptz' })
  recordedAt!: Date;
}
