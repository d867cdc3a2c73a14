import { Entity, Filter, Index, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { REGION_FILTER } from '../db/region-filter';

/**
 * The analysts' rollup: one row per region, month (in the region's time zone), unit, task type
 * and topic, with what the live aggregate would compute for that cell. `topic` is '' for the row
 * that counts each session once; the per-topic rows count a session under each topic its order
 * asks for ('none' when it asks for none). `unitKey` '*' rows hold the same over all units, so
 * that a table not grouped by unit reads one row where it would read one per unit. Sums are
 * additive across cells; the sets (experts, match times) are kept whole so that distinct counts
 * and medians stay exact when cells are combined. Written only by the rollup refresh
 * (rollup.ts), never hydrated.
 */
@Entity({ tableName: 'metrics_cell' })
@Filter(REGION_FILTER)
export class MetricsCell {
  @PrimaryKey({ type: 'text' })
  regionId!: string;

  @PrimaryKey({ type: 'text' })
  month!: string;

  /** The unit's id, 'external' for orders by external requesters, or '*' for all of them. */
  @PrimaryKey({ type: 'text' })
  unitKey!: string;

  @PrimaryKey({ type: 'text' })
  taskTypeId!: string;

  @PrimaryKey({ type: 'text' })
  topic!: string;

  /** Orders with a session in the cell (an order counts in each month it has sessions in). */
  @Property({ type: 'integer' })
  orders!: number;

  @Property({ type: 'integer' })
  completed!: number;

  @Property({ type: 'bigint' })
  minutes!: string;

  @Property({ type: 'integer' })
  late!: number;

  @Property({ type: 'integer' })
  noShows!: number;

  /** Null when the cell has no fee line (the live aggregate shows no fee then, not zero). */
  @Property({ type: 'bigint', nullable: true })
  fees!: string | null;

  @Property({ type: 'bigint', nullable: true })
  salary!: string | null;

  @Property({ type: 'bigint', nullable: true })
  workCompensation!: string | null;

  /** Offers of the cell's orders accepted (or accepted and later withdrawn from). */
  @Property({ type: 'integer' })
  accepted!: number;

  /** Offers of the cell's orders that were answered or expired. */
  @Property({ type: 'integer' })
  answered!: number;

  /**
   * Hours from the matched orders' requests to their first acceptances, to the minute, as a
   * histogram: distinct hours ascending, and how many orders took each (`matchCounts`).
   */
  @Property({ columnType: 'double precision[]', type: 'array' })
  matchHours!: number[];

  @Property({ columnType: 'int[]', type: 'array' })
  matchCounts!: number[];

  /**
   * The experts who accepted the cell's orders, as a set of their ordinals in the region
   * (`MetricsExpert`): bit n is set when expert n is in the cell. Combined cells are OR-ed and
   * the bits counted, which counts each expert once without sorting ids.
   */
  @Property({ columnType: 'varbit', type: 'string' })
  experts!: string;

  /** Per side: the sum and number of scale answers, and the number of responses. */
  @Property({ type: 'integer' })
  fbExpertSum!: number;

  @Property({ type: 'integer' })
  fbExpertAnswers!: number;

  @Property({ type: 'integer' })
  fbExpertResponses!: number;

  @Property({ type: 'integer' })
  fbClientSum!: number;

  @Property({ type: 'integer' })
  fbClientAnswers!: number;

  @Property({ type: 'integer' })
  fbClientResponses!: number;

  @Property({ type: 'integer' })
  fbProfessionalSum!: number;

  @Property({ type: 'integer' })
  fbProfessionalAnswers!: number;

  @Property({ type: 'integer' })
  fbProfessionalResponses!: number;

  /**
   * The order-level figures again, counting only the orders whose first session (of all their
   * sessions) is in this month. A table over several months without MONTH counts each order
   * once: from these, plus the orders that started before the period (`MetricsOrderMonth`).
   */
  @Property({ type: 'integer' })
  firstOrders!: number;

  @Property({ type: 'integer' })
  firstAccepted!: number;

  @Property({ type: 'integer' })
  firstAnswered!: number;

  @Property({ columnType: 'double precision[]', type: 'array' })
  firstMatchHours!: number[];

  @Property({ columnType: 'int[]', type: 'array' })
  firstMatchCounts!: number[];

  @Property({ type: 'integer' })
  fbFirstExpertSum!: number;

  @Property({ type: 'integer' })
  fbFirstExpertAnswers!: number;

  @Property({ type: 'integer' })
  fbFirstExpertResponses!: number;

  @Property({ type: 'integer' })
  fbFirstClientSum!: number;

  @Property({ type: 'integer' })
  fbFirstClientAnswers!: number;

  @Property({ type: 'integer' })
  fbFirstClientResponses!: number;

  @Property({ type: 'integer' })
  fbFirstProfessionalSum!: number;

  @Property({ type: 'integer' })
  fbFirstProfessionalAnswers!: number;

  @Property({ type: 'integer' })
  fbFirstProfessionalResponses!: number;
}

/**
 * What an order contributes to the aggregates once, whatever months it spans: a table grouped
 * without MONTH counts an order, its offers, its time to match and its feedback once, as the live
 * aggregate does. `months` lists the months (region's time zone) in which it has sessions.
 */
@Entity({ tableName: 'metrics_order' })
@Filter(REGION_FILTER)
@Index({ properties: ['regionId'] })
export class MetricsOrderFacts {
  @PrimaryKey({ type: 'uuid' })
  orderId!: string;

  @Property({ type: 'text' })
  regionId!: string;

  @Property({ type: 'text' })
  unitKey!: string;

  @Property({ type: 'text' })
  taskTypeId!: string;

  /** The order's topics, or ['none']. */
  @Property({ type: 'array' })
  topics!: string[];

  @Property({ type: 'array' })
  months!: string[];

  @Property({ type: 'integer' })
  accepted!: number;

  @Property({ type: 'integer' })
  answered!: number;

  @Property({ type: 'double', nullable: true })
  matchHours!: number | null;

  @Property({ type: 'integer' })
  fbExpertSum!: number;

  @Property({ type: 'integer' })
  fbExpertAnswers!: number;

  @Property({ type: 'integer' })
  fbExpertResponses!: number;

  @Property({ type: 'integer' })
  fbClientSum!: number;

  @Property({ type: 'integer' })
  fbClientAnswers!: number;

  @Property({ type: 'integer' })
  fbClientResponses!: number;

  @Property({ type: 'integer' })
  fbProfessionalSum!: number;

  @Property({ type: 'integer' })
  fbProfessionalAnswers!: number;

  @Property({ type: 'integer' })
  fbProfessionalResponses!: number;
}

/**
 * The months an order's sessions span, first to last (gaps included): found by month with a
 * plain index (a range operator would not be used under row-level security). `first` marks its
 * first month; the other rows find the orders that began before a period and go on into it.
 */
@Entity({ tableName: 'metrics_order_month' })
@Filter(REGION_FILTER)
// The rows a table across months reads: the orders going on into a month, not those starting in it.
@Index({
  name: 'metrics_order_month_crossing',
  expression:
    'create index "metrics_order_month_crossing" on "metrics_order_month" ("region_id", "month") where not "first"',
})
export class MetricsOrderMonth {
  @PrimaryKey({ type: 'text' })
  regionId!: string;

  @PrimaryKey({ type: 'text' })
  month!: string;

  @PrimaryKey({ type: 'uuid' })
  orderId!: string;

  @Property({ type: 'boolean' })
  first!: boolean;
}

/**
 * A month whose rollup may no longer match the data: written by triggers on every change to
 * sessions, orders, offers, fee lines and feedback (migration `metrics_rollup`), removed by the
 * refresh that rebuilds the month. Months are marked in UTC a day either side, which covers
 * the month in any region's time zone. Append-only, so writers never wait on each other here.
 */
@Entity({ tableName: 'metrics_stale_month' })
@Filter(REGION_FILTER)
@Index({ properties: ['regionId', 'month'] })
export class MetricsStaleMonth {
  @PrimaryKey({ type: 'bigint', autoincrement: true })
  id!: string;

  @Property({ type: 'text' })
  regionId!: string;

  @Property({ type: 'text' })
  month!: string;

  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  markedAt!: Date;
}

/**
 * A small number per expert, fixed once given, so that a rollup cell can hold its experts as a
 * bit set. Numbered per region from 0 (an expert belongs to one region), by the refresh.
 */
@Entity({ tableName: 'metrics_expert' })
@Filter(REGION_FILTER)
@Unique({ properties: ['regionId', 'ordinal'] })
export class MetricsExpert {
  @PrimaryKey({ type: 'uuid' })
  expertId!: string;

  @Property({ type: 'text' })
  regionId!: string;

  @Property({ type: 'integer' })
  ordinal!: number;
}

/**
 * A region's month as the rollup last built it: when, and how many bits its cells' expert sets
 * have (sets built later may be longer; a query pads them to the longest before combining).
 */
@Entity({ tableName: 'metrics_month' })
@Filter(REGION_FILTER)
export class MetricsMonth {
  @PrimaryKey({ type: 'text' })
  regionId!: string;

  @PrimaryKey({ type: 'text' })
  month!: string;

  @Property({ type: 'integer' })
  expertBits!: number;

  @Property({ type: 'timestamptz' })
  builtAt!: Date;
}
