/**
 * The one schema a region module must satisfy. The schema is the type: everything the platform
 * reads about a region (fees, deadlines, payout days, labels) comes from a value of
 * `RegionConfig`, either the module in `regions/<id>/index.ts` (revision zero) or that module with
 * published revisions merged in.
 *
 * Error messages are written so that `validateRegionConfig` can print them as
 * `regions/lapland: feeTable.rows[3].hourlyRateCents: expected a positive integer`.
 */
import { Temporal } from '@js-temporal/polyfill';
import { z } from 'zod';

export const LOCALES = ['fi', 'sv', 'en', 'se'] as const;
export const ORDERING_MODELS = ['PROFESSIONAL_ORDERS', 'COORDINATOR_BROKERS', 'BANK_MATCHES'] as const;
export const COORDINATOR_SCOPES = ['REGION', 'UNIT'] as const;
export const TAX_CLASSES = ['SALARY', 'WORK_COMPENSATION'] as const;
export const TRAVEL_RULES = ['AGREED_IN_ADVANCE', 'NOT_COMPENSATED', 'PER_KM', 'ACTUAL_COSTS'] as const;
export const RESPONDENTS = ['EXPERT', 'CLIENT', 'PROFESSIONAL'] as const;
export const QUESTION_KINDS = ['SCALE_1_5', 'TEXT', 'YES_NO'] as const;
/** Onboarding panels may name coordinator roles or this role, which is no coordinator role. */
export const PANEL_PROFESSIONAL = 'PROFESSIONAL';

export type Locale = (typeof LOCALES)[number];
export type Respondent = (typeof RESPONDENTS)[number];

const POSITIVE_INTEGER = 'expected a positive integer';

/** Missing fields say "required"; anything else gets `message`. */
function requiredOr(message: string) {
  return (issue: { input?: unknown }): string => (issue.input === undefined ? 'required' : message);
}

const positiveInt = () =>
  z
    .number({ error: requiredOr(POSITIVE_INTEGER) })
    .int({ error: POSITIVE_INTEGER })
    .positive({ error: POSITIVE_INTEGER });

const intBetween = (min: number, max: number) => {
  const message = `expected an integer from ${min} to ${max}`;
  return z
    .number({ error: requiredOr(message) })
    .int({ error: message })
    .min(min, { error: message })
    .max(max, { error: message });
};

const KEBAB_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
/** Stable ids: stored in the database and in revisions, so they are never translated or renamed. */
export const IdSchema = z
  .string({ error: requiredOr('expected a kebab-case id') })
  .regex(KEBAB_ID, { error: 'expected a kebab-case id' });

export const LocaleSchema = z.enum(LOCALES);

/**
 * Text per locale. Which locales must be present depends on the region's `locales`, so that is
 * checked once for the whole config (see `checkLabels`). Extra locales are allowed so that shared
 * building blocks can carry every translation they have.
 */
export const LocalizedTextSchema = z
  .partialRecord(LocaleSchema, z.string().trim().min(1, { error: 'expected a non-empty text' }), {
    // Only the record's own type error is worded here; unknown locales fall through.
    error: (iss) =>
      iss.code !== 'invalid_type' ? undefined : requiredOr('expected text per locale, e.g. { fi: "..." }')(iss),
  })
  .refine((text) => Object.keys(text).length > 0, { error: 'expected text in at least one locale' });
export type LocalizedText = z.infer<typeof LocalizedTextSchema>;

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const IsoDateSchema = z
  .string({ error: requiredOr('expected a date YYYY-MM-DD') })
  .refine((s) => ISO_DATE.test(s) && isCalendarDate(s), { error: 'expected a date YYYY-MM-DD' });

const LOCAL_TIME = /^([01]\d|2[0-3]):[0-5]\d$/;
const LocalTimeSchema = z
  .string({ error: requiredOr('expected a local time HH:MM') })
  .regex(LOCAL_TIME, { error: 'expected a local time HH:MM' });

const TimeZoneSchema = z
  .string({ error: requiredOr('expected an IANA time zone such as Europe/Helsinki') })
  .refine(isIanaTimeZone, { error: 'expected an IANA time zone such as Europe/Helsinki' });

