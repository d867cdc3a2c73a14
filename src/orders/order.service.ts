import { createHash } from 'node:crypto';
import { LockMode } from '@mikro-orm/core';
import { readRows, rowLimit, SqlParams } from '../db/read-sql';
import { authorize, authorizeRow, authorizeRowLookup, grantsIn, hasRole } from '../auth/policy';
import type { OperationName } from '../auth/policies';
import type { Grant } from '../auth/viewer';
import { BadUserInputError, ConflictError, ForbiddenError, NotFoundError } from '../common/errors';
import { isUuid } from '../common/ids';
import { checkListLength, keysetPage, keysetPageRequest, listCap, type KeysetPage } from '../common/pagination';
import { Expert } from '../experts/expert.entity';
import { ExpertContract } from '../experts/expert-records.entity';
import { localDate } from '../experts/rules/contract-validity';
import type { RegionConfig } from '../region/region-config';
import { cancellationDeadline } from '../region/rules/cancellation-deadline';
import type { RequestScope } from '../scope';
import { Unit } from '../units/unit.entity';
import {
  Notification,
  Offer,
  Order,
  OrderSession,
  type ClientProcessPlan,
  type ExternalRequester,
  type GroupPeriod,
} from './order.entity';
import { createOrderLoaders } from './order.loaders';
import {
  EXPERT_COLUMNS,
  expertFromJson,
  OFFER_COLUMNS,
  offerFromJson,
  ORDER_JSON,
  orderFromJson,
  readOrderPage,
  SESSION_COLUMNS,
  sessionFromJson,
  type OfferRow,
  type OrderExpertRow,
  type OrderPageExtras,
  type OrderRow,
  type SessionRow,
} from './order.read';
import { agreedFeeOf } from '../fees/agreed-fee';
import { containsPersonalIdentityCode } from './rules/personal-identity-code';
import {
  checkCancelOrder,
  checkOffer,
  checkOutcome,
  checkResponse,
  checkSessionChange,
  checkSubmit,
  checkWithdraw,
  classifyCancellation,
  isOpen,
  statusFromOffers,
  statusWhenSettled,
  TransitionError,
  type OrderKind,
  type OrderStatus,
  type SessionOutcome,
} from './rules/order-state';

export interface SessionInput {
  startsAt: Date;
  endsAt: Date;
  kind?: string | null;
}

export interface CreateOrderInput {
  regionId: string;
  unitId?: string | null;
  externalRequester?: {
    organisation: string;
    contactPerson: string;
    email?: string | null;
    phone?: string | null;
  } | null;
  taskTypeId: string;
  packageId?: string | null;
  topicIds?: string[] | null;
  title: string;
  description?: string | null;
  targetGroup?: string | null;
  language: string;
  remote?: boolean | null;
  municipality?: string | null;
  expertsNeeded?: number | null;
  sessions: SessionInput[];
  preparationMinutes?: number | null;
  travelCents?: number | null;
  clientRef?: string | null;
  clientProcess?: {
    plannedMeetings: number;
    frequency: string;
    planAgreedOn?: string | null;
    contactWay: string;
    responsibleProfessional: string;
  } | null;
  group?: { from: string; to: string } | null;
  draft?: boolean | null;
  idempotencyKey?: string | null;
}

export interface OrderFilter {
  statuses?: OrderStatus[] | null;
  unitId?: string | null;
  from?: Date | null;
  to?: Date | null;
}

/** Who the viewer is to an order: the ordering side (unit, coordinator), an expert offered it, or nobody. */
interface Standing {
  grant: Grant;
  side: 'COORDINATOR' | 'UNIT' | 'EXPERT';
  /** The caller's own expert profile, when acting as an expert. */
  expert?: { id: string };
}

const LANGUAGE = /^[a-z]{2,3}$/;
const MAX_SESSION_MINUTES = 12 * 60;
const MAX_EXPERTS_NEEDED = 5;
const MAX_PREPARATION_MINUTES = 8 * 60;
/** EUR 2 000: travel agreed for one order beyond this is surely a typo. */
const MAX_TRAVEL_CENTS = 200_000;
const MAX_IDEMPOTENCY_KEY = 200;
const SESSION_KINDS: Record<OrderKind, readonly string[]> = {
  SINGLE: ['MEETING'],
  CLIENT_PROCESS: ['PAIR', 'INDIVIDUAL'],
  GROUP: ['GROUP', 'PLANNING'],
};
const UNIT_SIDE_ROLES = ['UNIT_COORDINATOR', 'PROFESSIONAL'] as const;
const ALL_ORDER_EXTRAS: OrderPageExtras = { sessions: true, offers: true, unit: true, totalCount: false };

/**
 * Orders, offers and sessions: a professional (or a coordinator) asks for an expert, the region's
 * ordering model decides who offers, the expert answers freely, and each session ends with an
 * outcome the fee engine reads. Every mutation locks the order row first, so that concurrent
 * answers and changes to one order are taken one at a time.
 */
export class OrderService {
  // ---- reading ------------------------------------------------------------------------------

  async get(ctx: RequestScope, id: string): Promise<Order> {
    authorizeRowLookup(ctx, 'Query.order');
    const order = isUuid(id) ? await ctx.em.findOne(Order, { id }) : null;
    if (!order) throw new NotFoundError('order', id);
    authorizeRow(ctx, 'Query.order', order);
    await this.standing(ctx, order);
    return order;
  }

