import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { MaxLength } from '../common/input-guard';
import { Connection } from '../common/pagination';
import { DateTimeScalar, LocalDateScalar } from '../common/scalars';
import { TaxClassEnum } from '../region/region.types';
import {
  OFFER_STATUSES,
  ORDER_KINDS,
  ORDER_STATUSES,
  SESSION_OUTCOMES,
  SESSION_STATUSES,
  type OrderStatus,
  type SessionOutcome,
} from './rules/order-state';

const enumOf = <T extends string>(values: readonly T[]) =>
  Object.fromEntries(values.map((v) => [v, v])) as { [K in T]: K };

export const OrderStatusEnum = enumOf(ORDER_STATUSES);
registerEnumType(OrderStatusEnum, {
  name: 'OrderStatus',
  description: 'DRAFT → REQUESTED → OFFERED → ACCEPTED → DONE, or CANCELLED.',
});
export const OrderKindEnum = enumOf(ORDER_KINDS);
registerEnumType(OrderKindEnum, {
  name: 'OrderKind',
  description: 'SINGLE task, CLIENT_PROCESS (003 §4.2) or GROUP agreed for a period (003 §4.3).',
});
export const OfferStatusEnum = enumOf(OFFER_STATUSES);
registerEnumType(OfferStatusEnum, {
  name: 'OfferStatus',
  description:
    'OFFERED, then ACCEPTED, DECLINED, EXPIRED (not answered in time), FILLED (others took the places) or RETRACTED (order cancelled); ACCEPTED → WITHDRAWN when the expert steps back.',
});
export const SessionStatusEnum = enumOf(SESSION_STATUSES);
registerEnumType(SessionStatusEnum, { name: 'SessionStatus', description: 'SCHEDULED, CANCELLED or DONE.' });
export const SessionOutcomeEnum = enumOf(SESSION_OUTCOMES);
registerEnumType(SessionOutcomeEnum, {
  name: 'SessionOutcome',
  description:
    'How a session ended: COMPLETED, CLIENT_NO_SHOW, EXPERT_ILL, NO_PARTICIPANTS (group), GROUP_ENDED (group ended for a compelling or agreed reason).',
});
export const SessionKindEnum = enumOf(['MEETING', 'PAIR', 'INDIVIDUAL', 'GROUP', 'PLANNING'] as const);
registerEnumType(SessionKindEnum, {
  name: 'SessionKind',
  description:
    'MEETING (single task); PAIR (professional and expert) or INDIVIDUAL (the expert alone) in a client process; GROUP or PLANNING in a group.',
});
export const CancellationClassEnum = enumOf(['EARLY', 'LATE'] as const);
registerEnumType(CancellationClassEnum, {
  name: 'CancellationClass',
  description: 'EARLY: by the deadline stored on the session, free; LATE: after it, the agreed fee is paid.',
});

// ---- inputs ------------------------------------------------------------------------------------

@InputType({ description: 'When a session takes place.' })
export class SessionTimeInput {
  @Field(() => DateTimeScalar)
  startsAt!: Date;
  @Field(() => DateTimeScalar)
  endsAt!: Date;
  @Field(() => SessionKindEnum, {
    nullable: true,
    description: 'Default: by the order kind (a process: PAIR first, then INDIVIDUAL).',
  })
  kind?: string | null;
}

@InputType({
  description: 'A requester outside the county (a school, an association, an event); kept only for a while.',
})
export class ExternalRequesterInput {
  @Field(() => String)
  @MaxLength(200)
  organisation!: string;
  @Field(() => String)
  @MaxLength(200)
  contactPerson!: string;
  @Field(() => String, { nullable: true })
  @MaxLength(200)
  email?: string | null;
  @Field(() => String, { nullable: true })
  @MaxLength(50)
  phone?: string | null;
}