const CoordinatorRoleSchema = z.strictObject({
  id: IdSchema,
  label: LocalizedTextSchema,
  scope: z.enum(COORDINATOR_SCOPES),
});

const TopicSchema = z.strictObject({
  id: IdSchema,
  label: LocalizedTextSchema,
  /** The region stresses this topic (DOMAIN.md "topics stressed"); UIs list these first. */
  emphasized: z.boolean().default(false),
});

const TaskTypeSchema = z.strictObject({
  id: IdSchema,
  label: LocalizedTextSchema,
  /** Row of the fee table giving the hourly rate; null only for unpaid (volunteer) task types. */
  feeCategory: IdSchema.nullable(),
  paid: z.boolean(),
  remotePossible: z.boolean().default(false),
  /** Fixed-price packages (feeTable.packages) that may be ordered for this task type. */
  packageIds: z.array(IdSchema).default([]),
});

const FeeRowSchema = z.strictObject({
  category: IdSchema,
  label: LocalizedTextSchema,
  hourlyRateCents: positiveInt(),
  /** Payroll reports salary and work compensation apart (Kokoa ry / Tax Administration). */
  taxClass: z.enum(TAX_CLASSES),
  /** The class is a documented default, not a rule from the region's sources. */
  taxClassIsDefault: z.boolean().default(false),
});

const PackagePartSchema = z.strictObject({
  category: IdSchema,
  minutes: positiveInt(),
  /** Must equal the row's hourly rate for these minutes, so a package never hides a rate. */
  amountCents: positiveInt(),
});

const FeePackageSchema = z.strictObject({
  id: IdSchema,
  label: LocalizedTextSchema,
  priceCents: positiveInt(),
  includes: z.array(PackagePartSchema).default([]),
});

const FeeTableSchema = z.strictObject({
  effectiveFrom: IsoDateSchema,
  rows: z.array(FeeRowSchema).min(1, { error: 'expected at least one fee row' }),
  packages: z.array(FeePackageSchema).default([]),
});

const DeadlineSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('HOURS_BEFORE'), hours: positiveInt() }),
  z.strictObject({
    kind: z.literal('DAYS_BEFORE_AT_LOCAL_TIME'),
    days: positiveInt(),
    localTime: LocalTimeSchema,
  }),
]);

const CancellationPolicySchema = z.strictObject({
  /** Last moment the orderer may cancel without paying the agreed fee. */
  deadline: DeadlineSchema,
  description: LocalizedTextSchema,
  /** Cancelled after the deadline: the agreed fee is paid. */
  latePaid: z.boolean(),
  /** The client does not show up: the agreed fee is paid. */
  noShowPaid: z.boolean(),
  /** The expert falls ill: fee paid? (Itä-Uusimaa: no.) */
  expertIllnessPaid: z.boolean(),
  /** Agreed group sessions are paid even if nobody attends. */
  emptyGroupPaid: z.boolean(),
  /**
   * Sessions of a group ended for a compelling or agreed reason are still paid (Itä-Uusimaa:
   * no, 003 §6.2): the exception to emptyGroupPaid, read by the fee engine.
   */
  groupEndedPaid: z.boolean(),
  /** A cancelled task may be moved to a new time by agreement with the expert. */
  rescheduleByAgreement: z.boolean(),
});

const PayoutScheduleSchema = z.strictObject({
  /** Day of the month after the work month by which the fee payment notice is due. */
  noticeDueDay: intBetween(1, 28),
  paymentDay: z.union([z.literal('LAST_DAY'), intBetween(1, 28)], {
    error: requiredOr('expected LAST_DAY or an integer from 1 to 28'),
  }),
  /** Months after the work month in which the fee is paid (in arrears, so at least 1). */
  paymentMonthOffset: intBetween(1, 3),
});

const TravelSchema = z.strictObject({
  rule: z.enum(TRAVEL_RULES),
  description: LocalizedTextSchema,
  centsPerKm: positiveInt().optional(),
});

const OnboardingStepSchema = z.strictObject({
  id: IdSchema,
  label: LocalizedTextSchema,
  /** Who takes part (e.g. the interview panel): coordinator role ids or PROFESSIONAL. */
  panel: z.array(z.string()).optional(),
});

