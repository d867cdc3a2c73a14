import { Entity, Enum, Filter, Index, ManyToOne, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import { REGION_FILTER } from '../db/region-filter';
import { Order } from '../orders/order.entity';
import { RESPONDENTS, type Respondent } from '../region/region-config';

export interface FeedbackAnswer {
  questionId: string;
  scale?: number | null;
  yes?: boolean | null;
  text?: string | null;
}

/**
 * Feedback on an order from one of three sides (003 §8): the expert, the professional, or the
 * client through a one-time link. Nothing identifies a client: `submittedBy` is null for them.
 */
@Entity({ tableName: 'feedback_response' })
@Filter(REGION_FILTER)
@Index({ properties: ['regionId', 'submittedAt'] })
@Index({ properties: ['orderId'] })
// One answer per person and order; clients are kept to one per link.
@Unique({ properties: ['orderId', 'respondent', 'submittedBy'] })
export class FeedbackResponse {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ type: 'text' })
  regionId!: string;

  @ManyToOne({ entity: () => Order, fieldName: 'order_id', mapToPk: true })
  orderId!: string;

  @Enum({ items: () => [...RESPONDENTS], nativeEnumName: 'feedback_respondent' })
  respondent!: Respondent;

  @Property({ type: 'json' })
  answers!: FeedbackAnswer[];

  /** Token subject of the expert or professional; null for a client. */
  @Property({ type: 'text', nullable: true })
  submittedBy!: string | null;

  @Property({ type: 'timestamptz' })
  submittedAt!: Date;
}

/** A one-time link a professional hands to the client; only the token's hash is kept. */
@Entity({ tableName: 'feedback_link' })
@Filter(REGION_FILTER)
@Index({ properties: ['regionId'] })
export class FeedbackLink {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ type: 'text' })
  regionId!: string;

  @ManyToOne({ entity: () => Order, fieldName: 'order_id', mapToPk: true })
  orderId!: string;

  @Property({ type: 'text' })
  @Unique()
  tokenHash!: string;

  @Property({ type: 'text' })
  createdBy!: string;

  @Property({ type: 'timestamptz' })
  createdAt!: Date;

  @Property({ type: 'timestamptz' })
  expiresAt!: Date;

  @Property({ type: 'timestamptz', nullable: true })
  usedAt?: Date | null;
}
