import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Ctx, FieldResolver, ID, Info, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { operationOf } from '../audit/audit.service';
import { toKeysetConnection, type ConnectionShape } from '../common/pagination';
import { connectionSelection } from '../common/selection';
import { DateTimeScalar, LocalDateScalar } from '../common/scalars';
import type { RequestContext } from '../context';
import { createExpertLoaders } from '../experts/expert.loaders';
import { whenReady, type MaybePromise } from '../common/held-loader';
import { ExpertContactType } from '../experts/expert.types';
import { TaskType, taskTypeOf, Topic, topicOf } from '../region/region.types';
import { UnitType } from '../units/unit.types';
import type { Notification } from './order.entity';
import type { OfferRow, OrderExpertRow, OrderRow, OrderUnitRow, SessionRow } from './order.read';
import { createOrderLoaders } from './order.loaders';
import {
  CreateOrderInput,
  ExternalRequesterType,
  NotificationType,
  OfferType,
  OrderConnection,
  OrderExpertType,
  OrderFilterInput,
  OrderType,
  SessionCancellationType,
  SessionOutcomeInput,
  SessionTimeInput,
  SessionType,
} from './order.types';

/** An expert as seen from one order: what the order may show of them depends on the order. */
interface ExpertOnOrder {
  expert: OrderExpertRow;
  order: OrderRow;
}

@Resolver(() => OrderType)
export class OrderResolver {
  // ---- queries -----------------------------------------------------------------------------

  @Query(() => OrderType, {
    description:
      "One order. NOT_FOUND outside the caller's reach (another unit's order, an order not offered to the expert).",
  })
  order(@Arg('id', () => ID) id: string, @Ctx() ctx: RequestContext): Promise<OrderRow> {
    return ctx.services.orders.get(ctx, id);
  }

  @Query(() => OrderConnection, {
    description:
      "Orders of a region, newest first: a coordinator's all, a unit coordinator's and professional's their unit's.",
  })
  async orders(
    @Arg('regionId', () => ID) regionId: string,
    @Ctx() ctx: RequestContext,
    @Info() info: GraphQLResolveInfo,
    @Arg('filter', () => OrderFilterInput, { nullable: true }) filter?: OrderFilterInput | null,
    @Arg('first', () => Int, { nullable: true, description: 'Page size, 1 to 100 (default 20).' })
    first?: number | null,
    @Arg('after', () => String, { nullable: true, description: 'endCursor of the previous page.' })
    after?: string | null,
  ): Promise<ConnectionShape<OrderRow>> {
    const statuses = [...(filter?.statuses ?? []), ...(filter?.status ? [filter.status] : [])];
    const { top, node } = connectionSelection(info);
    const page = await ctx.services.orders.list(
      ctx,
      regionId,
      { statuses, unitId: filter?.unitId, from: filter?.from, to: filter?.to },
      first,
      after,
      {
        sessions: node.has('sessions'),
        offers: node.has('offers') || node.has('acceptedExperts'),
        unit: node.has('unit'),
        totalCount: top.has('totalCount'),
      },
    );
    return toKeysetConnection(page, (o) => o);
  }

  @Query(() => [OfferType], { description: "The calling expert's offers, newest first (at most `first`, 100)." })
  myOffers(
    @Arg('regionId', () => ID) regionId: string,
    @Ctx() ctx: RequestContext,
    @Arg('first', () => Int, { nullable: true }) first?: number | null,
  ): Promise<OfferRow[]> {
    return ctx.services.orders.myOffers(ctx, regionId, first);
  }

  @Query(() => [SessionType], {
    description: 'Sessions of the orders the calling expert has accepted, in time order (at most `first`, 100).',
  })
  mySessions(
    @Arg('regionId', () => ID) regionId: string,
    @Ctx() ctx: RequestContext,
    @Arg('from', () => DateTimeScalar, { nullable: true }) from?: Date | null,
    @Arg('to', () => DateTimeScalar, { nullable: true }) to?: Date | null,
    @Arg('first', () => Int, { nullable: true }) first?: number | null,
  ): Promise<SessionRow[]> {
    return ctx.services.orders.mySessions(ctx, regionId, from, to, first);
  }