const FeedbackQuestionSchema = z.strictObject({
  id: IdSchema,
  label: LocalizedTextSchema,
  kind: z.enum(QUESTION_KINDS),
  /** Answers are shown to the expert (feedback supports the expert's recovery, 002). */
  sharedWithExpert: z.boolean().default(false),
});

const FeedbackQuestionsSchema = z.strictObject({
  EXPERT: z.array(FeedbackQuestionSchema),
  CLIENT: z.array(FeedbackQuestionSchema),
  PROFESSIONAL: z.array(FeedbackQuestionSchema),
});

const ServiceInterfaceSchema = z.strictObject({ id: IdSchema, label: LocalizedTextSchema });

const TrainingSchema = z.strictObject({
  minimumHours: positiveInt(),
  overMonths: positiveInt(),
  description: LocalizedTextSchema,
});

const WorkRulesSchema = z.strictObject({
  /** An expert may be offered work in a unit only once oriented there (Itä-Uusimaa 003 §3). */
  unitOrientationRequired: z.boolean(),
  /** Requests also come from outside the county: schools, associations, events (Lapland, 004). */
  externalRequesters: z.boolean(),
  /** Days an external requester's contact details are kept after the order is closed. */
  requesterRetentionDays: positiveInt(),
  /** Days the expert's short session reports (003 §4.5) are kept after the order is closed. */
  sessionReportRetentionDays: positiveInt(),
  /** Coordinators are shown experts who have had no supervision or peer meeting in this many months. */
  supportIntervalMonths: positiveInt(),
});

const RegionConfigObject = z.strictObject({
  id: IdSchema,
  name: LocalizedTextSchema,
  locales: z.array(LocaleSchema).min(1, { error: 'expected at least one locale' }),
  timeZone: TimeZoneSchema,
  orderingModel: z.enum(ORDERING_MODELS),
  coordinatorRoles: z.array(CoordinatorRoleSchema),
  topics: z.array(TopicSchema).min(1, { error: 'expected at least one topic' }),
  taskTypes: z.array(TaskTypeSchema).min(1, { error: 'expected at least one task type' }),
  feeTable: FeeTableSchema,
  cancellationPolicy: CancellationPolicySchema,
  payoutSchedule: PayoutScheduleSchema,
  travel: TravelSchema,
  onboardingSteps: z.array(OnboardingStepSchema),
  /**
   * Training the region recommends before expert work (Kokoa ry: at least 50 h over 4 months, 001).
   * A recommendation and a membership criterion of Kokoa ry, not a legal requirement: it is shown
   * and checked against trainings, never enforced. null = the region recommends none.
   */
  recommendedTraining: TrainingSchema.nullable(),
  feedbackQuestions: FeedbackQuestionsSchema,
  serviceInterfaces: z.array(ServiceInterfaceSchema),
  metrics: z.strictObject({
    /** Metric cells with fewer people than this are suppressed (experts' data is sensitive). */
    // Populations are tiny (000's survey had 11 respondents): a region may raise it, never below 3.
    smallCellThreshold: intBetween(3, 100),
  }),
  /** Video/remote work is brokered (Lapland: long distances). */
  supportsRemoteWork: z.boolean(),
  /** Walk-in or booked reception by the expert alone (Itä-Uusimaa §4.2). */
  receptionWork: z.boolean(),
  /** Debriefing after client work is offered to the expert. */
  debriefingOffered: z.boolean(),
  /** Regular supervision (työnohjaus) is offered to experts doing client work. */
  supervisionOffered: z.boolean(),
  /** Experts may opt in to see a month's fees against their own earnings limit. */
  earningsLimitOptIn: z.boolean(),
  /** How orders, sessions and the work around them are kept. */
  work: WorkRulesSchema,
});

type Ctx = z.core.$RefinementCtx<z.output<typeof RegionConfigObject>>;
type Config = z.output<typeof RegionConfigObject>;
type Path = (string | number)[];

export const RegionConfigSchema = RegionConfigObject.superRefine((config, ctx) => {
  checkUniqueIds(config, ctx);
  checkLabels(config, config.locales, [], ctx);
  checkTaskTypes(config, ctx);
  checkPackages(config, ctx);
  checkCoordination(config, ctx);
  checkPayout(config, ctx);
  checkTravel(config, ctx);
});

