import { readRows, rowLimit, type SqlParams } from '../db/read-sql';
import { fromTuple, reviveInstants, shapeColumns, shapeJson, shapeTuple, type RowShape } from '../db/row-shape';
import type { RequestScope } from '../scope';
import type { AgreedFee, ClientProcessPlan, ExternalRequester, GroupPeriod } from './order.entity';
import type {
  CancellationClass,
  OfferStatus,
  OrderKind,
  OrderStatus,
  SessionOutcome,
  SessionStatus,
} from './rules/order-state';

/**
 * The read side of orders: the columns of each row as plain values, nothing hydrated. The
 * entities have the same shape, so services and resolvers that read take either.
 */
export interface OrderRow {
  id: string;
  regionId: string;
  status: OrderStatus;
  kind: OrderKind;
  unitId: string | null;
  externalRequester: ExternalRequester | null;
  taskTypeId: string;
  topicIds: string[];
  title: string;
  description: string | null;
  targetGroup: string | null;
  language: string;
  remote: boolean;
  municipality: string | null;
  expertsNeeded: number;
  preparationMinutes: number;
  travelCents: number | null;
  clientRef: string | null;
  agreedFee: AgreedFee;
  plan: ClientProcessPlan | null;
  groupPeriod: GroupPeriod | null;
  debriefingOffered: boolean;
  debriefingHeldOn?: string | null;
  orderedById: string;
  createdAt: Date;
  cancelledAt?: Date | null;
  cancellationReason?: string | null;
  closedAt?: Date | null;
  version: number;
}

export interface SessionRow {
  id: string;
  regionId: string;
  orderId: string;
  kind: string;
  startsAt: Date;
  endsAt: Date;
  status: SessionStatus;
  cancellationDeadline: Date;
  cancelledAt?: Date | null;
  cancellationClass?: CancellationClass | null;
  cancellationReason?: string | null;
  outcome?: SessionOutcome | null;
  workedMinutes?: number | null;
  rescheduleCount: number;
  report?: string | null;
  version: number;
}

export interface OfferRow {
  id: string;
  regionId: string;
  orderId: string;
  expertId: string;
  status: OfferStatus;
  offeredAt: Date;
  respondBy: Date | null;
  respondedAt?: Date | null;
  withdrawnAt?: Date | null;
  version: number;
}

/** What an order shows of an expert offered it. */
export interface OrderExpertRow {
  id: string;
  regionId: string;
  displayName: string;
  pseudonym: string;
  email?: string | null;
  phone?: string | null;
  erasedAt?: Date | null;
}

export interface OrderUnitRow {
  id: string;
  regionId: string;
  name: string;
  serviceInterfaceId: string;
  municipality: string;
  coordinatorNames: string[];
  instructionsForExperts?: string | null;
}

const ORDER: RowShape = {
  fields: [
    ['id', 'id'],
    ['regionId', 'region_id'],
    ['status', 'status'],
    ['kind', 'kind'],
    ['unitId', 'unit_id'],
    ['externalRequester', 'external_requester'],
    ['taskTypeId', 'task_type_id'],
    ['topicIds', 'topic_ids'],
    ['title', 'title'],
    ['description', 'description'],
    ['targetGroup', 'target_group'],
    ['language', 'language'],
    ['remote', 'remote'],
    ['municipality', 'municipality'],
    ['expertsNeeded', 'experts_needed'],
    ['preparationMinutes', 'preparation_minutes'],
    ['travelCents', 'travel_cents'],
    ['clientRef', 'client_ref'],
    ['agreedFee', 'agreed_fee'],
    ['plan', 'plan'],
    ['groupPeriod', 'group_period'],
    ['debriefingOffered', 'debriefing_offered'],
    ['debriefingHeldOn', 'debriefing_held_on'],
    ['orderedById', 'ordered_by_id'],
    ['createdAt', 'created_at'],
    ['cancelledAt', 'cancelled_at'],
    ['cancellationReason', 'cancellation_reason'],
    ['closedAt', 'closed_at'],
    ['version', 'version'],
  ],
  instants: ['createdAt', 'cancelledAt', 'closedAt'],
};

const SESSION: RowShape = {
  fields: [
    ['id', 'id'],
    ['regionId', 'region_id'],
    ['orderId', 'order_id'],
    ['kind', 'kind'],
    ['startsAt', 'starts_at'],
    ['endsAt', 'ends_at'],
    ['status', 'status'],
    ['cancellationDeadline', 'cancellation_deadline'],
    ['cancelledAt', 'cancelled_at'],
    ['cancellationClass', 'cancellation_class'],
    ['cancellationReason', 'cancellation_reason'],
    ['outcome', 'outcome'],
    ['workedMinutes', 'worked_minutes'],
    ['rescheduleCount', 'reschedule_count'],
    ['report', 'report'],
    ['version', 'version'],
  ],
  instants: ['startsAt', 'endsAt', 'cancellationDeadline', 'cancelledAt'],
};

const OFFER: RowShape = {
  fields: [
    ['id', 'id'],
    ['regionId', 'region_id'],
    ['orderId', 'order_id'],
    ['expertId', 'expert_id'],
    ['status', 'status'],
    ['offeredAt', 'offered_at'],
    ['respondBy', 'respond_by'],
    ['respondedAt', 'responded_at'],
    ['withdrawnAt', 'withdrawn_at'],
    ['version', 'version'],
  ],
  instants: ['offeredAt', 'respondBy', 'respondedAt', 'withdrawnAt'],
};

const EXPERT: RowShape = {
  fields: [
    ['id', 'id'],
    ['regionId', 'region_id'],
    ['displayName', 'display_name'],
    ['pseudonym', 'pseudonym'],
    ['email', 'email'],
    ['phone', 'phone'],
    ['erasedAt', 'erased_at'],
  ],
  instants: ['erasedAt'],
};

