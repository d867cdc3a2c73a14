import { Kind, type GraphQLResolveInfo, type SelectionSetNode } from 'graphql';
import {
  Arg,
  Ctx,
  Field,
  FieldResolver,
  ID,
  Info,
  Int,
  Mutation,
  ObjectType,
  Query,
  Resolver,
  Root,
} from 'type-graphql';
import { operationOf } from '../audit/audit.service';
import { whenReady, type MaybePromise } from '../common/held-loader';
import { lineOf } from '../fees/fee.resolver';
import { FeeLineType } from '../fees/fee.types';
import { AuditEntryType } from '../audit/audit.types';
import { toKeysetConnection, type ConnectionShape } from '../common/pagination';
import { LocalDateScalar } from '../common/scalars';
import type { RequestContext } from '../context';
import { TaskType, taskTypeOf, Topic, topicOf } from '../region/region.types';
import { UnitType } from '../units/unit.types';
import type { Expert } from './expert.entity';
import { createExpertLoaders } from './expert.loaders';
import type { ExpertRow, UnitRow } from './expert.read';
import type { ExpertPageSelection } from './expert.service';
import {
  AddExpertTrainingInput,
  ConsentChangeType,
  UpdateMyConsentInput,
  ContractPeriodType,
  CreateExpertInput,
  ErasedExpertType,
  ExpertConnection,
  ExpertContactType,
  ExpertContractType,
  ExpertFilterInput,
  ExpertProfileType,
  ExpertStatusEnum,
  ExpertTrainingType,
  InterviewType,
  LocalizedTextType,
  RecordExpertInterviewInput,
  SignExpertContractInput,
  TaxCardType,
  UpdateExpertProfileInput,
} from './expert.types';
import { availableOn, contractOn, localDate } from './rules/contract-validity';
import type { ExpertStatus } from './rules/expert-lifecycle';
import { meetsKokoaRecommendation, meetsTrainingRecommendation } from './rules/training';

@ObjectType('MyExpertData', {
  description: 'Everything stored about the calling expert in one region (GDPR access request).',
})
class MyExpertDataType {
  @Field(() => ExpertProfileType, {
    description: 'The profile with contact details, topics, contracts, trainings, tax cards and interview.',
  })
  profile!: Expert;

  @Field(() => [AuditEntryType], {
    description: "Who read or changed the expert's personal data, and when: the latest 100, oldest first.",
  })
  auditEntries!: AuditEntryType[];

  @Field(() => [ConsentChangeType], { description: 'Consents given or withdrawn, the latest 100, oldest first.' })
  consents!: ConsentChangeType[];

  @Field(() => [FeeLineType], { description: "The expert's fee lines, the latest 100, newest first." })
  feeLines!: FeeLineType[];
}

@Resolver(() => ExpertProfileType)
export class ExpertResolver {
  // ---- queries -----------------------------------------------------------------------------

  @Query(() => ExpertProfileType, {
    description: "One expert. NOT_FOUND outside the caller's regions; professionals see only available experts.",
  })
  expert(@Arg('id', () => ID) id: string, @Ctx() ctx: RequestContext): Promise<Expert> {
    return ctx.services.experts.get(ctx, id);
  }