export type RegionConfig = z.infer<typeof RegionConfigSchema>;
export type RegionConfigInput = z.input<typeof RegionConfigSchema>;
export type CancellationPolicy = RegionConfig['cancellationPolicy'];
export type PayoutSchedule = RegionConfig['payoutSchedule'];
export type FeeTable = RegionConfig['feeTable'];
export type TaskType = RegionConfig['taskTypes'][number];
export type TaxClass = (typeof TAX_CLASSES)[number];

function issue(ctx: Ctx, path: Path, message: string): void {
  ctx.addIssue({ code: 'custom', path, message });
}

/** Ids are unique within each list; fee rows are keyed by category. */
function checkUniqueIds(config: Config, ctx: Ctx): void {
  const lists: Array<[Path, Array<Record<string, unknown>>, string]> = [
    [['coordinatorRoles'], config.coordinatorRoles, 'id'],
    [['topics'], config.topics, 'id'],
    [['taskTypes'], config.taskTypes, 'id'],
    [['feeTable', 'rows'], config.feeTable.rows, 'category'],
    [['feeTable', 'packages'], config.feeTable.packages, 'id'],
    [['onboardingSteps'], config.onboardingSteps, 'id'],
    [['serviceInterfaces'], config.serviceInterfaces, 'id'],
    ...RESPONDENTS.map((r): [Path, Array<Record<string, unknown>>, string] => [
      ['feedbackQuestions', r],
      config.feedbackQuestions[r],
      'id',
    ]),
  ];
  for (const [path, items, key] of lists) {
    const seen = new Set<unknown>();
    items.forEach((item, index) => {
      if (seen.has(item[key])) issue(ctx, [...path, index, key], `duplicate ${key} "${String(item[key])}"`);
      seen.add(item[key]);
    });
  }
  const locales = new Set<string>();
  config.locales.forEach((locale, index) => {
    if (locales.has(locale)) issue(ctx, ['locales', index], `duplicate locale "${locale}"`);
    locales.add(locale);
  });
}

/**
 * Every LocalizedText must have every locale of the region. A LocalizedText is recognised as a
 * non-empty object whose keys are all locale codes; no other object in the config looks like that.
 */
function checkLabels(value: unknown, locales: readonly Locale[], path: Path, ctx: Ctx): void {
  if (Array.isArray(value)) {
    value.forEach((item, index) => checkLabels(item, locales, [...path, index], ctx));
    return;
  }
  if (typeof value !== 'object' || value === null) return;
  const keys = Object.keys(value);
  const isText = keys.length > 0 && keys.every((k) => (LOCALES as readonly string[]).includes(k));
  if (isText) {
    for (const locale of locales) {
      if (!(locale in value)) issue(ctx, path, `missing text for locale "${locale}"`);
    }
    return;
  }
  for (const [key, child] of Object.entries(value)) checkLabels(child, locales, [...path, key], ctx);
}

function checkTaskTypes(config: Config, ctx: Ctx): void {
  const categories = new Set(config.feeTable.rows.map((row) => row.category));
  const packages = new Set(config.feeTable.packages.map((p) => p.id));
  config.taskTypes.forEach((taskType, index) => {
    const at: Path = ['taskTypes', index];
    if (taskType.paid && taskType.feeCategory === null) {
      issue(ctx, [...at, 'feeCategory'], `task type "${taskType.id}" is paid, so it needs a fee category`);
    }
    if (!taskType.paid && taskType.feeCategory !== null) {
      issue(ctx, [...at, 'feeCategory'], `task type "${taskType.id}" is unpaid, so its fee category must be null`);
    }
    if (taskType.feeCategory !== null && !categories.has(taskType.feeCategory)) {
      issue(
        ctx,
        [...at, 'feeCategory'],
        `task type "${taskType.id}" refers to fee category "${taskType.feeCategory}", which is not in feeTable.rows`,
      );
    }
    taskType.packageIds.forEach((packageId, p) => {
      if (!packages.has(packageId)) {
        issue(
          ctx,
          [...at, 'packageIds', p],
          `task type "${taskType.id}" refers to package "${packageId}", which is not in feeTable.packages`,
        );
      }
    });
    if (!taskType.paid && taskType.packageIds.length > 0) {
      issue(ctx, [...at, 'packageIds'], `task type "${taskType.id}" is unpaid, so it cannot have packages`);
    }
    if (taskType.remotePossible && !config.supportsRemoteWork) {
      issue(
        ctx,
        [...at, 'remotePossible'],
        `task type "${taskType.id}" is remote but the region does not support remote work`,
      );
    }
  });
}

