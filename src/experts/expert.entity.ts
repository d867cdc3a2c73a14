import { Entity, Enum, Filter, Index, OptionalProps, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import { REGION_FILTER } from '../db/region-filter';
import type { ExpertStatus } from './rules/expert-lifecycle';

export type Introduction = Partial<Record<'fi' | 'sv' | 'en' | 'se', string>>;

export interface InterviewRecord {
  stepId: string;
  heldOn: string;
  panel: Array<{ role: string; name: string }>;
  notes?: string | null;
}

/**
 * An experience expert (kokemusasiantuntija) of one region, from application to the end of the
 * work. Contact details and topics of experience are personal and special-category data: see
 * expert-access.ts for who may read them. After erasure only the pseudonym and the dates remain,
 * so that fee records can still point at the row.
 */
@Entity({ tableName: 'expert' })
@Filter(REGION_FILTER)
@Index({ properties: ['regionId', 'status'] })
// The pool's page order: a page reads its rows in index order instead of sorting the region.
@Index({ properties: ['regionId', 'displayName', 'id'] })
// One profile per account and region, or myData would answer with someone else's data.
@Unique({ name: 'expert_region_id_account_id_unique', properties: ['regionId', 'accountId'] })
@Index({
  name: 'expert_topic_ids_gin',
  expression: 'create index "expert_topic_ids_gin" on "expert" using gin ("topic_ids")',
})
@Index({
  name: 'expert_task_type_ids_gin',
  expression: 'create index "expert_task_type_ids_gin" on "expert" using gin ("task_type_ids")',
})
@Index({
  name: 'expert_languages_gin',
  expression: 'create index "expert_languages_gin" on "expert" using gin ("languages")',
})
@Index({
  name: 'expert_municipalities_gin',
  expression: 'create index "expert_municipalities_gin" on "expert" using gin ("municipalities")',
})
export class Expert {
  [OptionalProps]?:
    | 'version'
    | 'introduction'
    | 'topicIds'
    | 'topicsPublic'
    | 'earningsLimitOptIn'
    | 'earningsLimitCents'
    | 'languages'
    | 'municipalities'
    | 'remote'
    | 'taskTypeIds'
    | 'unitIds';

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ type: 'text' })
  regionId!: string;

  @Enum({
    items: () => ['APPLIED', 'INTERVIEWED', 'CONTRACTED', 'ACTIVE', 'PAUSED', 'ENDED'],
    nativeEnumName: 'expert_status',
  })
  status!: ExpertStatus;

  /** Stable pseudonym that survives erasure (fee records and accounting refer to it). */
  @Property({ type: 'text' })
  @Unique()
  pseudonym!: string;

  /** Token subject of the expert's own account, when they have one. */
  @Property({ type: 'text', nullable: true })
  accountId?: string | null;

  @Property({ type: 'text' })
  displayName!: string;

  @Property({ type: 'text', nullable: true })
  email?: string | null;

  @Property({ type: 'text', nullable: true })
  phone?: string | null;

  /** Introduction per locale of the region. */
  @Property({ type: 'json' })
  introduction: Introduction = {};

  /** Topic ids from the region's list; special-category data. */
  @Property({ type: 'array' })
  topicIds: string[] = [];

  /** Consent: topics may be shown to professionals searching the pool. */
  @Property({ type: 'boolean' })
  topicsPublic: boolean = false;

  /** Consent: the expert sees (and the coordinator too) how a month's fees compare with their earnings limit. */
  @Property({ type: 'boolean' })
  earningsLimitOptIn: boolean = false;

  /**
   * The expert's own monthly earnings limit (e.g. of a rehabilitation benefit), in cents, kept only
   * while they opt in, so that the expert and the coordinator can see how close a month's fees come.
   */
  @Property({ type: 'integer', nullable: true })
  earningsLimitCents?: number | null;

  /** ISO 639 language codes the expert works in. */
  @Property({ type: 'array' })
  languages: string[] = [];

  @Property({ type: 'array' })
  municipalities: string[] = [];

  /** Works remotely (video). */
  @Property({ type: 'boolean' })
  remote: boolean = false;

  @Property({ type: 'array' })
  taskTypeIds: string[] = [];

  /** Units the expert has been inducted in (perehdytys, the unit-induction onboarding step). */
  @Property({ type: 'array' })
  unitIds: string[] = [];

  @Property({ type: 'json', nullable: true })
  interview?: InterviewRecord | null;

  @Property({ type: 'timestamptz' })
  createdAt!: Date;

  @Property({ type: 'timestamptz' })
  statusChangedAt!: Date;

  @Property({ type: 'timestamptz', nullable: true })
  erasedAt?: Date | null;

  @Property({ type: 'integer', version: true })
  version!: number;
}