  @Query(() => ExpertConnection, {
    description: "Search of a region's pool (COORDINATOR, UNIT_COORDINATOR, PROFESSIONAL), by display name.",
  })
  async experts(
    @Arg('regionId', () => ID) regionId: string,
    @Arg('filter', () => ExpertFilterInput, { nullable: true, description: 'All given filters must match.' })
    filter: ExpertFilterInput | null,
    @Arg('first', () => Int, { nullable: true, description: 'Page size, 1 to 100 (default 20).' }) first: number | null,
    @Arg('after', () => String, { nullable: true, description: 'endCursor of the previous page.' })
    after: string | null,
    @Ctx() ctx: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<ConnectionShape<ExpertRow>> {
    const page = await ctx.services.experts.search(ctx, regionId, filter ?? {}, first, after, pageSelection(info));
    return toKeysetConnection(page, (e) => e);
  }

  @Query(() => [ExpertProfileType], {
    description:
      'Experts under contract in the year who have no tax card for it yet, by name, at most `first` (COORDINATOR).',
  })
  expertsMissingTaxCard(
    @Arg('regionId', () => ID) regionId: string,
    @Arg('year', () => Int) year: number,
    @Ctx() ctx: RequestContext,
    @Arg('first', () => Int, { nullable: true, description: 'At most this many, 1 to 100 (default 100).' })
    first?: number | null,
  ): Promise<Expert[]> {
    return ctx.services.experts.missingTaxCard(ctx, regionId, year, first);
  }

  @Query(() => MyExpertDataType, {
    description: 'Everything stored about the calling expert (EXPERT), including who read their data.',
  })
  async myData(@Arg('regionId', () => ID) regionId: string, @Ctx() ctx: RequestContext): Promise<MyExpertDataType> {
    const { expert, auditEntries, consents } = await ctx.services.experts.mine(ctx, regionId);
    const lines = await ctx.services.fees.linesOfExpert(ctx, expert.id);
    return {
      feeLines: lines.map((l) => lineOf(l, new Map([[expert.id, expert]]))),
      profile: expert,
      auditEntries: auditEntries.map((e) => ({
        ...e,
        actorName: e.actorName ?? null,
        operation: e.operation ?? null,
        reason: e.reason ?? null,
      })),
      consents: consents.map((c) => ({ consent: c.consent, given: c.given, at: c.at, onBehalf: c.onBehalf })),
    };
  }

  // ---- mutations ---------------------------------------------------------------------------

  @Mutation(() => ExpertProfileType, { description: 'Records an applicant (COORDINATOR); status APPLIED.' })
  createExpert(
    @Arg('input', () => CreateExpertInput) input: CreateExpertInput,
    @Ctx() ctx: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<Expert> {
    return ctx.services.experts.create(ctx, { ...input, introduction: { ...input.introduction } }, operationOf(info));
  }

  @Mutation(() => ExpertProfileType, {
    description: "Changes an expert's profile (COORDINATOR); the change is audited.",
  })
  updateExpertProfile(
    @Arg('id', () => ID) id: string,
    @Arg('input', () => UpdateExpertProfileInput) input: UpdateExpertProfileInput,
    @Ctx() ctx: RequestContext,
    @Info() info: GraphQLResolveInfo,
    @Arg('expectedVersion', () => Int, {
      nullable: true,
      description: 'The version the editor read; CONFLICT if the profile changed since.',
    })
    expectedVersion?: number | null,
  ): Promise<Expert> {
    const profile = { ...input, introduction: input.introduction ? { ...input.introduction } : input.introduction };
    return ctx.services.experts.update(ctx, id, profile, operationOf(info), expectedVersion);
  }

  @Mutation(() => ExpertProfileType, {
    description:
      'The expert gives or withdraws their own consents (EXPERT), in force at once; each change is kept (myData) and audited.',
  })
  updateMyConsent(
    @Arg('regionId', () => ID) regionId: string,
    @Arg('input', () => UpdateMyConsentInput) input: UpdateMyConsentInput,
    @Ctx() ctx: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<Expert> {
    return ctx.services.experts.updateMyConsent(ctx, regionId, input, operationOf(info));
  }

  @Mutation(() => ExpertProfileType, {
    description:
      'Records the suitability interview with the panel the region requires (COORDINATOR); status INTERVIEWED.',
  })
  recordExpertInterview(
    @Arg('id', () => ID) id: string,
    @Arg('input', () => RecordExpertInterviewInput) input: RecordExpertInterviewInput,
    @Ctx() ctx: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<Expert> {
    return ctx.services.experts.recordInterview(ctx, id, input, operationOf(info));
  }

  @Mutation(() => ExpertProfileType, {
    description: 'Records a signed commission contract (COORDINATOR); status CONTRACTED. Periods may not overlap.',
  })
  signExpertContract(
    @Arg('id', () => ID) id: string,
    @Arg('input', () => SignExpertContractInput) input: SignExpertContractInput,
    @Ctx() ctx: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<Expert> {
    return ctx.services.experts.signContract(ctx, id, input, operationOf(info));
  }

  @Mutation(() => ExpertProfileType, {
    description: 'Activates, pauses or ends an expert (COORDINATOR). Activation needs a contract valid today.',
  })
  changeExpertStatus(
    @Arg('id', () => ID) id: string,
    @Arg('status', () => ExpertStatusEnum, { description: 'ACTIVE, PAUSED or ENDED.' }) status: ExpertStatus,
    @Ctx() ctx: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<Expert> {
    return ctx.services.experts.changeStatus(ctx, id, status, operationOf(info));
  }

  @Mutation(() => ExpertProfileType, { description: 'Adds a completed training (COORDINATOR).' })
  addExpertTraining(
    @Arg('id', () => ID) id: string,
    @Arg('input', () => AddExpertTrainingInput) input: AddExpertTrainingInput,
    @Ctx() ctx: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<Expert> {
    return ctx.services.experts.addTraining(ctx, id, input, operationOf(info));
  }

  @Mutation(() => ExpertProfileType, { description: 'Records the tax card of a calendar year (COORDINATOR).' })
  recordTaxCard(
    @Arg('id', () => ID) id: string,
    @Arg('year', () => Int) year: number,
    @Arg('receivedOn', () => LocalDateScalar) receivedOn: string,
    @Ctx() ctx: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<Expert> {
    return ctx.services.experts.recordTaxCard(ctx, id, year, receivedOn, operationOf(info));
  }

  @Mutation(() => ErasedExpertType, {
    description: "Erases an expert's personal data (COORDINATOR); the row stays as a pseudonym for fee records.",
  })
  async eraseExpert(
    @Arg('id', () => ID) id: string,
    @Arg('reason', () => String) reason: string,
    @Ctx() ctx: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<ErasedExpertType> {
    const expert = await ctx.services.experts.erase(ctx, id, reason, operationOf(info));
    return { id: expert.id, pseudonym: expert.pseudonym, erasedAt: expert.erasedAt! };
  }

  // ---- fields, each under the 3/8 field rules ----------------------------------------------

  @FieldResolver(() => String, {
    nullable: true,
    description: "Introduction in the given locale, else the region's first locale that has one.",
  })
  async introduction(
    @Root() e: ExpertRow,
    @Arg('locale', () => String, { nullable: true }) locale: string | null,
    @Ctx() ctx: RequestContext,
  ): Promise<string | null> {
    const config = await ctx.loaders.get(createExpertLoaders).config.load(e.regionId);
    const texts = e.introduction as Record<string, string | undefined>;
    return (
      (locale && Object.hasOwn(texts, locale) ? texts[locale] : undefined) ??
      config.locales.map((l) => texts[l]).find(Boolean) ??
      Object.values(texts)[0] ??
      null
    );
  }

  @FieldResolver(() => LocalizedTextType, { description: 'Introduction in every locale given.' })
  introductionTexts(@Root() e: ExpertRow): LocalizedTextType {
    return { ...e.introduction };
  }

  @FieldResolver(() => [Topic], {
    nullable: true,
    description:
      'Topics of experience; null for the pool unless the expert consented (topicsPublic). Reads of hidden topics are audited.',
  })
  topics(
    @Root() e: ExpertRow,
    @Ctx() ctx: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ): MaybePromise<Topic[] | null> {
    const ids = ctx.services.experts.topicIds(ctx, e, operationOf(info));
    if (!ids) return null;
    return whenReady(ctx.loaders.get(createExpertLoaders).config.get(e.regionId), (config) =>
      ids.map((id) => topicOf(config, id)),
    );
  }

  @FieldResolver(() => Boolean, { description: 'Consent: topics are shown to professionals.' })
  topicsPublic(@Root() e: ExpertRow): boolean {
    return e.topicsPublic;
  }

  @FieldResolver(() => Boolean, {
    nullable: true,
    description: 'Consent to follow fees against the earnings limit; coordinator and the expert only. Audited.',
  })
  earningsLimitOptIn(
    @Root() e: ExpertRow,
    @Ctx() ctx: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ): boolean | null {
    return ctx.services.experts.earningsLimitOptIn(ctx, e, operationOf(info));
  }

  @FieldResolver(() => Int, {
    nullable: true,
    description: 'Monthly earnings limit in cents, while the expert opts in; coordinator and the expert only. Audited.',
  })
  earningsLimitCents(
    @Root() e: ExpertRow,
    @Ctx() ctx: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ): number | null {
    return ctx.services.experts.earningsLimitCents(ctx, e, operationOf(info));
  }

  @FieldResolver(() => Int, {
    nullable: true,
    description:
      'Changes with every save; pass it as expectedVersion to updateExpertProfile to detect a concurrent edit. Coordinator only.',
  })
  version(@Root() e: ExpertRow, @Ctx() ctx: RequestContext): number | null {
    return ctx.services.experts.version(ctx, e);
  }

  @FieldResolver(() => String, {
    nullable: true,
    description:
      "Token subject of the expert's own account, as the coordinator linked it; coordinator and the expert only.",
  })
  accountId(@Root() e: ExpertRow, @Ctx() ctx: RequestContext): string | null {
    return ctx.services.experts.accountId(ctx, e);
  }

  @FieldResolver(() => [TaskType], { description: 'Task types the expert does.' })
  taskTypes(@Root() e: ExpertRow, @Ctx() ctx: RequestContext): MaybePromise<TaskType[]> {
    return whenReady(ctx.loaders.get(createExpertLoaders).config.get(e.regionId), (config) =>
      e.taskTypeIds.map((id) => taskTypeOf(config, id)),
    );
  }

  @FieldResolver(() => ExpertContactType, {
    nullable: true,
    description:
      'Email and phone: the coordinator, unit coordinators of units the expert was inducted in, and the expert (null for the pool). Each read is audited.',
  })
  contact(
    @Root() e: ExpertRow,
    @Ctx() ctx: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ): ExpertContactType | null {
    return ctx.services.experts.contact(ctx, e, operationOf(info));
  }

  @FieldResolver(() => ContractPeriodType, {
    nullable: true,
    description: 'The contract valid today in the region, if any.',
  })
  currentContract(@Root() e: ExpertRow, @Ctx() ctx: RequestContext): MaybePromise<ContractPeriodType | null> {
    const loaders = ctx.loaders.get(createExpertLoaders);
    return whenReady(loaders.config.get(e.regionId), (config) =>
      whenReady(loaders.contracts.get(e.id), (contracts) => {
        const c = contractOn(contracts, localDate(ctx.now(), config.timeZone));
        return c ? { validFrom: c.validFrom, validTo: c.validTo, taskTypeIds: c.taskTypeIds } : null;
      }),
    );
  }

  @FieldResolver(() => Boolean, { description: 'ACTIVE and under a contract valid today: can receive new offers.' })
  availableForOffers(@Root() e: ExpertRow, @Ctx() ctx: RequestContext): MaybePromise<boolean> {
    const loaders = ctx.loaders.get(createExpertLoaders);
    return whenReady(loaders.config.get(e.regionId), (config) =>
      whenReady(loaders.contracts.get(e.id), (contracts) =>
        availableOn(e.status, contracts, localDate(ctx.now(), config.timeZone)),
      ),
    );
  }

  @FieldResolver(() => [ExpertContractType], {
    nullable: true,
    description: 'All contracts with their contents; coordinator and the expert only. Audited.',
  })
  contracts(
    @Root() e: ExpertRow,
    @Ctx() ctx: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ): MaybePromise<ExpertContractType[] | null> {
    return whenReady(
      ctx.services.experts.contracts(ctx, e, operationOf(info)),
      (rows) =>
        rows?.map((c) => ({
          id: c.id,
          validFrom: c.validFrom,
          validTo: c.validTo,
          signedOn: c.signedOn,
          training: c.training ?? null,
          earlierExperience: c.earlierExperience ?? null,
          topicIds: c.topicIds,
          wishes: c.wishes ?? null,
          taskTypeIds: c.taskTypeIds,
        })) ?? null,
    );
  }

  @FieldResolver(() => [ExpertTrainingType], {
    description:
      "Completed trainings; names and providers follow the topics' rules (audited while the topics are hidden).",
  })
  trainings(
    @Root() e: ExpertRow,
    @Ctx() ctx: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ): MaybePromise<ExpertTrainingType[]> {
    const loaders = ctx.loaders.get(createExpertLoaders);
    return whenReady(ctx.services.experts.trainings(ctx, e, operationOf(info)), ({ rows, detailed }) =>
      whenReady(loaders.config.get(e.regionId), ({ recommendedTraining: recommended }) =>
        rows.map((t) => ({
          id: t.id,
          name: detailed ? t.name : null,
          provider: detailed ? t.provider : null,
          hours: t.hours,
          startedOn: t.startedOn ?? null,
          completedOn: t.completedOn,
          meetsKokoaRecommendation: meetsKokoaRecommendation(t),
          meetsRegionRecommendation: recommended ? meetsTrainingRecommendation(t, recommended) : null,
        })),
      ),
    );
  }

  @FieldResolver(() => [UnitType], { description: 'Units the expert has been inducted in.' })
  async units(@Root() e: ExpertRow, @Ctx() ctx: RequestContext): Promise<UnitRow[]> {
    const units = await ctx.loaders.get(createExpertLoaders).units.loadMany(e.unitIds);
    return units.filter((u): u is UnitRow => !!u && !(u instanceof Error));
  }

  @FieldResolver(() => [TaxCardType], {
    nullable: true,
    description: 'Tax cards by year; coordinator and the expert only (null otherwise). Each read is audited.',
  })
  taxCards(
    @Root() e: ExpertRow,
    @Ctx() ctx: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ): MaybePromise<TaxCardType[] | null> {
    return whenReady(
      ctx.services.experts.taxCards(ctx, e, operationOf(info)),
      (rows) => rows?.map((t) => ({ year: t.year, receivedOn: t.receivedOn })) ?? null,
    );
  }

  @FieldResolver(() => InterviewType, {
    nullable: true,
    description: 'The suitability interview; coordinator and the expert only. Audited.',
  })
  interview(@Root() e: ExpertRow, @Ctx() ctx: RequestContext, @Info() info: GraphQLResolveInfo): InterviewType | null {
    const interview = ctx.services.experts.interview(ctx, e, operationOf(info));
    return interview ? { ...interview, notes: interview.notes ?? null } : null;
  }

  @FieldResolver(() => Boolean, { description: 'Personal data has been erased; only the pseudonym remains.' })
  erased(@Root() e: ExpertRow): boolean {
    return !!e.erasedAt;
  }
}

/**
 * What a selection of the experts page needs from the page statement: the records behind the
 * selected node fields, and the total only when `totalCount` is selected.
 */
function pageSelection(info: GraphQLResolveInfo): ExpertPageSelection {
  const fieldsOf = (set: SelectionSetNode | undefined, out = new Map<string, SelectionSetNode[]>()) => {
    for (const selection of set?.selections ?? []) {
      if (selection.kind === Kind.FIELD) {
        const list = out.get(selection.name.value) ?? [];
        if (selection.selectionSet) list.push(selection.selectionSet);
        out.set(selection.name.value, list);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) fieldsOf(selection.selectionSet, out);
      else fieldsOf(info.fragments[selection.name.value]?.selectionSet, out);
    }
    return out;
  };
  const top = new Map<string, SelectionSetNode[]>();
  for (const node of info.fieldNodes) fieldsOf(node.selectionSet, top);
  const nodeFields = new Map<string, SelectionSetNode[]>();
  for (const set of top.get('nodes') ?? []) fieldsOf(set, nodeFields);
  for (const edges of top.get('edges') ?? [])
    for (const set of fieldsOf(edges).get('node') ?? []) fieldsOf(set, nodeFields);
  return {
    contracts: ['contracts', 'currentContract', 'availableForOffers'].some((f) => nodeFields.has(f)),
    trainings: nodeFields.has('trainings'),
    units: nodeFields.has('units'),
    totalCount: top.has('totalCount'),
  };
}