/**
 * A package part is an hour-based row priced at its own rate (Vantaa: a 50 EUR group guidance
 * package includes one planning hour at 25 EUR), and the parts cannot cost more than the package.
 */
function checkPackages(config: Config, ctx: Ctx): void {
  const rates = new Map(config.feeTable.rows.map((row) => [row.category, row.hourlyRateCents]));
  config.feeTable.packages.forEach((pkg, index) => {
    const at: Path = ['feeTable', 'packages', index];
    let sum = 0;
    pkg.includes.forEach((part, p) => {
      sum += part.amountCents;
      const rate = rates.get(part.category);
      if (rate === undefined) {
        issue(
          ctx,
          [...at, 'includes', p, 'category'],
          `package "${pkg.id}" refers to fee category "${part.category}", which is not in feeTable.rows`,
        );
        return;
      }
      const expected = (rate * part.minutes) / 60;
      if (part.amountCents !== expected) {
        issue(
          ctx,
          [...at, 'includes', p, 'amountCents'],
          `expected ${Number.isInteger(expected) ? expected : expected.toFixed(2)} (${part.minutes} min at ${rate} cents per hour)`,
        );
      }
    });
    if (sum > pkg.priceCents) {
      issue(ctx, [...at, 'priceCents'], `package "${pkg.id}" costs ${pkg.priceCents} but its parts add up to ${sum}`);
    }
  });
}

/** Brokering and bank models need someone who coordinates the whole region. */
function checkCoordination(config: Config, ctx: Ctx): void {
  const roleIds = new Set(config.coordinatorRoles.map((role) => role.id));
  if (config.orderingModel !== 'PROFESSIONAL_ORDERS' && !config.coordinatorRoles.some((r) => r.scope === 'REGION')) {
    issue(
      ctx,
      ['coordinatorRoles'],
      `ordering model ${config.orderingModel} needs a coordinator role with scope REGION`,
    );
  }
  config.onboardingSteps.forEach((step, index) => {
    step.panel?.forEach((member, m) => {
      if (member !== PANEL_PROFESSIONAL && !roleIds.has(member)) {
        issue(
          ctx,
          ['onboardingSteps', index, 'panel', m],
          `expected a coordinator role id or ${PANEL_PROFESSIONAL}, got "${member}"`,
        );
      }
    });
  });
}

/** The fee is paid in arrears, after the notice is due. */
function checkPayout(config: Config, ctx: Ctx): void {
  const { noticeDueDay, paymentDay, paymentMonthOffset } = config.payoutSchedule;
  if (paymentMonthOffset === 1 && paymentDay !== 'LAST_DAY' && paymentDay < noticeDueDay) {
    issue(
      ctx,
      ['payoutSchedule', 'paymentDay'],
      `payment day ${paymentDay} comes before the notice due day ${noticeDueDay}`,
    );
  }
}

function checkTravel(config: Config, ctx: Ctx): void {
  const { rule, centsPerKm } = config.travel;
  if (rule === 'PER_KM' && centsPerKm === undefined)
    issue(ctx, ['travel', 'centsPerKm'], 'required when rule is PER_KM');
  if (rule !== 'PER_KM' && centsPerKm !== undefined)
    issue(ctx, ['travel', 'centsPerKm'], 'only allowed when rule is PER_KM');
}

function isCalendarDate(s: string): boolean {
  try {
    Temporal.PlainDate.from(s, { overflow: 'reject' });
    return true;
  } catch {
    return false;
  }
}

/** IANA names only: Intl and Temporal must both accept it, and offsets such as "+02:00" are refused. */
function isIanaTimeZone(s: string): boolean {
  if (!/^[A-Za-z][A-Za-z0-9_+-]*(\/[A-Za-z0-9_+-]+)*$/.test(s)) return false;
  try {
    new Intl.DateTimeFormat('en', { timeZone: s });
    Temporal.PlainDate.from('2026-01-01').toZonedDateTime(s);
    return true;
  } catch {
    return false;
  }
}