  @Query(() => [NotificationType], { description: "The coordinators' notifications, newest first (COORDINATOR)." })
  notifications(
    @Arg('regionId', () => ID) regionId: string,
    @Ctx() ctx: RequestContext,
    @Arg('first', () => Int, { nullable: true }) first?: number | null,
  ): Promise<Notification[]> {
    return ctx.services.orders.notifications(ctx, regionId, first);
  }

  // ---- mutations ---------------------------------------------------------------------------

  @Mutation(() => OrderType, {
    description:
      'Places an order (PROFESSIONAL for their unit, COORDINATOR). The agreed rates and each session’s cancellation deadline are fixed now.',
  })
  createOrder(
    @Arg('input', () => CreateOrderInput) input: CreateOrderInput,
    @Ctx() ctx: RequestContext,
  ): Promise<OrderRow> {
    return ctx.services.orders.create(ctx, input, ctx.idempotencyKey);
  }

  @Mutation(() => OrderType, { description: 'DRAFT → REQUESTED.' })
  submitOrder(@Arg('orderId', () => ID) orderId: string, @Ctx() ctx: RequestContext): Promise<OrderRow> {
    return ctx.services.orders.submit(ctx, orderId);
  }

  @Mutation(() => OrderType, {
    description: "Offers the order to experts at once; who may offer follows the region's ordering model.",
  })
  offerOrder(
    @Arg('orderId', () => ID) orderId: string,
    @Arg('expertIds', () => [ID]) expertIds: string[],
    @Ctx() ctx: RequestContext,
    @Arg('respondBy', () => DateTimeScalar, { nullable: true, description: 'Answers are due by this time.' })
    respondBy?: Date | null,
    @Arg('expectedVersion', () => Int, {
      nullable: true,
      description: 'The version the caller read; CONFLICT if someone changed it since.',
    })
    expectedVersion?: number | null,
  ): Promise<OrderRow> {
    return ctx.services.orders.offer(ctx, orderId, expertIds, respondBy, expectedVersion);
  }

  @Mutation(() => OfferType, {
    description: 'The expert accepts or declines. When the places are taken, a later acceptance gets CONFLICT.',
  })
  respondToOffer(
    @Arg('offerId', () => ID) offerId: string,
    @Arg('accept', () => Boolean) accept: boolean,
    @Ctx() ctx: RequestContext,
  ): Promise<OfferRow> {
    return ctx.services.orders.respond(ctx, offerId, accept);
  }

  @Mutation(() => OrderType, {
    description: 'The expert steps back from accepted work, without a reason; the order reopens for a replacement.',
  })
  withdrawFromOrder(@Arg('orderId', () => ID) orderId: string, @Ctx() ctx: RequestContext): Promise<OrderRow> {
    return ctx.services.orders.withdraw(ctx, orderId);
  }

  @Mutation(() => OrderType, { description: 'Cancels the order and its scheduled sessions (each EARLY or LATE).' })
  cancelOrder(
    @Arg('orderId', () => ID) orderId: string,
    @Ctx() ctx: RequestContext,
    @Arg('reason', () => String, { nullable: true }) reason?: string | null,
    @Arg('expectedVersion', () => Int, {
      nullable: true,
      description: 'The version the caller read; CONFLICT if someone changed it since.',
    })
    expectedVersion?: number | null,
  ): Promise<OrderRow> {
    return ctx.services.orders.cancelOrder(ctx, orderId, reason, expectedVersion);
  }

  @Mutation(() => SessionType, { description: 'Adds a session to an open order (e.g. a meeting moved after illness).' })
  addOrderSession(
    @Arg('orderId', () => ID) orderId: string,
    @Arg('input', () => SessionTimeInput) input: SessionTimeInput,
    @Ctx() ctx: RequestContext,
  ): Promise<SessionRow> {
    return ctx.services.orders.addSession(ctx, orderId, input);
  }