@InputType({ description: "A client process's plan (003 §4.2)." })
export class ClientProcessInput {
  @Field(() => Int, { description: 'Planned number of meetings.' })
  plannedMeetings!: number;
  @Field(() => String, { description: 'How often, e.g. "every second week".' })
  @MaxLength(200)
  frequency!: string;
  @Field(() => LocalDateScalar, { nullable: true, description: 'When the plan was agreed (at the first meeting).' })
  planAgreedOn?: string | null;
  @Field(() => String, { description: 'The agreed way of contact, e.g. "through the professional".' })
  @MaxLength(500)
  contactWay!: string;
  @Field(() => String, { description: 'The professional responsible for the client.' })
  @MaxLength(200)
  responsibleProfessional!: string;
}

@InputType({ description: 'The period a group is agreed for (003 §4.3).' })
export class GroupPeriodInput {
  @Field(() => LocalDateScalar)
  from!: string;
  @Field(() => LocalDateScalar)
  to!: string;
}

@InputType({ description: 'A new order. Free text must not identify a client: a personal identity code is refused.' })
export class CreateOrderInput {
  @Field(() => ID)
  regionId!: string;
  @Field(() => ID, { nullable: true, description: "The ordering unit; a professional's own by default." })
  unitId?: string | null;
  @Field(() => ExternalRequesterInput, {
    nullable: true,
    description: 'Instead of a unit, where the region takes requests from outside the county (coordinator only).',
  })
  externalRequester?: ExternalRequesterInput | null;
  @Field(() => ID)
  taskTypeId!: string;
  @Field(() => ID, {
    nullable: true,
    description: 'A fixed-price package of the task type, where the region has them.',
  })
  packageId?: string | null;
  @Field(() => [ID], { nullable: true, description: 'Topics of experience wanted.' })
  topicIds?: string[] | null;
  @Field(() => String)
  @MaxLength(200)
  title!: string;
  @Field(() => String, { nullable: true })
  @MaxLength(4000)
  description?: string | null;
  @Field(() => String, { nullable: true })
  @MaxLength(500)
  targetGroup?: string | null;
  @Field(() => String, { description: 'ISO 639 language code of the work.' })
  language!: string;
  @Field(() => Boolean, { nullable: true, description: 'Over video (where the region brokers remote work).' })
  remote?: boolean | null;
  @Field(() => String, { nullable: true, description: 'Where the work is done; required unless remote.' })
  @MaxLength(100)
  municipality?: string | null;
  @Field(() => Int, { nullable: true, description: 'Experts needed (default 1; a group may take two).' })
  expertsNeeded?: number | null;
  @Field(() => [SessionTimeInput])
  sessions!: SessionTimeInput[];
  @Field(() => Int, { nullable: true, description: 'Preparation agreed, in minutes.' })
  preparationMinutes?: number | null;
  @Field(() => Int, { nullable: true, description: 'Travel compensation agreed in advance, in cents.' })
  travelCents?: number | null;
  @Field(() => String, { nullable: true, description: 'A pseudonymous client reference chosen by the professional.' })
  @MaxLength(40)
  clientRef?: string | null;
  @Field(() => ClientProcessInput, { nullable: true, description: 'Makes the order a client process.' })
  clientProcess?: ClientProcessInput | null;
  @Field(() => GroupPeriodInput, { nullable: true, description: 'Makes the order a group.' })
  group?: GroupPeriodInput | null;
  @Field(() => Boolean, { nullable: true, description: 'Keep as DRAFT until submitOrder.' })
  draft?: boolean | null;
  @Field(() => String, {
    nullable: true,
    description: 'A repeated createOrder with this key returns the first order (also the Idempotency-Key header).',
  })
  idempotencyKey?: string | null;
}

