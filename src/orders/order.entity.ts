import { Entity, Enum, Filter, Index, ManyToOne, OptionalProps, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import { REGION_FILTER } from '../db/region-filter';
import { Expert } from '../experts/expert.entity';
import { Unit } from '../units/unit.entity';
import type { TaxClass } from '../region/region-config';
import {
  OFFER_STATUSES,
  ORDER_KINDS,
  ORDER_STATUSES,
  SESSION_OUTCOMES,
  SESSION_STATUSES,
  type CancellationClass,
  type OfferStatus,
  type OrderKind,
  type OrderStatus,
  type SessionOutcome,
  type SessionStatus,
} from './rules/order-state';

/**
 * The fee agreed before the work (003 §3): the task type's fee category or package and the rates
 * in force when the order was agreed, copied onto the order so that a later fee table never
 * rewrites what was agreed. The fee engine reads only this.
 */
export interface AgreedFee {
  /** The date whose fee table the rates come from (the agreement, or the work if recorded afterwards). */
  ratesOn: string;
  paid: boolean;
  feeCategory: string | null;
  rows: Array<{ category: string; hourlyRateCents: number; taxClass: TaxClass; taxClassIsDefault: boolean }>;
  package: {
    id: string;
    priceCents: number;
    includes: Array<{ category: string; minutes: number; amountCents: number }>;
  } | null;
}

/** A requester outside the county (a school, an association, an event; 004), kept only for a while. */
export interface ExternalRequester {
  organisation: string;
  contactPerson: string;
  email: string | null;
  phone: string | null;
}

/** A client process's plan (003 §4.2), agreed at the first meeting. */
export interface ClientProcessPlan {
  plannedMeetings: number;
  frequency: string;
  planAgreedOn: string | null;
  contactWay: string;
  responsibleProfessional: string;
}

/** A group is agreed for a period (003 §4.3). */
export interface GroupPeriod {
  from: string;
  to: string;
}

/**
 * An order (toimeksianto, tilaus): one requested task, from a unit or an external requester,
 * with its sessions and the experts offered it. Named `work_order` in SQL, where ORDER is a keyword.
 */
@Entity({ tableName: 'work_order' })
@Filter(REGION_FILTER)
// The order lists' order (newest first) within a region, a unit, and a region's orders in a status.
@Index({ properties: ['regionId', 'createdAt', 'id'] })
@Index({ properties: ['unitId', 'createdAt', 'id'] })
@Index({ properties: ['regionId', 'status', 'createdAt', 'id'] })
// A repeated createOrder with the same key returns the first order (per caller and region).
@Unique({ properties: ['regionId', 'orderedById', 'idempotencyKey'] })
export class Order {
  [OptionalProps]?: 'version' | 'closedAt' | 'cancelledAt' | 'debriefingHeldOn' | 'requesterErasedAt';

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ type: 'text' })
  regionId!: string;

  @Enum({ items: () => [...ORDER_STATUSES], nativeEnumName: 'order_status' })
  status!: OrderStatus;

  @Enum({ items: () => [...ORDER_KINDS], nativeEnumName: 'order_kind' })
  kind!: OrderKind;

  /** The unit that orders and pays; null for an external requester. */
  @ManyToOne({ entity: () => Unit, fieldName: 'unit_id', mapToPk: true, nullable: true })
  unitId!: string | null;

  @Property({ type: 'json', nullable: true })
  externalRequester!: ExternalRequester | null;

  /** When the external requester's contact details were erased (retention). */
  @Property({ type: 'timestamptz', nullable: true })
  requesterErasedAt?: Date | null;

  @Property({ type: 'text' })
  taskTypeId!: string;

  @Property({ type: 'array' })
  topicIds: string[] = [];

  @Property({ type: 'text' })
  title!: string;

  @Property({ type: 'text', nullable: true })
  description!: string | null;

  @Property({ type: 'text', nullable: true })
  targetGroup!: string | null;

  /** ISO 639 code of the language the work is done in. */
  @Property({ type: 'text' })
  language!: string;

  /** Done over video. */
  @Property({ type: 'boolean' })
  remote!: boolean;

  @Property({ type: 'text', nullable: true })
  municipality!: string | null;

  @Property({ type: 'smallint' })
  expertsNeeded!: number;

  @Property({ type: 'integer' })
  preparationMinutes!: number;

  /** Travel compensation agreed in advance, in cents; null when none was agreed. */
  @Property({ type: 'integer', nullable: true })
  travelCents!: number | null;

  /** A pseudonym chosen by the professional ("A-17"); never a name or an identity code. */
  @Property({ type: 'text', nullable: true })
  clientRef!: string | null;

  @Property({ type: 'json' })
  agreedFee!: AgreedFee;

  @Property({ type: 'json', nullable: true })
  plan!: ClientProcessPlan | null;

  @Property({ type: 'json', nullable: true })
  groupPeriod!: GroupPeriod | null;

  @Property({ type: 'boolean' })
  debriefingOffered!: boolean;

  @Property({ type: 'date', nullable: true })
  debriefingHeldOn?: string | null;

  /** Token subject of whoever placed the order. */
  @Property({ type: 'text' })
  orderedById!: string;

  @Property({ type: 'text', nullable: true })
  orderedByName!: string | null;

  @Property({ type: 'text' })
  orderedByRole!: string;

  @Property({ type: 'text', nullable: true })
  idempotencyKey!: string | null;

  /** Digest of the createOrder input, so that the same key with another input is refused. */
  @Property({ type: 'text', nullable: true })
  idempotencyDigest!: string | null;

  @Property({ type: 'timestamptz' })
  createdAt!: Date;

  @Property({ type: 'timestamptz', nullable: true })
  cancelledAt?: Date | null;

  @Property({ type: 'text', nullable: true })
  cancellationReason?: string | null;

  /** When the order became DONE or CANCELLED; retention periods run from here. */
  @Property({ type: 'timestamptz', nullable: true })
  closedAt?: Date | null;

  @Property({ type: 'integer', version: true })
  version!: number;
}