const UNIT: RowShape = {
  fields: [
    ['id', 'id'],
    ['regionId', 'region_id'],
    ['name', 'name'],
    ['serviceInterfaceId', 'service_interface_id'],
    ['municipality', 'municipality'],
    ['coordinatorNames', 'coordinator_names'],
    ['instructionsForExperts', 'instructions_for_experts'],
  ],
  instants: [],
};

export const ORDER_COLUMNS = shapeColumns('o', ORDER, ['debriefingHeldOn']);
export const SESSION_COLUMNS = shapeColumns('s', SESSION);
export const OFFER_COLUMNS = shapeColumns('f', OFFER);
export const EXPERT_COLUMNS = shapeColumns('x', EXPERT);
export const UNIT_COLUMNS = shapeColumns('u', UNIT);
/** An order as JSON, for statements that bring the orders of their rows along. */
export const ORDER_JSON = shapeJson('o', ORDER);

export function orderFromJson(row: OrderRow | Record<string, unknown>): OrderRow {
  return reviveInstants<OrderRow>(ORDER, row as Record<string, unknown>);
}

/** What a page of orders brought along for the loaders. */
export interface OrderPageRow {
  order: OrderRow;
  sessions: SessionRow[] | null;
  offers: Array<{ offer: OfferRow; expert: OrderExpertRow | null }> | null;
  unit: OrderUnitRow | null;
}

/** What of the orders' records a page needs besides the rows themselves. */
export interface OrderPageExtras {
  sessions: boolean;
  /** The offers with their experts (offers, accepted experts and their contact details). */
  offers: boolean;
  unit: boolean;
  /** Counts the rows matching `where` (all pages) in the same statement. */
  totalCount: boolean;
}

/** What a page of orders brings along for each order, as JSON arrays (`shapeTuple`). */
const PAGE_SESSIONS = `coalesce((select json_agg(${shapeTuple('s', SESSION)} order by s.starts_at, s.id)
  from order_session s where s.order_id = o.id), '[]')`;
const PAGE_OFFERS = `coalesce((select json_agg(json_build_array(${shapeTuple('f', OFFER)}, ${shapeTuple('x', EXPERT)})
    order by f.offered_at, f.id)
  from order_offer f left join expert x on x.id = f.expert_id where f.order_id = o.id), '[]')`;
const PAGE_UNIT = `(select ${shapeTuple('u', UNIT)} from unit u where u.id = o.unit_id)`;

/**
 * One page of orders, newest first (created, id), with their sessions, offers, offered experts
 * and unit as JSON arrays assembled in PostgreSQL, and the total when asked: one statement
 * whatever the page size. `where` is a condition on `o` whose values are already in `params`.
 */
export async function readOrderPage(
  ctx: RequestScope,
  params: SqlParams,
  where: string,
  after: { key: Date; id: string } | null,
  limit: number,
  extras: OrderPageExtras,
): Promise<{ rows: OrderPageRow[]; totalCount: number | null }> {
  const select = [
    ORDER_COLUMNS,
    extras.sessions ? `${PAGE_SESSIONS} as sessions` : null,
    extras.offers ? `${PAGE_OFFERS} as offers` : null,
    extras.unit ? `${PAGE_UNIT} as unit` : null,
    extras.totalCount ? `(select count(*)::int from work_order o where ${where}) as "totalCount"` : null,
  ].filter(Boolean);
  // The count repeats the condition: its placeholders are bound a second time.
  const values = extras.totalCount ? [...params.values, ...params.values] : [...params.values];
  let position = '';
  if (after) {
    // The first condition is implied by the second; it lets an index range scan start at the cursor.
    position = ` and o.created_at <= ? and (o.created_at < ? or (o.created_at = ? and o.id < ?))`;
    values.push(after.key, after.key, after.key, after.id);
  }
  const raw = await readRows<
    OrderRow & {
      sessions?: unknown[][];
      offers?: Array<[offer: unknown[], expert: unknown[]]>;
      unit?: unknown[] | null;
      totalCount?: number;
    }
  >(
    ctx.em,
    `select ${select.join(',\n')} from work_order o where ${where}${position}
    order by o.created_at desc, o.id desc ${rowLimit(limit + 1)}`,
    values,
  );
  const totalCount = extras.totalCount ? (raw[0]?.totalCount ?? (after ? null : 0)) : null;
  const rows = raw.map(({ sessions, offers, unit, totalCount: _count, ...order }) => ({
    order: orderFromJson(order),
    sessions: sessions ? sessions.map((session) => fromTuple<SessionRow>(SESSION, session)) : null,
    offers: offers
      ? offers.map(([offer, expert]) => ({
          offer: fromTuple<OfferRow>(OFFER, offer),
          // An offer whose expert row is gone (left join) brings an array of nulls.
          expert: expert[0] ? fromTuple<OrderExpertRow>(EXPERT, expert) : null,
        }))
      : null,
    unit: unit ? fromTuple<OrderUnitRow>(UNIT, unit) : null,
  }));
  return { rows, totalCount };
}

export function sessionFromJson(row: SessionRow | Record<string, unknown>): SessionRow {
  return reviveInstants<SessionRow>(SESSION, row as Record<string, unknown>);
}

export function offerFromJson(row: OfferRow | Record<string, unknown>): OfferRow {
  return reviveInstants<OfferRow>(OFFER, row as Record<string, unknown>);
}

export function expertFromJson(row: OrderExpertRow | Record<string, unknown>): OrderExpertRow {
  return reviveInstants<OrderExpertRow>(EXPERT, row as Record<string, unknown>);
}