  /**
   * Orders of a region, newest first: all of them for a coordinator, their unit's for the others.
   * Plain rows from one statement with bind parameters; the sessions, offers, offered experts and
   * unit the page shows come in it (json_agg), as does the total when selected.
   */
  async list(
    ctx: RequestScope,
    regionId: string,
    filter: OrderFilter,
    first?: number | null,
    after?: string | null,
    selection: OrderPageExtras = ALL_ORDER_EXTRAS,
  ): Promise<KeysetPage<OrderRow>> {
    authorize(ctx, 'Query.orders', regionId);
    const request = keysetPageRequest(first, after);
    if (request.after && (!(request.after.key instanceof Date) || !isUuid(request.after.id)))
      throw new BadUserInputError('after', 'not a cursor of this list');
    checkListLength('filter.statuses', filter.statuses);
    const params = new SqlParams();
    const where = [`o.region_id = ${params.add(regionId)}`];
    if (!hasRole(ctx.viewer, regionId, ['COORDINATOR'])) {
      const units = grantsIn(ctx.viewer, regionId, UNIT_SIDE_ROLES).flatMap((g) => (g.unitId ? [g.unitId] : []));
      if (filter.unitId && !units.includes(filter.unitId))
        throw new ForbiddenError(`filter.unitId: orders of unit ${filter.unitId} are not yours to list`);
      where.push(oneOf('o.unit_id', filter.unitId ? [filter.unitId] : units, '::uuid[]', params));
    } else if (filter.unitId) {
      if (!isUuid(filter.unitId)) throw new BadUserInputError('filter.unitId', 'expected a unit id');
      where.push(`o.unit_id = ${params.add(filter.unitId)}`);
    }
    if (filter.statuses?.length) where.push(oneOf('o.status', filter.statuses, '::order_status[]', params));
    if (filter.from && filter.to && filter.from.getTime() >= filter.to.getTime())
      throw new BadUserInputError('filter.to', 'must be after filter.from');
    if (filter.from || filter.to) {
      // Orders with a session starting in [from, to).
      const bounds = [
        ...(filter.from ? [`s.starts_at >= ${params.add(filter.from)}`] : []),
        ...(filter.to ? [`s.starts_at < ${params.add(filter.to)}`] : []),
      ];
      where.push(`exists (select 1 from order_session s where s.order_id = o.id and ${bounds.join(' and ')})`);
    }
    const condition = where.join(' and ');
    const position = request.after ? { key: request.after.key as Date, id: request.after.id } : null;
    const page = await readOrderPage(ctx, params, condition, position, request.limit, selection);
    ctx.loaders.get(createOrderLoaders).primePage(page.rows);
    const counted = page.totalCount;
    return keysetPage(
      page.rows.map((r) => r.order),
      request,
      (o) => o.createdAt,
      async () =>
        counted ??
        (
          await readRows<{ n: number }>(
            ctx.em,
            `select count(*)::int as n from work_order o where ${condition}`,
            params.values,
          )
        )[0]!.n,
    );
  }

  /**
   * The calling expert's offers in a region, newest first (at most 100), with their orders: one
   * statement, which also finds the caller's profile (none: NOT_FOUND, as before).
   */
  async myOffers(ctx: RequestScope, regionId: string, first?: number | null): Promise<OfferRow[]> {
    authorize(ctx, 'Query.myOffers', regionId);
    const limit = listCap(first);
    const rows = await readRows<{
      expert: OrderExpertRow;
      offer: OfferRow | null;
      order: Record<string, unknown> | null;
    }>(
      ctx.em,
      `select row_to_json(me) as expert, row_to_json(f) as offer, ${ORDER_JSON} as "order"
      from (select ${EXPERT_COLUMNS} from expert x where x.region_id = ? and x.account_id = ? limit 1) me
      left join lateral (select ${OFFER_COLUMNS} from order_offer f where f.expert_id = me.id
        order by f.offered_at desc, f.id desc ${rowLimit(limit)}) f on true
      left join work_order o on o.id = f."orderId"
      order by f."offeredAt" desc, f.id desc`,
      [regionId, ctx.viewer.id],
    );
    if (!rows.length) throw new NotFoundError('expert profile for the caller in region', regionId);
    const loaders = ctx.loaders.get(createOrderLoaders);
    const expert = expertFromJson(rows[0]!.expert);
    loaders.ownExpert.prime(regionId, expert);
    loaders.experts.prime(expert.id, expert);
    return rows.flatMap(({ offer, order }) => {
      if (!offer) return [];
      if (order) loaders.orders.prime(offer.orderId, orderFromJson(order));
      return [offerFromJson(offer)];
    });
  }

  /** Sessions of the orders the calling expert has accepted, in time order (at most 100). */
  async mySessions(
    ctx: RequestScope,
    regionId: string,
    from?: Date | null,
    to?: Date | null,
    first?: number | null,
  ): Promise<SessionRow[]> {
    authorize(ctx, 'Query.mySessions', regionId);
    if (from && to && from.getTime() >= to.getTime()) throw new BadUserInputError('to', 'must be after from');
    const limit = listCap(first);
    const params = new SqlParams();
    const bounds = [
      ...(from ? [`and s.starts_at >= ${params.add(from)}`] : []),
      ...(to ? [`and s.starts_at < ${params.add(to)}`] : []),
    ].join(' ');
    const rows = await readRows<{
      expert: OrderExpertRow;
      session: SessionRow | null;
      order: Record<string, unknown> | null;
    }>(
      ctx.em,
      `select row_to_json(me) as expert, row_to_json(s) as session, ${ORDER_JSON} as "order"
      from (select ${EXPERT_COLUMNS} from expert x where x.region_id = ? and x.account_id = ? limit 1) me
      left join lateral (select ${SESSION_COLUMNS} from order_session s where s.region_id = ? ${bounds}
        and exists (select 1 from order_offer f where f.order_id = s.order_id and f.expert_id = me.id and f.status = 'ACCEPTED')
        order by s.starts_at, s.id ${rowLimit(limit)}) s on true
      left join work_order o on o.id = s."orderId"
      order by s."startsAt", s.id`,
      [regionId, ctx.viewer.id, regionId, ...params.values],
    );
    if (!rows.length) throw new NotFoundError('expert profile for the caller in region', regionId);
    const loaders = ctx.loaders.get(createOrderLoaders);
    const expert = expertFromJson(rows[0]!.expert);
    loaders.ownExpert.prime(regionId, expert);
    loaders.experts.prime(expert.id, expert);
    return rows.flatMap(({ session, order }) => {
      if (!session) return [];
      if (order) loaders.orders.prime(session.orderId, orderFromJson(order));
      return [sessionFromJson(session)];
    });
  }

  async notifications(ctx: RequestScope, regionId: string, first?: number | null): Promise<Notification[]> {
    authorize(ctx, 'Query.notifications', regionId);
    return ctx.em.find(
      Notification,
      { regionId, audience: 'COORDINATOR' },
      { orderBy: { createdAt: 'desc', id: 'desc' }, limit: listCap(first) },
    );
  }

  /**
   * Whether the viewer sees the ordering side's details of an order (client reference, reports,
   * the experts' contact details): the region's coordinator, and the unit's coordinator and
   * professionals. An expert offered the order sees the task, not these.
   */
  async onOrderingSide(ctx: RequestScope, order: OrderRow): Promise<boolean> {
    const standing = await this.standing(ctx, order).catch(missingAsNull);
    return standing !== null && standing.side !== 'EXPERT';
  }

