import { Entity, Enum, Filter, Index, ManyToOne, OptionalProps, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import { REGION_FILTER } from '../db/region-filter';
import { Expert } from '../experts/expert.entity';
import type { TaxClass } from '../region/region-config';
import type { FeeRule } from './fee-engine';

/**
 * One line of an expert's fee, written when a session's outcome (or a late cancellation) is
 * recorded, from the rates agreed on the order. A line never changes: a line for work of a month
 * whose payout period is closed goes to the next open period as an adjustment. Lines outlive the
 * expert's erasure, pointing at the pseudonym, for as long as accounting law requires.
 */
@Entity({ tableName: 'fee_line' })
@Filter(REGION_FILTER)
@Index({ properties: ['regionId', 'periodMonth', 'payerKey'] })
@Index({ properties: ['expertId', 'periodMonth'] })
@Index({ properties: ['sessionId'] })
export class FeeLineRecord {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ type: 'text' })
  regionId!: string;

  @ManyToOne({ entity: () => Expert, fieldName: 'expert_id', mapToPk: true })
  expertId!: string;

  @Property({ type: 'uuid', nullable: true })
  orderId!: string | null;

  @Property({ type: 'uuid', nullable: true })
  sessionId!: string | null;

  /** For reception work (003 §4), the shift instead of an order's session. */
  @Property({ type: 'uuid', nullable: true })
  receptionShiftId?: string | null;

  /** Who pays: a unit id, or `external:<organisation>` for a requester outside the county. */
  @Property({ type: 'text' })
  payerKey!: string;

  @Property({ type: 'uuid', nullable: true })
  unitId!: string | null;

  /** The month the work was done, in the region's time zone ('YYYY-MM'). */
  @Property({ type: 'text' })
  workMonth!: string;

  /** The payout period the line is paid in: the work month, or a later one for an adjustment. */
  @Property({ type: 'text' })
  periodMonth!: string;

  @Property({ type: 'text' })
  category!: string;

  @Property({ type: 'integer' })
  minutes!: number;

  @Property({ type: 'integer', nullable: true })
  hourlyRateCents!: number | null;

  @Property({ type: 'integer' })
  amountCents!: number;

  @Property({ type: 'text', nullable: true })
  taxClass!: TaxClass | null;

  @Property({ type: 'boolean' })
  taxClassIsDefault!: boolean;

  @Property({ type: 'text' })
  rule!: FeeRule;

  @Property({ type: 'timestamptz' })
  createdAt!: Date;
}

/** A region's payout period for one work month: open until the regional coordinator closes it. */
@Entity({ tableName: 'payout_period' })
@Filter(REGION_FILTER)
@Unique({ properties: ['regionId', 'month'] })
export class PayoutPeriodRecord {
  [OptionalProps]?: 'version' | 'closedAt' | 'closedBy';

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ type: 'text' })
  regionId!: string;

  @Property({ type: 'text' })
  month!: string;

  @Enum({ items: () => ['OPEN', 'CLOSED'], nativeEnumName: 'payout_period_status' })
  status!: 'OPEN' | 'CLOSED';

  @Property({ type: 'timestamptz', nullable: true })
  closedAt?: Date | null;

  @Property({ type: 'text', nullable: true })
  closedBy?: string | null;

  @Property({ type: 'integer', version: true })
  version!: number;
}

/** A unit's approval of its fee payment notice for a month (003 §6.3). */
@Entity({ tableName: 'payout_notice_approval' })
@Filter(REGION_FILTER)
@Unique({ properties: ['regionId', 'month', 'payerKey'] })
export class NoticeApproval {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ type: 'text' })
  regionId!: string;

  @Property({ type: 'text' })
  month!: string;

  @Property({ type: 'text' })
  payerKey!: string;

  @Property({ type: 'timestamptz' })
  approvedAt!: Date;

  @Property({ type: 'text' })
  approvedBy!: string;

  /** The notice's total when it was approved: new lines after it reopen the approval. */
  @Property({ type: 'integer' })
  approvedTotalCents!: number;
}

/** The expert saw and confirmed their lines of a month. */
@Entity({ tableName: 'expert_month_confirmation' })
@Filter(REGION_FILTER)
@Unique({ properties: ['regionId', 'month', 'expertId'] })
export class MonthConfirmation {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ type: 'text' })
  regionId!: string;

  @Property({ type: 'text' })
  month!: string;

  @ManyToOne({ entity: () => Expert, fieldName: 'expert_id', mapToPk: true })
  expertId!: string;

  @Property({ type: 'timestamptz' })
  confirmedAt!: Date;

  @Property({ type: 'integer' })
  confirmedTotalCents!: number;
}
