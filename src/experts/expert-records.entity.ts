import { Entity, Filter, Index, ManyToOne, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import { REGION_FILTER } from '../db/region-filter';
import { Expert } from './expert.entity';

/** What every record about one expert carries: its id, the expert's region, and the expert. */
abstract class ExpertRecord {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ type: 'text' })
  regionId!: string;

  @ManyToOne({ entity: () => Expert, fieldName: 'expert_id' })
  expert!: Expert;
}

/**
 * A commission contract (toimeksiantosopimus, 003 §6.1): the expert's training, earlier experience
 * as an expert, topics of experience and wishes, the task types agreed and the validity period.
 * Only one contract is valid on any day.
 */
@Entity({ tableName: 'expert_contract' })
@Filter(REGION_FILTER)
@Index({ properties: ['expert', 'validFrom'] })
@Index({ properties: ['regionId'] })
export class ExpertContract extends ExpertRecord {
  @Property({ type: 'date' })
  validFrom!: string;

  @Property({ type: 'date' })
  validTo!: string;

  @Property({ type: 'date' })
  signedOn!: string;

  @Property({ type: 'text', nullable: true })
  training?: string | null;

  @Property({ type: 'text', nullable: true })
  earlierExperience?: string | null;

  @Property({ type: 'array' })
  topicIds: string[] = [];

  @Property({ type: 'text', nullable: true })
  wishes?: string | null;

  @Property({ type: 'array' })
  taskTypeIds: string[] = [];

  @Property({ type: 'timestamptz' })
  createdAt!: Date;
}

/** A training the expert completed; whether it meets the Kokoa ry recommendation is derived. */
@Entity({ tableName: 'expert_training' })
@Filter(REGION_FILTER)
@Index({ properties: ['expert'] })
@Index({ properties: ['regionId'] })
export class ExpertTraining extends ExpertRecord {
  @Property({ type: 'text' })
  name!: string;

  @Property({ type: 'text' })
  provider!: string;

  @Property({ type: 'integer' })
  hours!: number;

  @Property({ type: 'date', nullable: true })
  startedOn?: string | null;

  @Property({ type: 'date' })
  completedOn!: string;
}

/** The tax card of one calendar year, delivered at signing and at the start of every year (003 §6.3). */
@Entity({ tableName: 'expert_tax_card' })
@Filter(REGION_FILTER)
@Unique({ properties: ['expert', 'year'] })
@Index({ properties: ['regionId', 'year'] })
export class ExpertTaxCard extends ExpertRecord {
  @Property({ type: 'integer' })
  year!: number;

  @Property({ type: 'date' })
  receivedOn!: string;
}

export type ConsentKind = 'TOPICS_PUBLIC' | 'EARNINGS_LIMIT';

/**
 * One consent given or withdrawn, kept so that the expert (myData) and the coordinator can see
 * when each consent was in force, and whether the expert gave it themselves or a coordinator
 * recorded it on their behalf (a consent given on paper).
 */
@Entity({ tableName: 'expert_consent' })
@Filter(REGION_FILTER)
@Index({ properties: ['expert', 'at'] })
@Index({ properties: ['regionId'] })
export class ExpertConsent extends ExpertRecord {
  @Property({ type: 'text' })
  consent!: ConsentKind;

  /** True: given; false: withdrawn. */
  @Property({ type: 'boolean' })
  given!: boolean;

  @Property({ type: 'timestamptz' })
  at!: Date;

  /** Token subject of who recorded it: the expert, or a coordinator on their behalf. */
  @Property({ type: 'text' })
  recordedBy!: string;

  @Property({ type: 'boolean' })
  onBehalf!: boolean;
}
