import { Entity, Enum, Filter, Index, ManyToOne, PrimaryKey, Property } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import { REGION_FILTER } from '../db/region-filter';
import { Expert } from '../experts/expert.entity';
import type { TaxClass } from '../region/region-config';
import { Unit } from '../units/unit.entity';

export const RECEPTION_KINDS = ['BOOKED', 'WALK_IN'] as const;
export type ReceptionKind = (typeof RECEPTION_KINDS)[number];

/**
 * An expert's reception hours in a unit (003 §4): clients come through the county's booking or
 * walk in, so this is no order from a professional. Paid hourly at the rate in force on the day,
 * stored here. Only a visitor count is kept, never who came.
 */
@Entity({ tableName: 'reception_shift' })
@Filter(REGION_FILTER)
@Index({ properties: ['regionId', 'startsAt'] })
@Index({ properties: ['unitId', 'startsAt'] })
@Index({ properties: ['expertId', 'startsAt'] })
export class ReceptionShift {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ type: 'text' })
  regionId!: string;

  @ManyToOne({ entity: () => Unit, fieldName: 'unit_id', mapToPk: true })
  unitId!: string;

  @ManyToOne({ entity: () => Expert, fieldName: 'expert_id', mapToPk: true })
  expertId!: string;

  @Property({ type: 'timestamptz' })
  startsAt!: Date;

  @Property({ type: 'timestamptz' })
  endsAt!: Date;

  @Enum({ items: () => [...RECEPTION_KINDS], nativeEnumName: 'reception_kind' })
  kind!: ReceptionKind;

  @Property({ type: 'integer' })
  visitorCount!: number;

  @Property({ type: 'text' })
  taskTypeId!: string;

  @Property({ type: 'text' })
  feeCategory!: string;

  @Property({ type: 'integer' })
  hourlyRateCents!: number;

  @Property({ type: 'text' })
  taxClass!: TaxClass;

  @Property({ type: 'text' })
  recordedBy!: string;

  @Property({ type: 'timestamptz' })
  createdAt!: Date;
}