  /**
   * Contact details of an expert who accepted the order: open to the professional who placed it,
   * to the unit's coordinator and to the region's coordinator while the order is open. Each read is
   * audited like any other read of contact details.
   */
  async acceptedExpertContact(
    ctx: RequestScope,
    order: OrderRow,
    expert: OrderExpertRow,
    operation: string | null,
  ): Promise<{ email: string | null; phone: string | null } | null> {
    if (!isOpen(order.status) || expert.erasedAt || (!expert.email && !expert.phone)) return null;
    const grant = this.contactGrant(ctx, order);
    if (!grant) return null;
    const accepted = await ctx.loaders.get(createOrderLoaders).offersByOrder.load(order.id);
    if (!accepted.some((o) => o.expertId === expert.id && o.status === 'ACCEPTED')) return null;
    ctx.services.audit.recordRead(ctx, {
      regionId: order.regionId,
      grant,
      subjectId: expert.id,
      fields: ['email', 'phone'],
      operation,
      reason: `accepted order ${order.id}`,
    });
    return { email: expert.email ?? null, phone: expert.phone ?? null };
  }

  /** Offers of an order: all for the ordering side, the expert's own for an expert. */
  async visibleOffers(ctx: RequestScope, order: OrderRow): Promise<OfferRow[]> {
    const offers = await ctx.loaders.get(createOrderLoaders).offersByOrder.load(order.id);
    const standing = await this.standing(ctx, order).catch(missingAsNull);
    if (!standing) return [];
    if (standing.side !== 'EXPERT') return offers;
    return offers.filter((o) => o.expertId === standing.expert!.id);
  }

  /** The external requester, for coordinators; contact details are gone once erased. */
  externalRequesterOf(ctx: RequestScope, order: OrderRow): ExternalRequester | null {
    if (!order.externalRequester || !hasRole(ctx.viewer, order.regionId, ['COORDINATOR'])) return null;
    return order.externalRequester;
  }

  /** The expert's report: for the ordering side and the experts who accepted the order. */
  async reportOf(ctx: RequestScope, session: SessionRow): Promise<string | null> {
    if (!session.report) return null;
    const order = await ctx.loaders.get(createOrderLoaders).orders.load(session.orderId);
    const standing = order ? await this.standing(ctx, order).catch(missingAsNull) : null;
    if (!standing) return null;
    if (standing.side !== 'EXPERT') return session.report;
    const offers = await ctx.loaders.get(createOrderLoaders).offersByOrder.load(session.orderId);
    return offers.some((o) => o.expertId === standing.expert!.id && o.status === 'ACCEPTED') ? session.report : null;
  }

  private contactGrant(ctx: RequestScope, order: OrderRow): Grant | null {
    const coordinator = grantsIn(ctx.viewer, order.regionId, ['COORDINATOR'])[0];
    if (coordinator) return coordinator;
    const unitCoordinator = grantsIn(ctx.viewer, order.regionId, ['UNIT_COORDINATOR']).find(
      (g) => g.unitId && g.unitId === order.unitId,
    );
    if (unitCoordinator) return unitCoordinator;
    if (order.orderedById !== ctx.viewer.id) return null;
    return grantsIn(ctx.viewer, order.regionId, ['PROFESSIONAL']).find((g) => g.unitId === order.unitId) ?? null;
  }

  // ---- ordering -----------------------------------------------------------------------------

