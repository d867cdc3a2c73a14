import { Arg, Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { DateTimeScalar, JSONObjectScalar, LocalDateScalar } from '../common/scalars';
import {
  COORDINATOR_SCOPES,
  ORDERING_MODELS,
  QUESTION_KINDS,
  RESPONDENTS,
  TAX_CLASSES,
  TRAVEL_RULES,
  type LocalizedText,
  type RegionConfig,
  type Respondent,
} from './region-config';
import { RevisionStatus } from './region-revision.entity';

const enumOf = <T extends string>(values: readonly T[]) =>
  Object.fromEntries(values.map((v) => [v, v])) as { [K in T]: K };

export const OrderingModelEnum = enumOf(ORDERING_MODELS);
registerEnumType(OrderingModelEnum, {
  name: 'OrderingModel',
  description: 'Who orders: the professional directly, a coordinator who brokers, or the bank that matches.',
});
export const CoordinatorScopeEnum = enumOf(COORDINATOR_SCOPES);
registerEnumType(CoordinatorScopeEnum, {
  name: 'CoordinatorScope',
  description: 'Whether a coordinator role covers the whole region or one unit.',
});
export const TaxClassEnum = enumOf(TAX_CLASSES);
registerEnumType(TaxClassEnum, {
  name: 'TaxClass',
  description: 'How payroll treats a fee: salary (palkka) or work compensation (työkorvaus).',
});
export const TravelRuleEnum = enumOf(TRAVEL_RULES);
registerEnumType(TravelRuleEnum, { name: 'TravelRuleKind', description: 'How travel costs are compensated.' });
export const RespondentEnum = enumOf(RESPONDENTS);
registerEnumType(RespondentEnum, { name: 'Respondent', description: 'Who answers a feedback form.' });
export const QuestionKindEnum = enumOf(QUESTION_KINDS);
registerEnumType(QuestionKindEnum, { name: 'QuestionKind', description: 'How a feedback question is answered.' });
registerEnumType(RevisionStatus, {
  name: 'RevisionStatus',
  description: 'A revision is drafted, then published to take effect from its date.',
});

/** Picks the text for a locale, falling back to the region's first locale. */
export function pick(text: LocalizedText, locale: string | undefined | null, fallback: string): string {
  // Own keys only: a locale such as "__proto__" or "constructor" must not reach Object's prototype.
  return (
    (locale && Object.hasOwn(text, locale) ? text[locale as keyof LocalizedText] : undefined) ??
    text[fallback as keyof LocalizedText] ??
    Object.values(text)[0] ??
    ''
  );
}

/** Builds a GraphQL object whose label(locale) reads from the given texts. */
export function labelled<T extends object>(
  Type: new (labels: LocalizedText, fallback: string) => T,
  labels: LocalizedText,
  fallback: string,
  fields: Partial<T>,
): T {
  return Object.assign(new Type(labels, fallback), fields);
}

/**
 * A topic, task type or service interface of a region by id, as the API shows it. Rows that
 * reference an id the region no longer lists still show, labelled by their id.
 */
export function topicOf(config: RegionConfig, id: string): Topic {
  const t = config.topics.find((x) => x.id === id);
  return labelled(Topic, t?.label ?? { fi: id }, config.locales[0]!, { id, emphasized: t?.emphasized ?? false });
}

export function taskTypeOf(config: RegionConfig, id: string): TaskType {
  const t = config.taskTypes.find((x) => x.id === id);
  return labelled(TaskType, t?.label ?? { fi: id }, config.locales[0]!, {
    id,
    feeCategory: t?.feeCategory ?? null,
    paid: t?.paid ?? false,
    remotePossible: t?.remotePossible ?? false,
    packageIds: t?.packageIds ?? [],
  });
}

export function serviceInterfaceOf(config: RegionConfig, id: string): ServiceInterface {
  const s = config.serviceInterfaces.find((x) => x.id === id);
  return labelled(ServiceInterface, s?.label ?? { fi: id }, config.locales[0]!, { id });
}

/** Base for objects with a localized label: `label(locale)` falls back to the region's first locale. */
abstract class Labelled {
  constructor(
    protected readonly labels: LocalizedText,
    protected readonly fallbackLocale: string,
  ) {}
}

@ObjectType({
  description: "A topic of lived experience from the region's list (special-category data when tied to a person).",
})
export class Topic extends Labelled {
  @Field(() => ID)
  id!: string;

  @Field(() => Boolean, { description: 'The region stresses this topic.' })
  emphasized!: boolean;

  @Field(() => JSONObjectScalar, {
    name: 'labels',
    description:
      'The label in every locale it is written in, e.g. { "fi": "...", "sv": "..." }, as a revision takes it.',
  })
  labelsByLocale(): LocalizedText {
    return this.labels;
  }

  @Field(() => String, { description: "Label in the given locale, or the region's first locale." })
  label(@Arg('locale', () => String, { nullable: true }) locale?: string): string {
    return pick(this.labels, locale, this.fallbackLocale);
  }
}

@ObjectType({ description: 'A kind of task an expert can do, with the fee category it is paid by.' })
export class TaskType extends Labelled {
  @Field(() => ID)
  id!: string;

  @Field(() => String, { nullable: true, description: 'Fee table category; null for unpaid (volunteer) tasks.' })
  feeCategory!: string | null;

  @Field(() => Boolean, { description: 'False for volunteer tasks: recorded, but no fee.' })
  paid!: boolean;

  @Field(() => Boolean, { description: 'Can be done remotely (video).' })
  remotePossible!: boolean;

  @Field(() => [ID], { description: 'Packages this task type can be ordered as.' })
  packageIds!: string[];

  @Field(() => String)
  label(@Arg('locale', () => String, { nullable: true }) locale?: string): string {
    return pick(this.labels, locale, this.fallbackLocale);
  }
}

@ObjectType({ description: 'A coordinator role of the region and how far it reaches.' })
export class CoordinatorRole extends Labelled {
  @Field(() => ID)
  id!: string;

  @Field(() => CoordinatorScopeEnum)
  scope!: string;

  @Field(() => String)
  label(@Arg('locale', () => String, { nullable: true }) locale?: string): string {
    return pick(this.labels, locale, this.fallbackLocale);
  }
}

@ObjectType({ description: 'A service interface (palvelurajapinta) where experts work.' })
export class ServiceInterface extends Labelled {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  label(@Arg('locale', () => String, { nullable: true }) locale?: string): string {
    return pick(this.labels, locale, this.fallbackLocale);
  }
}

@ObjectType({ description: 'One row of the fee table: an hourly rate for a fee category.' })
export class FeeRow extends Labelled {
  @Field(() => ID)
  category!: string;

  @Field(() => Int, { description: 'EUR cents per hour.' })
  hourlyRateCents!: number;

  @Field(() => TaxClassEnum)
  taxClass!: string;

  @Field(() => Boolean, {
    description:
      "The tax class is a documented default, not a rule from the region's sources; payroll should confirm it.",
  })
  taxClassIsDefault!: boolean;

  @Field(() => JSONObjectScalar, {
    name: 'labels',
    description:
      'The label in every locale it is written in, e.g. { "fi": "...", "sv": "..." }, as a revision takes it.',
  })
  labelsByLocale(): LocalizedText {
    return this.labels;
  }

  @Field(() => String)
  label(@Arg('locale', () => String, { nullable: true }) locale?: string): string {
    return pick(this.labels, locale, this.fallbackLocale);
  }
}

@ObjectType({ description: 'Part of a package: minutes of one fee category and what they cost.' })
export class PackagePart {
  @Field(() => ID)
  category!: string;

  @Field(() => Int)
  minutes!: number;

  @Field(() => Int, { description: 'EUR cents.' })
  amountCents!: number;
}

@ObjectType({ description: 'A priced package (e.g. group guidance including a planning hour).' })
export class FeePackage extends Labelled {
  @Field(() => ID)
  id!: string;

  @Field(() => Int, { description: 'Total price in EUR cents.' })
  priceCents!: number;

  @Field(() => [PackagePart])
  includes!: PackagePart[];

  @Field(() => String)
  label(@Arg('locale', () => String, { nullable: true }) locale?: string): string {
    return pick(this.labels, locale, this.fallbackLocale);
  }
}

@ObjectType({ description: 'The fee table in force at a date.' })
export class FeeTable {
  @Field(() => LocalDateScalar, { description: 'Local date from which these rates apply.' })
  effectiveFrom!: string;

  @Field(() => [FeeRow])
  rows!: FeeRow[];

  @Field(() => [FeePackage])
  packages!: FeePackage[];
}

@ObjectType({ description: 'When an order can be cancelled free of charge, and which outcomes are paid.' })
export class CancellationPolicy extends Labelled {
  @Field(() => Int, { nullable: true, description: 'Set when the deadline is a number of hours before the start.' })
  hoursBefore!: number | null;

  @Field(() => Int, {
    nullable: true,
    description: 'Set with localTime when the deadline is days before the start at a local time.',
  })
  daysBefore!: number | null;

  @Field(() => String, { nullable: true, description: 'Local time of day "HH:MM" of a days-before deadline.' })
  localTime!: string | null;

  @Field(() => Boolean, { description: 'A cancellation after the deadline is paid as agreed.' })
  latePaid!: boolean;

  @Field(() => Boolean, { description: 'A client who does not show up: the fee is paid.' })
  noShowPaid!: boolean;

  @Field(() => Boolean, { description: 'The expert falls ill: the fee is paid.' })
  expertIllnessPaid!: boolean;

  @Field(() => Boolean, { description: 'A group session nobody attends is paid.' })
  emptyGroupPaid!: boolean;

  @Field(() => Boolean, {
    description:
      'Sessions of a group ended for a compelling or agreed reason are still paid (the exception to emptyGroupPaid).',
  })
  groupEndedPaid!: boolean;

  @Field(() => Boolean, { description: 'A cancelled task may be moved to a new time by agreement.' })
  rescheduleByAgreement!: boolean;

  @Field(() => String)
  description(@Arg('locale', () => String, { nullable: true }) locale?: string): string {
    return pick(this.labels, locale, this.fallbackLocale);
  }
}

@ObjectType({ description: 'When fee payment notices are due and fees are paid.' })
export class PayoutSchedule {
  @Field(() => Int, { description: 'Day of the month after the work month by which the notice is due.' })
  noticeDueDay!: number;

  @Field(() => Int, { nullable: true, description: 'Day of the payment month; null means its last day.' })
  paymentDay!: number | null;

  @Field(() => Boolean, { description: 'Paid on the last day of the payment month.' })
  paymentOnLastDay!: boolean;

  @Field(() => Int, { description: 'Months after the work month in which the fee is paid.' })
  paymentMonthOffset!: number;
}

@ObjectType({ description: 'How travel is compensated.' })
export class TravelRule extends Labelled {
  @Field(() => TravelRuleEnum)
  rule!: string;

  @Field(() => Int, { nullable: true })
  centsPerKm!: number | null;

  @Field(() => String)
  description(@Arg('locale', () => String, { nullable: true }) locale?: string): string {
    return pick(this.labels, locale, this.fallbackLocale);
  }
}

@ObjectType({ description: 'Training the region recommends before expert work (a recommendation, not a requirement).' })
export class TrainingRecommendation extends Labelled {
  @Field(() => Int, { description: 'Hours of training recommended at least.' })
  minimumHours!: number;

  @Field(() => Int, { description: 'Over how many months the hours are spread at least.' })
  overMonths!: number;

  @Field(() => String, { description: 'What the recommendation is and who gives it.' })
  description(@Arg('locale', () => String, { nullable: true }) locale?: string): string {
    return pick(this.labels, locale, this.fallbackLocale);
  }
}

@ObjectType({ description: 'A step in becoming an expert, with who sits on the panel.' })
export class OnboardingStep extends Labelled {
  @Field(() => ID)
  id!: string;

  @Field(() => [String], { description: 'Coordinator role ids, or PROFESSIONAL for a social/health professional.' })
  panel!: string[];

  @Field(() => String)
  label(@Arg('locale', () => String, { nullable: true }) locale?: string): string {
    return pick(this.labels, locale, this.fallbackLocale);
  }
}

@ObjectType({ description: "A feedback question from the region's form for one kind of respondent." })
export class FeedbackQuestion extends Labelled {
  @Field(() => ID)
  id!: string;

  @Field(() => QuestionKindEnum)
  kind!: string;

  @Field(() => Boolean, { description: 'Answers are shown to the expert (feedback matters for recovery).' })
  sharedWithExpert!: boolean;

  @Field(() => String)
  label(@Arg('locale', () => String, { nullable: true }) locale?: string): string {
    return pick(this.labels, locale, this.fallbackLocale);
  }
}

@ObjectType({ description: 'The dates of the monthly fee payment for work done in one month.' })
export class PayoutDates {
  @Field(() => LocalDateScalar, { description: 'The fee payment notice is due on this date.' })
  noticeDueOn!: string;

  @Field(() => LocalDateScalar, { description: 'Fees are paid on this date.' })
  paymentOn!: string;
}

@ObjectType({ description: 'One changed rule in a revision.' })
export class RevisionChange {
  @Field(() => String, { description: 'Path in the region config, e.g. feeTable.rows[0].hourlyRateCents.' })
  path!: string;

  @Field(() => String, { nullable: true, description: 'Value before, as JSON.' })
  before!: string | null;

  @Field(() => String, { nullable: true, description: 'Value after, as JSON.' })
  after!: string | null;
}

@ObjectType('RegionRevision', { description: "A change to a region's rules, effective from a date." })
export class RegionRevisionType {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  regionId!: string;

  @Field(() => RevisionStatus)
  status!: RevisionStatus;

  @Field(() => DateTimeScalar)
  effectiveFrom!: Date;

  @Field(() => String)
  reason!: string;

  @Field(() => String, { description: 'Subject of the admin who drafted it.' })
  authorId!: string;

  @Field(() => String, { nullable: true })
  authorName!: string | null;

  @Field(() => DateTimeScalar)
  createdAt!: Date;

  @Field(() => DateTimeScalar, { nullable: true })
  publishedAt!: Date | null;

  @Field(() => JSONObjectScalar, { description: 'The changes as proposed.' })
  changes!: Record<string, unknown>;

  @Field(() => [RevisionChange], { description: 'What the revision changes, rule by rule.' })
  diff!: RevisionChange[];

  @Field(() => Int, { description: 'Version for optimistic locking.' })
  version!: number;
}

@InputType({ description: "A draft change to a region's rules." })
export class ProposeRegionRevisionInput {
  @Field(() => ID)
  regionId!: string;

  @Field(() => DateTimeScalar, { description: 'When the change takes effect; not in the past.' })
  effectiveFrom!: Date;

  @Field(() => String, { description: 'Why (e.g. the board decision).' })
  reason!: string;

  @Field(() => JSONObjectScalar, {
    description:
      'Partial region config, e.g. { "cancellationPolicy": { "deadline": { "kind": "DAYS_BEFORE_AT_LOCAL_TIME", "days": 1, "localTime": "12:00" } } }.',
  })
  changes!: Record<string, unknown>;
}

export type { Respondent };
