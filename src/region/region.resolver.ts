import { Arg, Ctx, Field, FieldResolver, ID, Int, Mutation, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { BadUserInputError } from '../common/errors';
import { DateTimeScalar } from '../common/scalars';
import type { RequestContext } from '../context';
import type { RegionConfig, Respondent } from './region-config';
import type { RegionRevision } from './region-revision.entity';
import {
  CancellationPolicy,
  CoordinatorRole,
  FeedbackQuestion,
  FeePackage,
  labelled,
  FeeRow,
  FeeTable,
  OnboardingStep,
  OrderingModelEnum,
  PayoutDates,
  PayoutSchedule,
  pick,
  ProposeRegionRevisionInput,
  RegionRevisionType,
  RespondentEnum,
  ServiceInterface,
  serviceInterfaceOf,
  TaskType,
  taskTypeOf,
  Topic,
  topicOf,
  TrainingRecommendation,
  TravelRule,
} from './region.types';

/**
 * A region's rules as in force at one instant (the module plus the revisions published and
 * effective then): every field of the Region type reads this one resolved config.
 */
@ObjectType('WorkRules', { description: 'How a region keeps orders, sessions and the work around them.' })
class WorkRulesType {
  @Field(() => Boolean, { description: 'Experts are offered work in a unit only once oriented there.' })
  unitOrientationRequired!: boolean;
  @Field(() => Boolean, { description: 'Requests also come from outside the county (schools, associations, events).' })
  externalRequesters!: boolean;
  @Field(() => Int, { description: "Days an external requester's contact details are kept after the order closes." })
  requesterRetentionDays!: number;
  @Field(() => Int, { description: "Days the experts' session reports are kept after the order closes." })
  sessionReportRetentionDays!: number;
  @Field(() => Int, {
    description: 'Coordinators see experts without supervision or a peer meeting in this many months.',
  })
  supportIntervalMonths!: number;
}

@ObjectType('Region', {
  description: 'A wellbeing services county or expert bank, with its own rules, as in force at a date.',
})
export class RegionType {
  constructor(
    readonly config: RegionConfig,
    /** The instant the rules are read at. */
    readonly at: Date,
  ) {}

  @Field(() => ID, { description: 'Stable id, e.g. ita-uusimaa.' })
  get id(): string {
    return this.config.id;
  }

  @Field(() => DateTimeScalar, {
    description: 'The instant at which these rules are in force (the `at` asked for, default now).',
  })
  get rulesAt(): Date {
    return this.at;
  }

  @Field(() => String, { description: "Name in the given locale, or the region's first locale." })
  name(@Arg('locale', () => String, { nullable: true }) locale?: string): string {
    return pick(this.config.name, locale, this.fallback);
  }

  @Field(() => [String], { description: 'Locales the region serves, first is the default.' })
  get locales(): string[] {
    return this.config.locales;
  }

  @Field(() => String, { description: 'IANA time zone in which dates and deadlines are reckoned.' })
  get timeZone(): string {
    return this.config.timeZone;
  }

  @Field(() => OrderingModelEnum, { description: 'How work reaches experts in this region.' })
  get orderingModel(): string {
    return this.config.orderingModel;
  }

  @Field(() => Boolean, { description: 'Experts may work remotely (video).' })
  get supportsRemoteWork(): boolean {
    return this.config.supportsRemoteWork;
  }

  @Field(() => Boolean, {
    description: 'Experts hold reception (walk-in or booked) on their own, outside orders from professionals.',
  })
  get receptionWork(): boolean {
    return this.config.receptionWork;
  }

  @Field(() => Boolean, { description: 'Debriefing is offered to the expert after client work.' })
  get debriefingOffered(): boolean {
    return this.config.debriefingOffered;
  }

  @Field(() => Boolean, { description: 'Regular supervision (työnohjaus) is offered to experts doing client work.' })
  get supervisionOffered(): boolean {
    return this.config.supervisionOffered;
  }

  @Field(() => Boolean, {
    description: "Experts may opt in to follow their month's fees against their own earnings limit.",
  })
  get earningsLimitOptIn(): boolean {
    return this.config.earningsLimitOptIn;
  }

  @Field(() => Int, { description: 'Metrics cells with fewer individuals than this are suppressed.' })
  get smallCellThreshold(): number {
    return this.config.metrics.smallCellThreshold;
  }

  @Field(() => WorkRulesType, { description: 'How orders, sessions and the work around them are kept.' })
  get work(): WorkRulesType {
    return this.config.work;
  }

  get fallback(): string {
    return this.config.locales[0]!;
  }
}

@Resolver(() => RegionType)
export class RegionResolver {
  @Query(() => [RegionType], {
    description: 'Every region served, with its rules as in force at `at`. Public: frontends show these before login.',
  })
  async regions(
    @Ctx() ctx: RequestContext,
    @Arg('at', () => DateTimeScalar, {
      nullable: true,
      description: 'Read the rules in force at this instant (default: now).',
    })
    at?: Date | null,
  ): Promise<RegionType[]> {
    const when = at ?? ctx.now();
    return Promise.all(
      ctx.services.regions
        .list()
        .map(async (module) => new RegionType((await ctx.services.regions.rulesAt(ctx, module.id, when)).config, when)),
    );
  }

  @Query(() => RegionType, {
    nullable: true,
    description:
      'One region with its rules as in force at `at` (published revisions included), or null for an unknown id. Public.',
  })
  async region(
    @Arg('id', () => ID) id: string,
    @Ctx() ctx: RequestContext,
    @Arg('at', () => DateTimeScalar, {
      nullable: true,
      description: 'Read the rules in force at this instant (default: now).',
    })
    at?: Date | null,
  ): Promise<RegionType | null> {
    if (!ctx.services.regions.find(id)) return null;
    const when = at ?? ctx.now();
    return new RegionType((await ctx.services.regions.rulesAt(ctx, id, when)).config, when);
  }

  @FieldResolver(() => [Topic], { description: 'Topics of experience experts can have.' })
  topics(@Root() region: RegionType): Topic[] {
    return region.config.topics.map((t) => topicOf(region.config, t.id));
  }

  @FieldResolver(() => [TaskType], { description: 'Kinds of task, each with its fee category.' })
  taskTypes(@Root() region: RegionType): TaskType[] {
    return region.config.taskTypes.map((t) => taskTypeOf(region.config, t.id));
  }

  @FieldResolver(() => [CoordinatorRole], { description: 'Coordinator roles and their scope.' })
  coordinatorRoles(@Root() region: RegionType): CoordinatorRole[] {
    return region.config.coordinatorRoles.map((r) =>
      labelled(CoordinatorRole, r.label, region.fallback, { id: r.id, scope: r.scope }),
    );
  }

  @FieldResolver(() => [ServiceInterface], {
    description: 'Service interfaces where experts work; every unit belongs to one.',
  })
  serviceInterfaces(@Root() region: RegionType): ServiceInterface[] {
    return region.config.serviceInterfaces.map((s) => serviceInterfaceOf(region.config, s.id));
  }

  @FieldResolver(() => [OnboardingStep], { description: 'Steps from applicant to contracted expert.' })
  onboardingSteps(@Root() region: RegionType): OnboardingStep[] {
    return region.config.onboardingSteps.map((s) =>
      labelled(OnboardingStep, s.label, region.fallback, { id: s.id, panel: s.panel ?? [] }),
    );
  }

  @FieldResolver(() => TravelRule, { description: 'How travel is compensated.' })
  travel(@Root() region: RegionType): TravelRule {
    const t = region.config.travel;
    return labelled(TravelRule, t.description, region.fallback, { rule: t.rule, centsPerKm: t.centsPerKm ?? null });
  }

  @FieldResolver(() => [FeedbackQuestion], {
    description: "The region's feedback questions for one kind of respondent.",
  })
  feedbackQuestions(
    @Root() region: RegionType,
    @Arg('respondent', () => RespondentEnum) respondent: Respondent,
  ): FeedbackQuestion[] {
    return region.config.feedbackQuestions[respondent].map((q) =>
      labelled(FeedbackQuestion, q.label, region.fallback, {
        id: q.id,
        kind: q.kind,
        sharedWithExpert: q.sharedWithExpert,
      }),
    );
  }

  @FieldResolver(() => TrainingRecommendation, {
    nullable: true,
    description: 'Training the region recommends before expert work; null when it recommends none.',
  })
  recommendedTraining(@Root() region: RegionType): TrainingRecommendation | null {
    const t = region.config.recommendedTraining;
    return t
      ? labelled(TrainingRecommendation, t.description, region.fallback, {
          minimumHours: t.minimumHours,
          overMonths: t.overMonths,
        })
      : null;
  }

  @FieldResolver(() => FeeTable, {
    description: 'The fee table in force at `at` (default: the instant the region is read at).',
  })
  async feeTable(
    @Root() region: RegionType,
    @Ctx() ctx: RequestContext,
    @Arg('at', () => DateTimeScalar, { nullable: true }) at?: Date,
  ): Promise<FeeTable> {
    const config = await rulesFor(ctx, region, at);
    const fallback = region.fallback;
    return {
      effectiveFrom: config.feeTable.effectiveFrom,
      rows: config.feeTable.rows.map((r) =>
        labelled(FeeRow, r.label, fallback, {
          category: r.category,
          hourlyRateCents: r.hourlyRateCents,
          taxClass: r.taxClass,
          taxClassIsDefault: r.taxClassIsDefault,
        }),
      ),
      packages: config.feeTable.packages.map((p) =>
        labelled(FeePackage, p.label, fallback, { id: p.id, priceCents: p.priceCents, includes: p.includes }),
      ),
    };
  }

  @FieldResolver(() => CancellationPolicy, {
    description: 'The cancellation policy in force at `at` (default: the instant the region is read at).',
  })
  async cancellationPolicy(
    @Root() region: RegionType,
    @Ctx() ctx: RequestContext,
    @Arg('at', () => DateTimeScalar, { nullable: true }) at?: Date,
  ): Promise<CancellationPolicy> {
    const config = await rulesFor(ctx, region, at);
    const p = config.cancellationPolicy;
    return labelled(CancellationPolicy, p.description, region.fallback, {
      hoursBefore: p.deadline.kind === 'HOURS_BEFORE' ? p.deadline.hours : null,
      daysBefore: p.deadline.kind === 'DAYS_BEFORE_AT_LOCAL_TIME' ? p.deadline.days : null,
      localTime: p.deadline.kind === 'DAYS_BEFORE_AT_LOCAL_TIME' ? p.deadline.localTime : null,
      latePaid: p.latePaid,
      noShowPaid: p.noShowPaid,
      expertIllnessPaid: p.expertIllnessPaid,
      emptyGroupPaid: p.emptyGroupPaid,
      groupEndedPaid: p.groupEndedPaid,
      rescheduleByAgreement: p.rescheduleByAgreement,
    });
  }

  @FieldResolver(() => PayoutSchedule, {
    description: 'The payout schedule in force at `at` (default: the instant the region is read at).',
  })
  async payoutSchedule(
    @Root() region: RegionType,
    @Ctx() ctx: RequestContext,
    @Arg('at', () => DateTimeScalar, { nullable: true }) at?: Date,
  ): Promise<PayoutSchedule> {
    const config = await rulesFor(ctx, region, at);
    const s = config.payoutSchedule;
    return {
      noticeDueDay: s.noticeDueDay,
      paymentDay: s.paymentDay === 'LAST_DAY' ? null : s.paymentDay,
      paymentOnLastDay: s.paymentDay === 'LAST_DAY',
      paymentMonthOffset: s.paymentMonthOffset,
    };
  }

  @Query(() => DateTimeScalar, {
    description:
      'The last instant at which a task starting at startsAt can be cancelled free of charge (cancelling exactly then is on time). Public.',
  })
  async cancellationDeadline(
    @Arg('regionId', () => ID) regionId: string,
    @Arg('startsAt', () => DateTimeScalar) startsAt: Date,
    @Ctx() ctx: RequestContext,
  ): Promise<Date> {
    return ctx.services.regions.cancellationDeadline(ctx, regionId, startsAt);
  }

  @Query(() => PayoutDates, {
    description: 'When the fee payment notice is due and fees are paid for work done in workMonth ("2026-10"). Public.',
  })
  async payoutDates(
    @Arg('regionId', () => ID) regionId: string,
    @Arg('workMonth', () => String) workMonth: string,
    @Ctx() ctx: RequestContext,
  ): Promise<PayoutDates> {
    return ctx.services.regions.payoutDates(ctx, regionId, workMonth);
  }

  @Query(() => [RegionRevisionType], {
    description:
      "Revisions of a region's rules, drafts and published, the latest `first` by effective date (oldest first). REGION_ADMIN of the region.",
  })
  async regionRevisions(
    @Arg('regionId', () => ID) regionId: string,
    @Ctx() ctx: RequestContext,
    @Arg('first', () => Int, { nullable: true, description: 'At most this many, 1 to 100 (default 100).' })
    first?: number | null,
  ): Promise<RegionRevisionType[]> {
    return (await ctx.services.regions.listRevisions(ctx, regionId, first)).map(toRevisionType);
  }

  @Mutation(() => RegionRevisionType, {
    description:
      "Drafts a change to a region's rules; validated against the rules in force at effectiveFrom. REGION_ADMIN.",
  })
  async proposeRegionRevision(
    @Arg('input', () => ProposeRegionRevisionInput) input: ProposeRegionRevisionInput,
    @Ctx() ctx: RequestContext,
  ): Promise<RegionRevisionType> {
    if (input.reason.length > 2000) throw new BadUserInputError('input.reason', 'must be at most 2000 characters');
    return toRevisionType(await ctx.services.regions.proposeRevision(ctx, input));
  }

  @Mutation(() => RegionRevisionType, {
    description: 'Publishes a draft so that it takes effect from its date. REGION_ADMIN.',
  })
  async publishRegionRevision(
    @Arg('id', () => ID) id: string,
    @Ctx() ctx: RequestContext,
    @Arg('expectedVersion', () => Int, {
      nullable: true,
      description: 'Fail with CONFLICT if the draft changed since it was read.',
    })
    expectedVersion?: number,
  ): Promise<RegionRevisionType> {
    return toRevisionType(await ctx.services.regions.publishRevision(ctx, id, expectedVersion ?? undefined));
  }
}

/** The rules at a field's own `at`, or those the region was read at. */
async function rulesFor(ctx: RequestContext, region: RegionType, at: Date | undefined | null): Promise<RegionConfig> {
  if (!at || at.getTime() === region.at.getTime()) return region.config;
  return (await ctx.services.regions.rulesAt(ctx, region.id, at)).config;
}

function toRevisionType(r: RegionRevision): RegionRevisionType {
  return {
    id: r.id,
    regionId: r.regionId,
    status: r.status,
    effectiveFrom: r.effectiveFrom,
    reason: r.reason,
    authorId: r.authorId,
    authorName: r.authorName ?? null,
    createdAt: r.createdAt,
    publishedAt: r.publishedAt ?? null,
    changes: r.changes,
    diff: r.diff.map((d) => ({
      path: d.path,
      before: d.before === undefined ? null : JSON.stringify(d.before),
      after: d.after === undefined ? null : JSON.stringify(d.after),
    })),
    version: r.version,
  };
}