  @Mutation(() => OrderType, { description: 'Records that the debriefing offered after the work was held.' })
  recordDebriefing(
    @Arg('orderId', () => ID) orderId: string,
    @Arg('heldOn', () => LocalDateScalar) heldOn: string,
    @Ctx() ctx: RequestContext,
  ): Promise<OrderRow> {
    return ctx.services.orders.recordDebriefing(ctx, orderId, heldOn);
  }

  @Mutation(() => SessionType, {
    description: 'Cancels a session; the server records the time and classifies it EARLY or LATE against its deadline.',
  })
  cancelSession(
    @Arg('sessionId', () => ID) sessionId: string,
    @Ctx() ctx: RequestContext,
    @Arg('reason', () => String, { nullable: true }) reason?: string | null,
    @Arg('expectedVersion', () => Int, {
      nullable: true,
      description: 'The version the caller read; CONFLICT if someone changed it since.',
    })
    expectedVersion?: number | null,
  ): Promise<SessionRow> {
    return ctx.services.orders.cancelSession(ctx, sessionId, reason, expectedVersion);
  }

  @Mutation(() => SessionType, { description: 'Moves a session by agreement (not a cancellation).' })
  rescheduleSession(
    @Arg('sessionId', () => ID) sessionId: string,
    @Arg('startsAt', () => DateTimeScalar) startsAt: Date,
    @Arg('endsAt', () => DateTimeScalar) endsAt: Date,
    @Ctx() ctx: RequestContext,
    @Arg('expectedVersion', () => Int, {
      nullable: true,
      description: 'The version the caller read; CONFLICT if someone changed it since.',
    })
    expectedVersion?: number | null,
  ): Promise<SessionRow> {
    return ctx.services.orders.rescheduleSession(ctx, sessionId, startsAt, endsAt, expectedVersion);
  }

  @Mutation(() => SessionType, {
    description: 'Records how a session ended, after its start; the fee engine reads it.',
  })
  recordSessionOutcome(
    @Arg('sessionId', () => ID) sessionId: string,
    @Arg('input', () => SessionOutcomeInput) input: SessionOutcomeInput,
    @Ctx() ctx: RequestContext,
    @Arg('expectedVersion', () => Int, {
      nullable: true,
      description: 'The version the caller read; CONFLICT if someone changed it since.',
    })
    expectedVersion?: number | null,
  ): Promise<SessionRow> {
    return ctx.services.orders.recordOutcome(ctx, sessionId, input, expectedVersion);
  }

  @Mutation(() => SessionType, {
    description:
      "The expert's short report of a session for the ordering professional (003 §4.5); deleted after the order closes.",
  })
  writeSessionReport(
    @Arg('sessionId', () => ID) sessionId: string,
    @Arg('text', () => String) text: string,
    @Ctx() ctx: RequestContext,
  ): Promise<SessionRow> {
    return ctx.services.orders.writeReport(ctx, sessionId, text);
  }

  // ---- fields ------------------------------------------------------------------------------

  @FieldResolver(() => UnitType, { nullable: true, description: 'The ordering unit; null for an external requester.' })
  unit(@Root() order: OrderRow, @Ctx() ctx: RequestContext): MaybePromise<OrderUnitRow | null> {
    return order.unitId ? ctx.loaders.get(createOrderLoaders).units.get(order.unitId) : null;
  }

  @FieldResolver(() => ExternalRequesterType, {
    nullable: true,
    description: 'A requester outside the county (coordinators only); contact details erased after retention.',
  })
  externalRequester(@Root() order: OrderRow, @Ctx() ctx: RequestContext): ExternalRequesterType | null {
    return ctx.services.orders.externalRequesterOf(ctx, order);
  }

  @FieldResolver(() => TaskType)
  taskType(@Root() order: OrderRow, @Ctx() ctx: RequestContext): MaybePromise<TaskType> {
    return whenReady(ctx.loaders.get(createExpertLoaders).config.get(order.regionId), (config) =>
      taskTypeOf(config, order.taskTypeId),
    );
  }

  @FieldResolver(() => [Topic], { description: 'Topics of experience wanted.' })
  topics(@Root() order: OrderRow, @Ctx() ctx: RequestContext): MaybePromise<Topic[]> {
    return whenReady(ctx.loaders.get(createExpertLoaders).config.get(order.regionId), (config) =>
      order.topicIds.map((id) => topicOf(config, id)),
    );
  }