  async create(ctx: RequestScope, input: CreateOrderInput, headerKey: string | null): Promise<Order> {
    const grant = authorize(ctx, 'Mutation.createOrder', input.regionId);
    const key = idempotencyKeyOf(input.idempotencyKey, headerKey);
    const digest = key ? digestOf(input) : null;
    if (key) {
      // Twenty retries of one request arrive at once: the lock lets the first finish, the others find its order.
      await ctx.em.execute('select pg_advisory_xact_lock(hashtextextended(?, 0))', [
        `createOrder|${input.regionId}|${ctx.viewer.id}|${key}`,
      ]);
      const earlier = await ctx.em.findOne(Order, {
        regionId: input.regionId,
        orderedById: ctx.viewer.id!,
        idempotencyKey: key,
      });
      if (earlier) {
        if (earlier.idempotencyDigest !== digest)
          throw new ConflictError(`idempotencyKey "${key}" was already used for another order input`);
        return earlier;
      }
    }
    const now = ctx.now();
    const { config } = await ctx.services.regions.rulesAt(ctx, input.regionId, now);
    const place = await this.checkRequester(ctx, config, input, grant);
    const taskType = config.taskTypes.find((t) => t.id === input.taskTypeId);
    if (!taskType)
      throw new BadUserInputError(
        'input.taskTypeId',
        `unknown task type "${input.taskTypeId}" in region ${input.regionId}`,
      );
    if (input.packageId && !taskType.packageIds.includes(input.packageId))
      throw new BadUserInputError(
        'input.packageId',
        `task type ${taskType.id} offers ${taskType.packageIds.length ? `the packages ${taskType.packageIds.join(', ')}` : 'no packages'}`,
      );
    const topicIds = [...new Set(input.topicIds ?? [])];
    topicIds.forEach((id, i) => {
      if (!config.topics.some((t) => t.id === id))
        throw new BadUserInputError(`input.topicIds[${i}]`, `unknown topic "${id}" in region ${input.regionId}`);
    });
    const title = input.title.trim();
    if (!title) throw new BadUserInputError('input.title', 'must not be empty');
    if (!LANGUAGE.test(input.language))
      throw new BadUserInputError('input.language', 'expected an ISO 639 language code such as "fi"');
    const remote = input.remote ?? false;
    if (remote && !config.supportsRemoteWork)
      throw new BadUserInputError('input.remote', `region ${input.regionId} does not broker remote work`);
    const municipality = input.municipality?.trim() || null;
    if (!remote && !municipality)
      throw new BadUserInputError('input.municipality', 'work on site needs the municipality where it is done');
    const kind: OrderKind = input.clientProcess ? 'CLIENT_PROCESS' : input.group ? 'GROUP' : 'SINGLE';
    if (input.clientProcess && input.group)
      throw new BadUserInputError('input.group', 'an order is either a client process or a group, not both');
    const expertsNeeded = input.expertsNeeded ?? 1;
    if (!Number.isInteger(expertsNeeded) || expertsNeeded < 1 || expertsNeeded > MAX_EXPERTS_NEEDED)
      throw new BadUserInputError('input.expertsNeeded', `expected an integer from 1 to ${MAX_EXPERTS_NEEDED}`);
    const preparationMinutes = input.preparationMinutes ?? 0;
    if (!Number.isInteger(preparationMinutes) || preparationMinutes < 0 || preparationMinutes > MAX_PREPARATION_MINUTES)
      throw new BadUserInputError(
        'input.preparationMinutes',
        `expected whole minutes from 0 to ${MAX_PREPARATION_MINUTES}`,
      );
    const travelCents = input.travelCents ?? null;
    if (travelCents !== null) {
      if (!Number.isInteger(travelCents) || travelCents < 1 || travelCents > MAX_TRAVEL_CENTS)
        throw new BadUserInputError('input.travelCents', `expected whole cents from 1 to ${MAX_TRAVEL_CENTS}`);
      if (config.travel.rule === 'NOT_COMPENSATED')
        throw new BadUserInputError('input.travelCents', `region ${input.regionId} does not compensate travel`);
    }
    const plan = input.clientProcess ? checkPlan(input.clientProcess) : null;
    const groupPeriod = input.group ? checkGroupPeriod(input.group) : null;
    checkFreeText({
      'input.title': title,
      'input.description': input.description,
      'input.targetGroup': input.targetGroup,
      'input.clientRef': input.clientRef,
      'input.municipality': municipality,
      'input.clientProcess.frequency': plan?.frequency,
      'input.clientProcess.contactWay': plan?.contactWay,
      'input.clientProcess.responsibleProfessional': plan?.responsibleProfessional,
      'input.externalRequester.organisation': place.externalRequester?.organisation,
      'input.externalRequester.contactPerson': place.externalRequester?.contactPerson,
    });
    if (input.clientRef && input.clientRef.trim().length > 40)
      throw new BadUserInputError('input.clientRef', 'a pseudonymous reference of at most 40 characters, e.g. "A-17"');
    const sessions = this.checkSessions(ctx, config, input.sessions, kind, 'input.sessions', now);
    if (groupPeriod)
      sessions.forEach((s, i) => {
        const day = localDate(s.startsAt, config.timeZone);
        // The planning session may come before the group starts; its meetings lie in the agreed period.
        if (s.kind === 'GROUP' && (day < groupPeriod.from || day > groupPeriod.to))
          throw new BadUserInputError(
            `input.sessions[${i}].startsAt`,
            `a group meeting on ${day} lies outside the agreed period ${groupPeriod.from}–${groupPeriod.to}`,
          );
      });

    // The fee is agreed before the work (003 §3): the table in force then. Work recorded afterwards
    // was agreed before it was done, so its rates are those in force when it began.
    const agreedAt = new Date(Math.min(now.getTime(), ...sessions.map((s) => s.startsAt.getTime())));
    const { config: agreedRules } = await ctx.services.regions.rulesAt(ctx, input.regionId, agreedAt);
    const order = ctx.em.create(Order, {
      regionId: input.regionId,
      status: input.draft ? 'DRAFT' : 'REQUESTED',
      kind,
      unitId: place.unitId,
      externalRequester: place.externalRequester,
      taskTypeId: taskType.id,
      topicIds,
      title,
      description: input.description?.trim() || null,
      targetGroup: input.targetGroup?.trim() || null,
      language: input.language,
      remote,
      municipality,
      expertsNeeded,
      preparationMinutes,
      travelCents,
      clientRef: input.clientRef?.trim() || null,
      agreedFee: agreedFeeOf(agreedRules, taskType.id, input.packageId ?? null, localDate(agreedAt, config.timeZone)),
      plan,
      groupPeriod,
      debriefingOffered: config.debriefingOffered,
      orderedById: ctx.viewer.id!,
      orderedByName: ctx.viewer.name,
      orderedByRole: grant.role,
      idempotencyKey: key,
      idempotencyDigest: digest,
      createdAt: now,
    });
    for (const s of sessions) {
      ctx.em.create(OrderSession, {
        regionId: order.regionId,
        orderId: order.id,
        kind: s.kind,
        startsAt: s.startsAt,
        endsAt: s.endsAt,
        cancellationDeadline: cancellationDeadline(agreedRules.cancellationPolicy, config.timeZone, s.startsAt),
      });
    }
    await ctx.em.flush();
    return order;
  }

  async submit(ctx: RequestScope, orderId: string): Promise<Order> {
    const { order } = await this.forChange(ctx, orderId, 'Mutation.submitOrder', ['COORDINATOR', 'UNIT']);
    this.step(() => checkSubmit(order.status));
    order.status = 'REQUESTED';
    await ctx.em.flush();
    return order;
  }

  /**
   * Offers the order to experts at once. Who may offer follows the region's ordering model: the
   * professional (and the coordinator, who may suggest experts, 003 §3.1) where professionals order,
   * only the coordinator where the coordinator brokers or the bank matches.
   */
  async offer(
    ctx: RequestScope,
    orderId: string,
    expertIds: string[],
    respondBy?: Date | null,
    expectedVersion?: number | null,
  ): Promise<Order> {
    const { order, standing } = await this.forChange(ctx, orderId, 'Mutation.offerOrder', ['COORDINATOR', 'UNIT']);
    checkVersion('order', order, expectedVersion);
    const now = ctx.now();
    const { config } = await ctx.services.regions.rulesAt(ctx, order.regionId, now);
    if (standing.side !== 'COORDINATOR' && config.orderingModel !== 'PROFESSIONAL_ORDERS')
      throw new ForbiddenError(
        `offerOrder: in region ${order.regionId} (${config.orderingModel}) the coordinator offers the work`,
      );
    this.step(() => checkOffer(order.status));
    if (!expertIds.length) throw new BadUserInputError('expertIds', 'name at least one expert');
    if (respondBy && respondBy.getTime() <= now.getTime())
      throw new BadUserInputError('respondBy', 'must lie in the future');
    const ids = [...new Set(expertIds)];
    ids.forEach((id, i) => {
      if (!isUuid(id)) throw new BadUserInputError(`expertIds[${i}]`, `"${id}" is not an expert id`);
    });
    const sessions = await ctx.em.find(OrderSession, { orderId: order.id }, { orderBy: { startsAt: 'asc' } });
    const dates = sessions.map((s) => localDate(s.startsAt, config.timeZone));
    const [experts, contracts, live] = await Promise.all([
      ctx.em.find(Expert, { id: { $in: ids }, regionId: order.regionId }),
      ctx.em.find(ExpertContract, { expert: { $in: ids } }),
      ctx.em.find(Offer, { orderId: order.id, status: { $in: ['OFFERED', 'ACCEPTED'] } }),
    ]);
    ids.forEach((id, i) => {
      const field = `expertIds[${i}]`;
      const expert = experts.find((e) => e.id === id);
      if (!expert) throw new BadUserInputError(field, `no expert ${id} in region ${order.regionId}`);
      if (expert.status !== 'ACTIVE')
        throw new BadUserInputError(field, `expert ${id} is ${expert.status}; only ACTIVE experts can be offered work`);
      const covering = contracts.filter(
        (c) =>
          c.expert.id === id &&
          c.taskTypeIds.includes(order.taskTypeId) &&
          dates.every((d) => c.validFrom <= d && d <= c.validTo),
      );
      if (!covering.length)
        throw new BadUserInputError(
          field,
          `expert ${id} has no contract covering task type ${order.taskTypeId} on the dates of the work`,
        );
      if (config.work.unitOrientationRequired && order.unitId && !expert.unitIds.includes(order.unitId))
        throw new BadUserInputError(
          field,
          `expert ${id} is not oriented in unit ${order.unitId}, as region ${order.regionId} requires`,
        );
      if (live.some((o) => o.expertId === id))
        throw new ConflictError(`expertIds[${i}]: expert ${id} already has an open offer for order ${order.id}`);
    });
    for (const id of ids) {
      ctx.em.create(Offer, {
        regionId: order.regionId,
        orderId: order.id,
        expertId: id,
        status: 'OFFERED',
        offeredById: ctx.viewer.id!,
        offeredByRole: standing.grant.role,
        offeredAt: now,
        respondBy: respondBy ?? null,
      });
    }
    const accepted = live.filter((o) => o.status === 'ACCEPTED').length;
    order.status = statusFromOffers(order.expertsNeeded, accepted, ids.length + live.length - accepted);
    await ctx.em.flush();
    return order;
  }

