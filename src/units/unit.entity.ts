import { Entity, Filter, Index, PrimaryKey, Property } from '@mikro-orm/core';
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
}