/** One meeting, lecture or group session of an order. */
@Entity({ tableName: 'order_session' })
@Filter(REGION_FILTER)
@Index({ properties: ['regionId'] })
@Index({ properties: ['orderId', 'startsAt'] })
// Metrics read a region's sessions by time.
@Index({ properties: ['regionId', 'startsAt'] })
export class OrderSession {
  [OptionalProps]?: 'version' | 'status' | 'rescheduleCount';

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ type: 'text' })
  regionId!: string;

  @ManyToOne({ entity: () => Order, fieldName: 'order_id', mapToPk: true })
  orderId!: string;

  /** MEETING; in a client process PAIR or INDIVIDUAL; in a group PLANNING or GROUP. */
  @Property({ type: 'text' })
  kind!: string;

  @Property({ type: 'timestamptz' })
  startsAt!: Date;

  @Property({ type: 'timestamptz' })
  endsAt!: Date;

  @Enum({ items: () => [...SESSION_STATUSES], nativeEnumName: 'session_status' })
  status: SessionStatus = 'SCHEDULED';

  /** Computed when the session was agreed; a later policy never moves it. */
  @Property({ type: 'timestamptz' })
  cancellationDeadline!: Date;

  @Property({ type: 'timestamptz', nullable: true })
  cancelledAt?: Date | null;

  @Property({ type: 'text', nullable: true })
  cancellationClass?: CancellationClass | null;

  @Property({ type: 'text', nullable: true })
  cancellationReason?: string | null;

  @Enum({ items: () => [...SESSION_OUTCOMES], nativeEnumName: 'session_outcome', nullable: true })
  outcome?: SessionOutcome | null;

  @Property({ type: 'integer', nullable: true })
  workedMinutes?: number | null;

  @Property({ type: 'timestamptz', nullable: true })
  outcomeRecordedAt?: Date | null;

  @Property({ type: 'text', nullable: true })
  outcomeRecordedBy?: string | null;

  @Property({ type: 'smallint' })
  rescheduleCount: number = 0;

  /** The expert's short report for the ordering professional (003 §4.5); deleted after the order closes. */
  @Property({ type: 'text', nullable: true })
  report?: string | null;

  @Property({ type: 'timestamptz', nullable: true })
  reportWrittenAt?: Date | null;

  @Property({ type: 'integer', version: true })
  version!: number;
}

/** An order offered to one expert, who answers freely. */
@Entity({ tableName: 'order_offer' })
@Filter(REGION_FILTER)
@Index({ properties: ['regionId'] })
@Index({ properties: ['orderId'] })
@Index({ properties: ['expertId', 'offeredAt'] })
// One live offer per expert and order.
@Index({
  name: 'order_offer_live_unique',
  expression: `create unique index "order_offer_live_unique" on "order_offer" ("order_id", "expert_id") where "status" in ('OFFERED', 'ACCEPTED')`,
})
export class Offer {
  [OptionalProps]?: 'version';

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ type: 'text' })
  regionId!: string;

  @ManyToOne({ entity: () => Order, fieldName: 'order_id', mapToPk: true })
  orderId!: string;

  @ManyToOne({ entity: () => Expert, fieldName: 'expert_id', mapToPk: true })
  expertId!: string;

  @Enum({ items: () => [...OFFER_STATUSES], nativeEnumName: 'offer_status' })
  status!: OfferStatus;

  @Property({ type: 'text' })
  offeredById!: string;

  @Property({ type: 'text' })
  offeredByRole!: string;

  @Property({ type: 'timestamptz' })
  offeredAt!: Date;

  @Property({ type: 'timestamptz', nullable: true })
  respondBy!: Date | null;

  @Property({ type: 'timestamptz', nullable: true })
  respondedAt?: Date | null;

  @Property({ type: 'timestamptz', nullable: true })
  withdrawnAt?: Date | null;

  @Property({ type: 'integer', version: true })
  version!: number;
}

/** Something a coordinator must know (an expert stepped back from accepted work). */
@Entity({ tableName: 'notification' })
@Filter(REGION_FILTER)
@Index({ properties: ['regionId', 'createdAt'] })
export class Notification {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ type: 'text' })
  regionId!: string;

  /** Who should act: a role of the region (COORDINATOR). */
  @Property({ type: 'text' })
  audience!: string;

  @Property({ type: 'text' })
  kind!: string;

  @ManyToOne({ entity: () => Order, fieldName: 'order_id', mapToPk: true, nullable: true })
  orderId!: string | null;

  @Property({ type: 'text' })
  message!: string;

  @Property({ type: 'timestamptz' })
  createdAt!: Date;
}