  /**
   * The expert answers. The order row is locked first, so of twenty acceptances at once exactly as
   * many win as the order needs; the offers still waiting are then FILLED, and a late acceptance
   * gets CONFLICT saying that the order was already taken.
   */
  async respond(ctx: RequestScope, offerId: string, accept: boolean): Promise<Offer> {
    authorizeRowLookup(ctx, 'Mutation.respondToOffer');
    const head = isUuid(offerId)
      ? await ctx.em.execute<Array<{ order_id: string; region_id: string }>>(
          'select order_id, region_id from order_offer where id = ?',
          [offerId],
        )
      : [];
    if (!head[0]) throw new NotFoundError('offer', offerId);
    authorizeRow(ctx, 'Mutation.respondToOffer', { id: offerId, regionId: head[0].region_id });
    const order = await this.lockedOrder(ctx, head[0].order_id);
    const offer = await ctx.em.findOneOrFail(Offer, { id: offerId });
    const expert = await this.ownExpert(ctx, offer.regionId);
    if (offer.expertId !== expert.id) throw new NotFoundError('offer', offerId);
    const now = ctx.now();
    try {
      checkResponse(offer, order, accept, now);
    } catch (error) {
      if (error instanceof TransitionError && offer.status === 'OFFERED' && offer.respondBy && offer.respondBy < now) {
        // The answer came too late: the offer is EXPIRED even though this request fails.
        ctx.outcome.afterRollback.push(async (em) => {
          await em.nativeUpdate(Offer, { id: offer.id, status: 'OFFERED' }, { status: 'EXPIRED' });
        });
      }
      throw this.asConflict(error);
    }
    const offers = await ctx.em.find(Offer, { orderId: order.id });
    offer.status = accept ? 'ACCEPTED' : 'DECLINED';
    offer.respondedAt = now;
    this.settleOffers(order, offers, now);
    await ctx.em.flush();
    return offer;
  }

  /** The expert steps back from accepted work, at any time and without a reason (000: relapse). */
  async withdraw(ctx: RequestScope, orderId: string): Promise<Order> {
    authorizeRowLookup(ctx, 'Mutation.withdrawFromOrder');
    const order = isUuid(orderId) ? await this.lockedOrder(ctx, orderId).catch(missingAsNull) : null;
    if (!order) throw new NotFoundError('order', orderId);
    authorizeRow(ctx, 'Mutation.withdrawFromOrder', order);
    const expert = await this.ownExpert(ctx, order.regionId);
    const offers = await ctx.em.find(Offer, { orderId: order.id });
    if (!offers.some((o) => o.expertId === expert.id)) throw new NotFoundError('order', orderId);
    const mine = offers.find((o) => o.expertId === expert.id && o.status === 'ACCEPTED');
    this.step(() => checkWithdraw(mine, order));
    const now = ctx.now();
    mine!.status = 'WITHDRAWN';
    mine!.withdrawnAt = now;
    this.settleOffers(order, offers, now);
    ctx.em.create(Notification, {
      regionId: order.regionId,
      audience: 'COORDINATOR',
      kind: 'EXPERT_WITHDREW',
      orderId: order.id,
      message: `${expert.displayName} stepped back from "${order.title}"; the order needs a replacement.`,
      createdAt: now,
    });
    await ctx.em.flush();
    return order;
  }

  async cancelOrder(
    ctx: RequestScope,
    orderId: string,
    reason: string | null | undefined,
    expectedVersion?: number | null,
  ): Promise<Order> {
    const { order } = await this.forChange(ctx, orderId, 'Mutation.cancelOrder', ['COORDINATOR', 'UNIT']);
    checkVersion('order', order, expectedVersion);
    this.step(() => checkCancelOrder(order.status));
    checkFreeText({ reason });
    const now = ctx.now();
    const [sessions, offers] = await Promise.all([
      ctx.em.find(OrderSession, { orderId: order.id }),
      ctx.em.find(Offer, { orderId: order.id, status: 'OFFERED' }),
    ]);
    const scheduled = sessions.filter((x) => x.status === 'SCHEDULED');
    for (const s of scheduled) this.cancel(s, now, reason);
    await this.writeFeeLines(ctx, order, scheduled);
    for (const o of offers) o.status = 'RETRACTED';
    order.status = 'CANCELLED';
    order.cancelledAt = now;
    order.cancellationReason = reason?.trim() || null;
    order.closedAt = now;
    await ctx.em.flush();
    return order;
  }

  async recordDebriefing(ctx: RequestScope, orderId: string, heldOn: string): Promise<Order> {
    const { order } = await this.forChange(ctx, orderId, 'Mutation.recordDebriefing', ['COORDINATOR', 'UNIT']);
    const { config } = await ctx.services.regions.rulesAt(ctx, order.regionId, ctx.now());
    if (heldOn > localDate(ctx.now(), config.timeZone))
      throw new BadUserInputError('heldOn', 'a debriefing cannot be recorded before it is held');
    if (order.status === 'DRAFT' || order.status === 'CANCELLED')
      throw new ConflictError(`the order is ${order.status}; there was no work to debrief`);
    order.debriefingHeldOn = heldOn;
    await ctx.em.flush();
    return order;
  }