@InputType('OrderFilter', { description: 'Which orders to list.' })
export class OrderFilterInput {
  @Field(() => OrderStatusEnum, { nullable: true })
  status?: OrderStatus | null;
  @Field(() => [OrderStatusEnum], { nullable: true })
  statuses?: OrderStatus[] | null;
  @Field(() => ID, { nullable: true })
  unitId?: string | null;
  @Field(() => DateTimeScalar, { nullable: true, description: 'Orders with a session starting at or after this.' })
  from?: Date | null;
  @Field(() => DateTimeScalar, { nullable: true, description: 'Orders with a session starting before this.' })
  to?: Date | null;
}

@InputType({ description: 'How a session ended.' })
export class SessionOutcomeInput {
  @Field(() => SessionOutcomeEnum)
  outcome!: SessionOutcome;
  @Field(() => Int, { nullable: true, description: 'Minutes worked; required for COMPLETED.' })
  minutes?: number | null;
}

// ---- outputs -----------------------------------------------------------------------------------

@ObjectType('AgreedRate', { description: 'A fee row as in force when the order was agreed.' })
export class AgreedRateType {
  @Field(() => ID)
  category!: string;
  @Field(() => Int)
  hourlyRateCents!: number;
  @Field(() => TaxClassEnum)
  taxClass!: string;
  @Field(() => Boolean)
  taxClassIsDefault!: boolean;
}

@ObjectType('AgreedPackagePart')
export class AgreedPackagePartType {
  @Field(() => ID)
  category!: string;
  @Field(() => Int)
  minutes!: number;
  @Field(() => Int)
  amountCents!: number;
}

@ObjectType('AgreedPackage', { description: 'A fixed-price package as agreed.' })
export class AgreedPackageType {
  @Field(() => ID)
  id!: string;
  @Field(() => Int)
  priceCents!: number;
  @Field(() => [AgreedPackagePartType])
  includes!: AgreedPackagePartType[];
}

@ObjectType('AgreedFee', {
  description: 'The fee agreed before the work (003 §3): rates copied from the table in force on `ratesOn`.',
})
export class AgreedFeeType {
  @Field(() => LocalDateScalar)
  ratesOn!: string;
  @Field(() => Boolean, { description: 'False for volunteer tasks.' })
  paid!: boolean;
  @Field(() => ID, { nullable: true })
  feeCategory!: string | null;
  @Field(() => [AgreedRateType])
  rows!: AgreedRateType[];
  @Field(() => AgreedPackageType, { nullable: true })
  package!: AgreedPackageType | null;
}

@ObjectType('ExternalRequester', { description: 'A requester outside the county.' })
export class ExternalRequesterType {
  @Field(() => String)
  organisation!: string;
  @Field(() => String, { nullable: true, description: 'Null once erased after the retention period.' })
  contactPerson!: string | null;
  @Field(() => String, { nullable: true })
  email!: string | null;
  @Field(() => String, { nullable: true })
  phone!: string | null;
}

@ObjectType('ClientProcessPlan', { description: "A client process's plan (003 §4.2)." })
export class ClientProcessPlanType {
  @Field(() => Int)
  plannedMeetings!: number;
  @Field(() => String)
  frequency!: string;
  @Field(() => LocalDateScalar, { nullable: true })
  planAgreedOn!: string | null;
  @Field(() => String)
  contactWay!: string;
  @Field(() => String)
  responsibleProfessional!: string;
}

@ObjectType('GroupPeriod')
export class GroupPeriodType {
  @Field(() => LocalDateScalar)
  from!: string;
  @Field(() => LocalDateScalar)
  to!: string;
}

@ObjectType('SessionCancellation', { description: 'When and how a session was cancelled.' })
export class SessionCancellationType {
  @Field(() => CancellationClassEnum, { name: 'class' })
  cancellationClass!: string;
  @Field(() => DateTimeScalar)
  at!: Date;
  @Field(() => String, { nullable: true })
  reason!: string | null;
}