  @FieldResolver(() => String, { nullable: true, description: 'The pseudonymous client reference.' })
  clientRef(@Root() order: OrderRow): string | null {
    return order.clientRef;
  }

  @FieldResolver(() => [SessionType], { description: 'Sessions in time order.' })
  sessions(@Root() order: OrderRow, @Ctx() ctx: RequestContext): MaybePromise<SessionRow[]> {
    return ctx.loaders.get(createOrderLoaders).sessionsByOrder.get(order.id);
  }

  @FieldResolver(() => [OfferType], { description: 'Offers made; an expert sees only their own.' })
  offers(@Root() order: OrderRow, @Ctx() ctx: RequestContext): Promise<OfferRow[]> {
    return ctx.services.orders.visibleOffers(ctx, order);
  }

  @FieldResolver(() => [OrderExpertType], { description: 'Experts who accepted, in the order they accepted.' })
  async acceptedExperts(@Root() order: OrderRow, @Ctx() ctx: RequestContext): Promise<ExpertOnOrder[]> {
    const loaders = ctx.loaders.get(createOrderLoaders);
    const offers = (await loaders.offersByOrder.load(order.id)).filter((o) => o.status === 'ACCEPTED');
    const experts = await Promise.all(offers.map((o) => loaders.experts.load(o.expertId)));
    return experts.flatMap((expert) => (expert ? [{ expert, order }] : []));
  }
}

@Resolver(() => SessionType)
export class SessionResolver {
  @FieldResolver(() => SessionCancellationType, { nullable: true })
  cancellation(@Root() s: SessionRow): SessionCancellationType | null {
    if (s.status !== 'CANCELLED' || !s.cancelledAt) return null;
    return { cancellationClass: s.cancellationClass!, at: s.cancelledAt, reason: s.cancellationReason ?? null };
  }

  @FieldResolver(() => String, {
    nullable: true,
    description: "The expert's short report, for the ordering side and the experts of the order.",
  })
  report(@Root() s: SessionRow, @Ctx() ctx: RequestContext): Promise<string | null> {
    return ctx.services.orders.reportOf(ctx, s);
  }

  @FieldResolver(() => OrderType)
  order(@Root() s: SessionRow, @Ctx() ctx: RequestContext): MaybePromise<OrderRow> {
    return whenReady(ctx.loaders.get(createOrderLoaders).orders.get(s.orderId), (order) => order!);
  }
}

@Resolver(() => OfferType)
export class OfferResolver {
  @FieldResolver(() => OrderType)
  order(@Root() offer: OfferRow, @Ctx() ctx: RequestContext): MaybePromise<OrderRow> {
    return whenReady(ctx.loaders.get(createOrderLoaders).orders.get(offer.orderId), (order) => order!);
  }

  @FieldResolver(() => OrderExpertType)
  async expert(@Root() offer: OfferRow, @Ctx() ctx: RequestContext): Promise<ExpertOnOrder> {
    const loaders = ctx.loaders.get(createOrderLoaders);
    const [expert, order] = await Promise.all([
      loaders.experts.load(offer.expertId),
      loaders.orders.load(offer.orderId),
    ]);
    return { expert: expert!, order: order! };
  }
}

@Resolver(() => OrderExpertType)
export class OrderExpertResolver {
  @FieldResolver(() => ID)
  id(@Root() root: ExpertOnOrder): string {
    return root.expert.id;
  }

  @FieldResolver(() => String)
  displayName(@Root() root: ExpertOnOrder): string {
    return root.expert.erasedAt ? root.expert.pseudonym : root.expert.displayName;
  }

  @FieldResolver(() => ExpertContactType, {
    nullable: true,
    description:
      'Open to the professional who placed the order, the unit coordinator and the coordinator while the order is open, once the expert has accepted; every read is audited.',
  })
  contact(
    @Root() root: ExpertOnOrder,
    @Ctx() ctx: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<ExpertContactType | null> {
    return ctx.services.orders.acceptedExpertContact(ctx, root.order, root.expert, operationOf(info));
  }
}