  // ---- sessions -----------------------------------------------------------------------------

  async addSession(ctx: RequestScope, orderId: string, input: SessionInput): Promise<OrderSession> {
    const { order } = await this.forChange(ctx, orderId, 'Mutation.addOrderSession', ['COORDINATOR', 'UNIT']);
    if (!isOpen(order.status)) throw new ConflictError(`the order is ${order.status}; no session can be added`);
    const now = ctx.now();
    const { config } = await ctx.services.regions.rulesAt(ctx, order.regionId, now);
    const [s] = this.checkSessions(ctx, config, [input], order.kind, 'input', now, true);
    const session = ctx.em.create(OrderSession, {
      regionId: order.regionId,
      orderId: order.id,
      kind: s!.kind,
      startsAt: s!.startsAt,
      endsAt: s!.endsAt,
      cancellationDeadline: cancellationDeadline(config.cancellationPolicy, config.timeZone, s!.startsAt),
    });
    await ctx.em.flush();
    return session;
  }

  /** The server records the time and classifies it against the deadline stored on the session. */
  async cancelSession(
    ctx: RequestScope,
    sessionId: string,
    reason: string | null | undefined,
    expectedVersion?: number | null,
  ): Promise<OrderSession> {
    const { session, order } = await this.sessionForChange(ctx, sessionId, 'Mutation.cancelSession');
    checkVersion('session', session, expectedVersion);
    this.step(() => checkSessionChange(session, order));
    checkFreeText({ reason });
    this.cancel(session, ctx.now(), reason);
    await this.writeFeeLines(ctx, order, [session]);
    await this.settleSessions(ctx, order);
    await ctx.em.flush();
    return session;
  }

  /** Moved by agreement: not a cancellation; the new time gets the deadline of the policy in force now. */
  async rescheduleSession(
    ctx: RequestScope,
    sessionId: string,
    startsAt: Date,
    endsAt: Date,
    expectedVersion?: number | null,
  ): Promise<OrderSession> {
    const { session, order } = await this.sessionForChange(ctx, sessionId, 'Mutation.rescheduleSession');
    checkVersion('session', session, expectedVersion);
    this.step(() => checkSessionChange(session, order));
    const now = ctx.now();
    const { config } = await ctx.services.regions.rulesAt(ctx, order.regionId, now);
    const [s] = this.checkSessions(ctx, config, [{ startsAt, endsAt, kind: session.kind }], order.kind, '', now, true);
    session.startsAt = s!.startsAt;
    session.endsAt = s!.endsAt;
    session.cancellationDeadline = cancellationDeadline(config.cancellationPolicy, config.timeZone, s!.startsAt);
    session.rescheduleCount += 1;
    await ctx.em.flush();
    return session;
  }

  async recordOutcome(
    ctx: RequestScope,
    sessionId: string,
    input: { outcome: SessionOutcome; minutes?: number | null },
    expectedVersion?: number | null,
  ): Promise<OrderSession> {
    const { session, order } = await this.sessionForChange(ctx, sessionId, 'Mutation.recordSessionOutcome');
    checkVersion('session', session, expectedVersion);
    if (session.status !== 'SCHEDULED')
      throw new ConflictError(`the session is ${session.status}; its outcome is already settled`);
    const offers = await ctx.em.find(Offer, { orderId: order.id, status: 'ACCEPTED' });
    const now = ctx.now();
    const problem = checkOutcome(
      { outcome: input.outcome, minutes: input.minutes },
      session,
      { kind: order.kind, status: order.status, acceptedExperts: offers.length },
      now,
    );
    if (problem) {
      if (problem.field) throw new BadUserInputError(problem.field, problem.message);
      throw new ConflictError(problem.message);
    }
    session.status = 'DONE';
    session.outcome = input.outcome;
    session.workedMinutes = input.minutes ?? null;
    session.outcomeRecordedAt = now;
    session.outcomeRecordedBy = ctx.viewer.id;
    await this.writeFeeLines(ctx, order, [session], offers);
    await this.settleSessions(ctx, order, offers.length);
    await ctx.em.flush();
    return session;
  }

  /** The expert's short report for the ordering professional (003 §4.5). */
  async writeReport(ctx: RequestScope, sessionId: string, text: string): Promise<OrderSession> {
    authorizeRowLookup(ctx, 'Mutation.writeSessionReport');
    const session = isUuid(sessionId) ? await ctx.em.findOne(OrderSession, { id: sessionId }) : null;
    if (!session) throw new NotFoundError('session', sessionId);
    authorizeRow(ctx, 'Mutation.writeSessionReport', session);
    const order = await this.lockedOrder(ctx, session.orderId);
    const expert = await this.ownExpert(ctx, order.regionId);
    const accepted = await ctx.em.count(Offer, { orderId: order.id, expertId: expert.id, status: 'ACCEPTED' });
    if (!accepted) throw new NotFoundError('session', sessionId);
    const report = text.trim();
    if (!report) throw new BadUserInputError('text', 'must not be empty');
    if (report.length > 2_000) throw new BadUserInputError('text', 'at most 2000 characters');
    checkFreeText({ text: report });
    if (ctx.now().getTime() < session.startsAt.getTime())
      throw new ConflictError('the session has not started; a report follows the work');
    session.report = report;
    session.reportWrittenAt = ctx.now();
    await ctx.em.flush();
    return session;
  }

  // ---- helpers ------------------------------------------------------------------------------

  /** Fee lines of settled sessions, for the experts who had accepted the order (fees, 8/11). */
  private async writeFeeLines(
    ctx: RequestScope,
    order: Order,
    settled: OrderSession[],
    accepted?: Offer[],
  ): Promise<void> {
    if (!settled.length) return;
    const offers = accepted ?? (await ctx.em.find(Offer, { orderId: order.id, status: 'ACCEPTED' }));
    if (!offers.length) return;
    const sessions = await ctx.em.find(OrderSession, { orderId: order.id });
    for (const session of settled)
      await ctx.services.fees.recordSessionLines(
        ctx,
        order,
        session,
        sessions,
        offers.map((o) => o.expertId),
      );
  }