@ObjectType('Session', { description: 'One meeting, lecture or group session of an order.' })
export class SessionType {
  @Field(() => ID)
  id!: string;
  @Field(() => SessionKindEnum)
  kind!: string;
  @Field(() => DateTimeScalar)
  startsAt!: Date;
  @Field(() => DateTimeScalar)
  endsAt!: Date;
  @Field(() => SessionStatusEnum)
  status!: string;
  @Field(() => DateTimeScalar, {
    description: 'Last moment to cancel free of charge, computed when the session was agreed.',
  })
  cancellationDeadline!: Date;
  @Field(() => SessionOutcomeEnum, { nullable: true })
  outcome?: string | null;
  @Field(() => Int, { nullable: true, description: 'Minutes worked, as recorded with the outcome.' })
  workedMinutes?: number | null;
  @Field(() => Int, { description: 'How many times the session was moved by agreement.' })
  rescheduleCount!: number;
  @Field(() => Int)
  version!: number;
}

@ObjectType('OrderExpert', { description: 'An expert as an order shows them.' })
export class OrderExpertType {
  @Field(() => ID)
  id!: string;
  @Field(() => String)
  displayName!: string;
}

@ObjectType('Offer', { description: 'An order offered to one expert.' })
export class OfferType {
  @Field(() => ID)
  id!: string;
  @Field(() => OfferStatusEnum)
  status!: string;
  @Field(() => DateTimeScalar)
  offeredAt!: Date;
  @Field(() => DateTimeScalar, { nullable: true, description: 'The answer is due by this time.' })
  respondBy!: Date | null;
  @Field(() => DateTimeScalar, { nullable: true })
  respondedAt?: Date | null;
  @Field(() => Int)
  version!: number;
}

@ObjectType('Order', { description: 'An order (toimeksianto): one requested task with its sessions and offers.' })
export class OrderType {
  @Field(() => ID)
  id!: string;
  @Field(() => ID)
  regionId!: string;
  @Field(() => OrderStatusEnum)
  status!: string;
  @Field(() => OrderKindEnum)
  kind!: string;
  @Field(() => String)
  title!: string;
  @Field(() => String, { nullable: true })
  description!: string | null;
  @Field(() => String, { nullable: true })
  targetGroup!: string | null;
  @Field(() => String)
  language!: string;
  @Field(() => Boolean)
  remote!: boolean;
  @Field(() => String, { nullable: true })
  municipality!: string | null;
  @Field(() => Int)
  expertsNeeded!: number;
  @Field(() => Int)
  preparationMinutes!: number;
  @Field(() => Int, { nullable: true, description: 'Travel compensation agreed in advance, in cents.' })
  travelCents!: number | null;
  @Field(() => AgreedFeeType)
  agreedFee!: AgreedFeeType;
  @Field(() => ClientProcessPlanType, { nullable: true, name: 'clientProcess' })
  plan!: ClientProcessPlanType | null;
  @Field(() => GroupPeriodType, { nullable: true })
  groupPeriod!: GroupPeriodType | null;
  @Field(() => Boolean, { description: 'Debriefing is offered to the expert after the work.' })
  debriefingOffered!: boolean;
  @Field(() => LocalDateScalar, { nullable: true })
  debriefingHeldOn?: string | null;
  @Field(() => DateTimeScalar)
  createdAt!: Date;
  @Field(() => DateTimeScalar, { nullable: true, description: 'When the order became DONE or CANCELLED.' })
  closedAt?: Date | null;
  @Field(() => String, { nullable: true, description: 'Why the order was cancelled.' })
  cancellationReason?: string | null;
  @Field(() => Int)
  version!: number;
}

@ObjectType('OrderConnection', { description: 'A page of orders, newest first.' })
export class OrderConnection extends Connection(OrderType, 'Order') {}

@ObjectType('Notification', { description: 'Something the coordinators must act on.' })
export class NotificationType {
  @Field(() => ID)
  id!: string;
  @Field(() => String, { description: 'e.g. EXPERT_WITHDREW.' })
  kind!: string;
  @Field(() => String)
  message!: string;
  @Field(() => DateTimeScalar)
  createdAt!: Date;
}