  private cancel(session: OrderSession, now: Date, reason: string | null | undefined): void {
    session.status = 'CANCELLED';
    session.cancelledAt = now;
    session.cancellationClass = classifyCancellation(session.cancellationDeadline, now);
    session.cancellationReason = reason?.trim() || null;
  }

  /** After an answer or a withdrawal: fill the order if it can be, and say where it stands. */
  private settleOffers(order: Order, offers: Offer[], now: Date): void {
    const accepted = offers.filter((o) => o.status === 'ACCEPTED').length;
    if (accepted >= order.expertsNeeded) {
      for (const o of offers) if (o.status === 'OFFERED') o.status = 'FILLED';
    }
    const waiting = offers.filter((o) => o.status === 'OFFERED' && (!o.respondBy || o.respondBy >= now)).length;
    if (order.status === 'REQUESTED' || order.status === 'OFFERED' || order.status === 'ACCEPTED')
      order.status = statusFromOffers(order.expertsNeeded, accepted, waiting);
  }

  private async settleSessions(ctx: RequestScope, order: Order, acceptedExperts?: number): Promise<void> {
    const sessions = await ctx.em.find(OrderSession, { orderId: order.id });
    const accepted = acceptedExperts ?? (await ctx.em.count(Offer, { orderId: order.id, status: 'ACCEPTED' }));
    const next = statusWhenSettled(order.status, sessions, accepted);
    if (next !== order.status) {
      order.status = next;
      order.closedAt = ctx.now();
      if (next === 'CANCELLED') {
        order.cancelledAt = ctx.now();
        const waiting = await ctx.em.find(Offer, { orderId: order.id, status: 'OFFERED' });
        for (const o of waiting) o.status = 'RETRACTED';
      }
    }
  }

  private step(check: () => void): void {
    try {
      check();
    } catch (error) {
      throw this.asConflict(error);
    }
  }

  private asConflict(error: unknown): unknown {
    return error instanceof TransitionError ? new ConflictError(error.message) : error;
  }

  private async lockedOrder(ctx: RequestScope, id: string): Promise<Order> {
    const order = await ctx.em.findOne(Order, { id }, { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true });
    if (!order) throw new NotFoundError('order', id);
    return order;
  }

  /** The order locked for a change by the ordering side; NOT_FOUND where the caller cannot see it. */
  private async forChange(
    ctx: RequestScope,
    orderId: string,
    operation: OperationName,
    sides: ReadonlyArray<Standing['side']>,
  ): Promise<{ order: Order; standing: Standing }> {
    authorizeRowLookup(ctx, operation);
    const order = isUuid(orderId) ? await this.lockedOrder(ctx, orderId).catch(missingAsNull) : null;
    if (!order) throw new NotFoundError('order', orderId);
    authorizeRow(ctx, operation, order);
    const standing = await this.standing(ctx, order);
    if (!sides.includes(standing.side))
      throw new ForbiddenError(`${operation.slice(operation.indexOf('.') + 1)} is for the ordering side`);
    return { order, standing };
  }

  private async sessionForChange(ctx: RequestScope, sessionId: string, operation: OperationName) {
    authorizeRowLookup(ctx, operation);
    const head = isUuid(sessionId) ? await ctx.em.findOne(OrderSession, { id: sessionId }) : null;
    if (!head) throw new NotFoundError('session', sessionId);
    authorizeRow(ctx, operation, head);
    const order = await this.lockedOrder(ctx, head.orderId);
    const standing = await this.standing(ctx, order).catch(missingAsNull);
    if (!standing) throw new NotFoundError('session', sessionId);
    if (standing.side === 'EXPERT')
      throw new ForbiddenError(`${operation.slice(operation.indexOf('.') + 1)} is for the ordering side`);
    const session = await ctx.em.findOneOrFail(OrderSession, { id: sessionId }, { refresh: true });
    return { session, order, standing };
  }

  /**
   * How the viewer stands to an order: the region's coordinator; the unit coordinator or a
   * professional of the order's unit; an expert who was offered it. Anyone else: NOT_FOUND, so
   * that orders of other units are not even confirmed to exist.
   */
  private async standing(ctx: RequestScope, order: OrderRow): Promise<Standing> {
    const coordinator = grantsIn(ctx.viewer, order.regionId, ['COORDINATOR'])[0];
    if (coordinator) return { grant: coordinator, side: 'COORDINATOR' };
    const unit = grantsIn(ctx.viewer, order.regionId, UNIT_SIDE_ROLES).find(
      (g) => g.unitId !== undefined && g.unitId === order.unitId,
    );
    if (unit) return { grant: unit, side: 'UNIT' };
    const expertGrant = grantsIn(ctx.viewer, order.regionId, ['EXPERT'])[0];
    if (expertGrant) {
      const expert = ctx.viewer.id ? await ctx.loaders.get(createOrderLoaders).ownExpert.load(order.regionId) : null;
      if (expert) {
        const offers = await ctx.loaders.get(createOrderLoaders).offersByOrder.load(order.id);
        if (offers.some((o) => o.expertId === expert.id)) return { grant: expertGrant, side: 'EXPERT', expert };
      }
    }
    throw new NotFoundError('order', order.id);
  }

  /** The caller's own expert profile; the role was checked by the operation's policy. */
  private async ownExpert(ctx: RequestScope, regionId: string): Promise<Expert> {
    const expert = await ctx.em.findOne(Expert, { regionId, accountId: ctx.viewer.id });
    if (!expert) throw new NotFoundError('expert profile for the caller in region', regionId);
    return expert;
  }

  /** The unit that orders (a professional's own), or an external requester recorded by a coordinator. */
  private async checkRequester(
    ctx: RequestScope,
    config: RegionConfig,
    input: CreateOrderInput,
    grant: Grant,
  ): Promise<{ unitId: string | null; externalRequester: ExternalRequester | null }> {
    if (input.externalRequester) {
      if (input.unitId)
        throw new BadUserInputError(
          'input.externalRequester',
          'an order comes from a unit or an external requester, not both',
        );
      if (!config.work.externalRequesters)
        throw new BadUserInputError(
          'input.externalRequester',
          `region ${input.regionId} takes orders from its own units only`,
        );
      if (grant.role !== 'COORDINATOR')
        throw new ForbiddenError('input.externalRequester: external requests are recorded by the coordinator');
      const r = input.externalRequester;
      const organisation = r.organisation.trim();
      const contactPerson = r.contactPerson.trim();
      if (!organisation) throw new BadUserInputError('input.externalRequester.organisation', 'must not be empty');
      if (!contactPerson) throw new BadUserInputError('input.externalRequester.contactPerson', 'must not be empty');
      return {
        unitId: null,
        externalRequester: {
          organisation,
          contactPerson,
          email: r.email?.trim() || null,
          phone: r.phone?.trim() || null,
        },
      };
    }
    let unitId = input.unitId ?? null;
    if (grant.role === 'PROFESSIONAL') {
      if (unitId && unitId !== grant.unitId)
        throw new ForbiddenError(`input.unitId: a professional orders for their own unit (${grant.unitId})`);
      unitId = grant.unitId ?? null;
    }
    if (!unitId)
      throw new BadUserInputError(
        'input.unitId',
        config.work.externalRequesters ? 'name the ordering unit or an external requester' : 'name the ordering unit',
      );
    const unit = isUuid(unitId) ? await ctx.em.findOne(Unit, { id: unitId, regionId: input.regionId }) : null;
    if (!unit) throw new BadUserInputError('input.unitId', `no unit ${unitId} in region ${input.regionId}`);
    return { unitId: unit.id, externalRequester: null };
  }

  private checkSessions(
    ctx: RequestScope,
    config: RegionConfig,
    sessions: SessionInput[],
    kind: OrderKind,
    field: string,
    now: Date,
    single = false,
  ): Array<{ startsAt: Date; endsAt: Date; kind: string }> {
    if (!single && !sessions.length) throw new BadUserInputError(field, 'an order needs at least one session');
    const coordinator = hasRole(ctx.viewer, config.id, ['COORDINATOR']);
    const kinds = SESSION_KINDS[kind];
    return sessions.map((s, i) => {
      const at = single ? field : `${field}[${i}]`;
      const name = (key: string) => (at ? `${at}.${key}` : key);
      const minutes = (s.endsAt.getTime() - s.startsAt.getTime()) / 60_000;
      if (minutes <= 0) throw new BadUserInputError(name('endsAt'), 'must be after startsAt');
      if (minutes > MAX_SESSION_MINUTES)
        throw new BadUserInputError(name('endsAt'), `a session lasts at most ${MAX_SESSION_MINUTES / 60} hours`);
      // Work is recorded after the fact by coordinators only; others order ahead.
      if (!coordinator && s.startsAt.getTime() < now.getTime())
        throw new BadUserInputError(name('startsAt'), 'must lie in the future (coordinators record past work)');
      const sessionKind = s.kind ?? (kind === 'CLIENT_PROCESS' && (i > 0 || single) ? 'INDIVIDUAL' : kinds[0]!);
      if (!kinds.includes(sessionKind))
        throw new BadUserInputError(name('kind'), `a ${kind} order has sessions of kind ${kinds.join(' or ')}`);
      return { startsAt: s.startsAt, endsAt: s.endsAt, kind: sessionKind };
    });
  }
}

/**
 * Optimistic locking for people: two coordinators who read the same version and both change it
 * are told, the second with CONFLICT, instead of one silently overwriting the other.
 */
function checkVersion(noun: string, row: { id: string; version: number }, expected: number | null | undefined): void {
  if (expected !== null && expected !== undefined && row.version !== expected)
    throw new ConflictError(
      `${noun} ${row.id} was changed by someone else (version ${row.version}, expected ${expected}); reload and try again`,
    );
}

function checkPlan(p: NonNullable<CreateOrderInput['clientProcess']>): ClientProcessPlan {
  if (!Number.isInteger(p.plannedMeetings) || p.plannedMeetings < 1 || p.plannedMeetings > 100)
    throw new BadUserInputError('input.clientProcess.plannedMeetings', 'expected an integer from 1 to 100');
  for (const key of ['frequency', 'contactWay', 'responsibleProfessional'] as const)
    if (!p[key].trim()) throw new BadUserInputError(`input.clientProcess.${key}`, 'must not be empty');
  return {
    plannedMeetings: p.plannedMeetings,
    frequency: p.frequency.trim(),
    planAgreedOn: p.planAgreedOn ?? null,
    contactWay: p.contactWay.trim(),
    responsibleProfessional: p.responsibleProfessional.trim(),
  };
}

function checkGroupPeriod(g: { from: string; to: string }): GroupPeriod {
  if (g.to < g.from) throw new BadUserInputError('input.group.to', 'must not be before input.group.from');
  return { from: g.from, to: g.to };
}

/** Refuses free text that carries a personal identity code, naming the field. */
export function checkFreeText(fields: Record<string, string | null | undefined>): void {
  for (const [field, text] of Object.entries(fields)) {
    if (text && containsPersonalIdentityCode(text))
      throw new BadUserInputError(
        field,
        'contains a personal identity code; clients are never identified here (use a pseudonymous reference)',
      );
  }
}

function idempotencyKeyOf(inputKey: string | null | undefined, headerKey: string | null): string | null {
  const a = inputKey?.trim() || null;
  const b = headerKey?.trim() || null;
  if (a && b && a !== b)
    throw new BadUserInputError('input.idempotencyKey', 'differs from the Idempotency-Key header; send one key');
  const key = a ?? b;
  if (key && key.length > MAX_IDEMPOTENCY_KEY)
    throw new BadUserInputError('input.idempotencyKey', `at most ${MAX_IDEMPOTENCY_KEY} characters`);
  return key;
}

/** A stable digest of the input: the same key must come with the same order. */
function digestOf(input: CreateOrderInput): string {
  const canonical = (value: unknown): unknown => {
    if (value instanceof Date) return value.toISOString();
    if (Array.isArray(value)) return value.map(canonical);
    if (value && typeof value === 'object')
      return Object.fromEntries(
        Object.entries(value)
          .filter(([k, v]) => k !== 'idempotencyKey' && v !== undefined && v !== null)
          .sort(([a], [b]) => a.localeCompare(b))
          .map(([k, v]) => [k, canonical(v)]),
      );
    return value;
  };
  return createHash('sha256')
    .update(JSON.stringify(canonical(input)))
    .digest('hex');
}

/**
 * `column = value` for one value, so that an index on (column, created, id) serves the list's
 * order; `= any(values)` for several, which PostgreSQL cannot read from one index range in order.
 */
function oneOf(column: string, values: readonly string[], arrayCast: string, params: SqlParams): string {
  return values.length === 1
    ? `${column} = ${params.add(values[0], arrayCast.replace('[]', ''))}`
    : `${column} = any(${params.add(values, arrayCast)})`;
}

/** A row the caller cannot reach reads as absent; any other failure stays a failure. */
function missingAsNull(error: unknown): null {
  if (error instanceof NotFoundError) return null;
  throw error;
}
