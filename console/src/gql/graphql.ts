/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
/** A new applicant, recorded by a coordinator. */
export type CreateExpertInput = {
  /** Token subject of the expert's own account, for myData. At most 255 characters. */
  accountId?: string | null | undefined;
  /** Name shown to professionals. */
  displayName: string;
  /** The expert's monthly earnings limit in cents (needs earningsLimitOptIn); null clears it. */
  earningsLimitCents?: number | null | undefined;
  /** Consent to follow a month's fees against the expert's earnings limit. */
  earningsLimitOptIn?: boolean | null | undefined;
  /** Email address. At most 254 characters. */
  email?: string | null | undefined;
  /** Introduction text in the region's locales. */
  introduction: LocalizedTextInput;
  /** Languages (ISO 639 codes, at most 100). */
  languages: Array<string>;
  /** Municipalities where the expert works (at most 100). At most 200 characters each. */
  municipalities?: Array<string> | null | undefined;
  /** Phone number. At most 40 characters. */
  phone?: string | null | undefined;
  /** Region the applicant applies to. */
  regionId: string | number;
  /** Works remotely (video). */
  remote?: boolean | null | undefined;
  /** Task type ids from the region's list (at most 100). */
  taskTypeIds: Array<string | number>;
  /** Topic ids from the region's list (at most 100). */
  topicIds: Array<string | number>;
  /** Consent to show the topics to professionals searching the pool. */
  topicsPublic: boolean;
  /** Units the expert has been inducted in (at most 100). */
  unitIds?: Array<string | number> | null | undefined;
};

/** EXCEL_FI: UTF-8 with BOM, semicolons, decimal comma (a Finnish spreadsheet); RFC4180: commas, decimal point. */
export type CsvDialect =
  | 'EXCEL_FI'
  | 'RFC4180';

/** Filters of the expert search; all given filters must match. */
export type ExpertFilterInput = {
  /** ACTIVE and under a valid contract on this day. */
  availableOn?: string | null | undefined;
  /** Works in every one of these languages. */
  languages?: Array<string> | null | undefined;
  /** Works in this municipality. */
  municipality?: string | null | undefined;
  /** Works remotely. */
  remote?: boolean | null | undefined;
  /** Statuses (coordinators only; professionals always see ACTIVE only). */
  statuses?: Array<ExpertStatus> | null | undefined;
  /** Does every one of these task types. */
  taskTypeIds?: Array<string | number> | null | undefined;
  /** Has every one of these topics (for professionals: only experts who consented to show topics). */
  topicIds?: Array<string | number> | null | undefined;
};

/** Where the expert is on the path APPLIED → INTERVIEWED → CONTRACTED → ACTIVE (⇄ PAUSED) → ENDED. */
export type ExpertStatus =
  | 'ACTIVE'
  | 'APPLIED'
  | 'CONTRACTED'
  | 'ENDED'
  | 'INTERVIEWED'
  | 'PAUSED';

/** A text per locale; only the region's locales are accepted. */
export type LocalizedTextInput = {
  /** English. */
  en?: string | null | undefined;
  /** Finnish. */
  fi?: string | null | undefined;
  /** Northern Sami. */
  se?: string | null | undefined;
  /** Swedish. */
  sv?: string | null | undefined;
};

/** Measures over the sessions of the period; fees in cents (also split by tax class), rates as fractions, feedback as the average of scale answers. */
export type Measure =
  | 'DISTINCT_EXPERTS'
  | 'FEEDBACK_AVERAGE_CLIENT'
  | 'FEEDBACK_AVERAGE_EXPERT'
  | 'FEEDBACK_AVERAGE_PROFESSIONAL'
  | 'FEES_CENTS'
  | 'FEES_SALARY_CENTS'
  | 'FEES_WORK_COMPENSATION_CENTS'
  | 'LATE_CANCELLATIONS'
  | 'MEDIAN_HOURS_TO_MATCH'
  | 'MINUTES_WORKED'
  | 'NO_SHOWS'
  | 'OFFER_ACCEPTANCE_RATE'
  | 'ORDERS'
  | 'SESSIONS_COMPLETED'
  | 'TOPIC_DEMAND'
  | 'TOPIC_SUPPLY';

/** What a metrics table is grouped by. */
export type MetricDimension =
  | 'MONTH'
  | 'ORDERING_MODEL'
  | 'REGION'
  | 'SERVICE_INTERFACE'
  | 'TASK_TYPE'
  | 'TOPIC'
  | 'UNIT';

/** Which aggregates to compute. */
export type MetricsInput = {
  /** First day (in each region’s time zone) of sessions counted. */
  from: string;
  groupBy: Array<MetricDimension>;
  measures: Array<Measure>;
  /** Regions to include: an ANALYST their own, a NATIONAL_ANALYST any. */
  regionIds: Array<string | number>;
  /** Last day counted. */
  to: string;
};

/** Where a table was computed: ROLLUP when every month of a whole-month period is up to date in the rollup, LIVE from the data itself otherwise. Both give the same numbers. */
export type MetricsSource =
  | 'LIVE'
  | 'ROLLUP';

/** OFFERED, then ACCEPTED, DECLINED, EXPIRED (not answered in time), FILLED (others took the places) or RETRACTED (order cancelled); ACCEPTED → WITHDRAWN when the expert steps back. */
export type OfferStatus =
  | 'ACCEPTED'
  | 'DECLINED'
  | 'EXPIRED'
  | 'FILLED'
  | 'OFFERED'
  | 'RETRACTED'
  | 'WITHDRAWN';

/** Which orders to list. */
export type OrderFilter = {
  /** Orders with a session starting at or after this. */
  from?: string | null | undefined;
  status?: OrderStatus | null | undefined;
  statuses?: Array<OrderStatus> | null | undefined;
  /** Orders with a session starting before this. */
  to?: string | null | undefined;
  unitId?: string | number | null | undefined;
};

/** SINGLE task, CLIENT_PROCESS (003 §4.2) or GROUP agreed for a period (003 §4.3). */
export type OrderKind =
  | 'CLIENT_PROCESS'
  | 'GROUP'
  | 'SINGLE';

/** DRAFT → REQUESTED → OFFERED → ACCEPTED → DONE, or CANCELLED. */
export type OrderStatus =
  | 'ACCEPTED'
  | 'CANCELLED'
  | 'DONE'
  | 'DRAFT'
  | 'OFFERED'
  | 'REQUESTED';

/** Someone on the interview panel. */
export type PanelMemberInput = {
  /** Name of the panel member. */
  name: string;
  /** Coordinator role id of the region, or PROFESSIONAL. */
  role: string;
};

/** APPROVED by the unit as it stands; a line added after the approval reopens it. */
export type PayoutNoticeStatus =
  | 'APPROVED'
  | 'OPEN';

/** OPEN until the coordinator closes it. */
export type PayoutPeriodStatus =
  | 'CLOSED'
  | 'OPEN';

/** A draft change to a region's rules. */
export type ProposeRegionRevisionInput = {
  /** Partial region config, e.g. { "cancellationPolicy": { "deadline": { "kind": "DAYS_BEFORE_AT_LOCAL_TIME", "days": 1, "localTime": "12:00" } } }. */
  changes: Record<string, unknown>;
  /** When the change takes effect; not in the past. */
  effectiveFrom: string;
  /** Why (e.g. the board decision). */
  reason: string;
  regionId: string | number;
};

/** The suitability interview of an applicant. */
export type RecordExpertInterviewInput = {
  /** Day of the interview. */
  heldOn: string;
  /** Notes. */
  notes?: string | null | undefined;
  /** Who sat on the panel (at most 100). */
  panel: Array<PanelMemberInput>;
};

/** A revision is drafted, then published to take effect from its date. */
export type RevisionStatus =
  | 'DRAFT'
  | 'PUBLISHED';

/** What a grant allows, within one region (NATIONAL_ANALYST: aggregates of every region). */
export type Role =
  | 'ANALYST'
  | 'COORDINATOR'
  | 'EXPERT'
  | 'NATIONAL_ANALYST'
  | 'PROFESSIONAL'
  | 'REGION_ADMIN'
  | 'UNIT_COORDINATOR';

/** How a session ended: COMPLETED, CLIENT_NO_SHOW, EXPERT_ILL, NO_PARTICIPANTS (group), GROUP_ENDED (group ended for a compelling or agreed reason). */
export type SessionOutcome =
  | 'CLIENT_NO_SHOW'
  | 'COMPLETED'
  | 'EXPERT_ILL'
  | 'GROUP_ENDED'
  | 'NO_PARTICIPANTS';

/** How a session ended. */
export type SessionOutcomeInput = {
  /** Minutes worked; required for COMPLETED. */
  minutes?: number | null | undefined;
  outcome: SessionOutcome;
};

/** SCHEDULED, CANCELLED or DONE. */
export type SessionStatus =
  | 'CANCELLED'
  | 'DONE'
  | 'SCHEDULED';

/** A commission contract (toimeksiantosopimus). */
export type SignExpertContractInput = {
  /** Earlier experience as an expert. */
  earlierExperience?: string | null | undefined;
  /** Day of signing (default: today in the region). */
  signedOn?: string | null | undefined;
  /** Task types agreed (ids from the region's list). */
  taskTypeIds: Array<string | number>;
  /** Topics of experience (ids from the region's list). */
  topicIds: Array<string | number>;
  /** The expert's training. */
  training?: string | null | undefined;
  /** First day the contract is valid. */
  validFrom: string;
  /** Last day the contract is valid. */
  validTo: string;
  /** The expert's wishes. */
  wishes?: string | null | undefined;
};

/** How payroll treats a fee: salary (palkka) or work compensation (työkorvaus). */
export type TaxClass =
  | 'SALARY'
  | 'WORK_COMPENSATION';

export type ConsoleViewerQueryVariables = Exact<{ [key: string]: never; }>;


export type ConsoleViewerQuery = { viewer: { id: string, name: string | null, grants: Array<{ role: Role, regionId: string, unitId: string | null }> } | null };

export type ConsoleMetricsRegionsQueryVariables = Exact<{
  locale?: string | null | undefined;
}>;


export type ConsoleMetricsRegionsQuery = { regions: Array<{ id: string, name: string }> };

export type ConsoleMetricsQueryVariables = Exact<{
  input: MetricsInput;
}>;


export type ConsoleMetricsQuery = { metrics: { source: MetricsSource, rows: Array<{ suppressed: boolean, dimensions: Array<{ dimension: MetricDimension, value: string, label: string }>, values: Array<{ measure: Measure, value: number | null }> }> } };

export type ConsoleMetricsCsvQueryVariables = Exact<{
  input: MetricsInput;
}>;


export type ConsoleMetricsCsvQuery = { metricsCsv: string };

export type ConsolePayoutPeriodQueryVariables = Exact<{
  regionId: string | number;
  month: string;
}>;


export type ConsolePayoutPeriodQuery = { payoutPeriod: { month: string, status: PayoutPeriodStatus, noticeDueOn: string, paymentOn: string, notices: Array<{ payerId: string, externalRequester: string | null, status: PayoutNoticeStatus, approvedAt: string | null, totalCents: number, unit: { id: string, name: string } | null, totalsByTaxClass: Array<{ key: string, amountCents: number }>, experts: Array<{ totalCents: number, confirmed: boolean, taxCardMissing: boolean, expert: { id: string, displayName: string, pseudonym: string } }> }> } };

export type ConsoleApprovePayoutNoticeMutationVariables = Exact<{
  regionId: string | number;
  month: string;
  unitId: string | number;
}>;


export type ConsoleApprovePayoutNoticeMutation = { approvePayoutNotice: { payerId: string, status: PayoutNoticeStatus } };

export type ConsolePayoutCsvQueryVariables = Exact<{
  regionId: string | number;
  month: string;
  unitId: string | number;
  dialect: CsvDialect;
}>;


export type ConsolePayoutCsvQuery = { payoutCsv: string };

export type ConsolePoolExpertsQueryVariables = Exact<{
  regionId: string | number;
  filter?: ExpertFilterInput | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type ConsolePoolExpertsQuery = { experts: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, nodes: Array<{ id: string, displayName: string, status: ExpertStatus, languages: Array<string>, availableForOffers: boolean, currentContract: { validFrom: string, validTo: string } | null }> } };

export type ConsoleMissingTaxCardsQueryVariables = Exact<{
  regionId: string | number;
  year: number;
}>;


export type ConsoleMissingTaxCardsQuery = { expertsMissingTaxCard: Array<{ id: string, displayName: string, status: ExpertStatus }> };

export type ConsoleCreateExpertMutationVariables = Exact<{
  input: CreateExpertInput;
}>;


export type ConsoleCreateExpertMutation = { createExpert: { id: string, displayName: string, status: ExpertStatus } };

export type ConsoleAuditEntryFragment = { id: string, at: string, actorId: string, actorName: string | null, grant: string, action: string, fields: Array<string>, operation: string | null, reason: string | null, subjectId: string };

export type ConsoleAuditLogQueryVariables = Exact<{
  regionId: string | number;
  subjectId?: string | number | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type ConsoleAuditLogQuery = { auditLog: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, nodes: Array<{ id: string, at: string, actorId: string, actorName: string | null, grant: string, action: string, fields: Array<string>, operation: string | null, reason: string | null, subjectId: string }> } };

export type ConsoleExpertAuditQueryVariables = Exact<{
  expertId: string | number;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type ConsoleExpertAuditQuery = { expertAudit: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, nodes: Array<{ id: string, at: string, actorId: string, actorName: string | null, grant: string, action: string, fields: Array<string>, operation: string | null, reason: string | null, subjectId: string }> } };

export type ConsolePoolExpertQueryVariables = Exact<{
  id: string | number;
  locale?: string | null | undefined;
}>;


export type ConsolePoolExpertQuery = { expert: { id: string, regionId: string, displayName: string, status: ExpertStatus, availableForOffers: boolean, languages: Array<string>, municipalities: Array<string>, remote: boolean, topicsPublic: boolean, introduction: string | null, contact: { email: string | null, phone: string | null } | null, topics: Array<{ id: string, label: string }> | null, taskTypes: Array<{ id: string, label: string }>, currentContract: { validFrom: string, validTo: string } | null, contracts: Array<{ id: string, signedOn: string, validFrom: string, validTo: string }> | null, interview: { heldOn: string, notes: string | null, panel: Array<{ name: string, role: string }> } | null, taxCards: Array<{ year: number, receivedOn: string }> | null, units: Array<{ id: string, name: string }> } };

export type ConsoleRecordInterviewMutationVariables = Exact<{
  id: string | number;
  input: RecordExpertInterviewInput;
}>;


export type ConsoleRecordInterviewMutation = { recordExpertInterview: { id: string, status: ExpertStatus } };

export type ConsoleSignContractMutationVariables = Exact<{
  id: string | number;
  input: SignExpertContractInput;
}>;


export type ConsoleSignContractMutation = { signExpertContract: { id: string, status: ExpertStatus } };

export type ConsoleChangeExpertStatusMutationVariables = Exact<{
  id: string | number;
  status: ExpertStatus;
}>;


export type ConsoleChangeExpertStatusMutation = { changeExpertStatus: { id: string, status: ExpertStatus } };

export type ConsoleRegionEditingQueryVariables = Exact<{
  id: string | number;
  at?: string | null | undefined;
  locale?: string | null | undefined;
}>;


export type ConsoleRegionEditingQuery = { region: { id: string, locales: Array<string>, timeZone: string, feeTable: { rows: Array<{ category: string, labels: Record<string, unknown>, label: string, hourlyRateCents: number, taxClass: TaxClass, taxClassIsDefault: boolean }> }, cancellationPolicy: { hoursBefore: number | null, daysBefore: number | null, localTime: string | null }, topics: Array<{ id: string, labels: Record<string, unknown>, emphasized: boolean }> } | null };

export type ConsoleRegionRevisionsQueryVariables = Exact<{
  regionId: string | number;
}>;


export type ConsoleRegionRevisionsQuery = { regionRevisions: Array<{ id: string, status: RevisionStatus, effectiveFrom: string, reason: string, authorId: string, authorName: string | null, publishedAt: string | null, version: number, diff: Array<{ path: string, before: string | null, after: string | null }> }> };

export type ConsoleProposeRevisionMutationVariables = Exact<{
  input: ProposeRegionRevisionInput;
}>;


export type ConsoleProposeRevisionMutation = { proposeRegionRevision: { id: string, status: RevisionStatus, effectiveFrom: string, version: number, diff: Array<{ path: string, before: string | null, after: string | null }> } };

export type ConsolePublishRevisionMutationVariables = Exact<{
  id: string | number;
  expectedVersion?: number | null | undefined;
}>;


export type ConsolePublishRevisionMutation = { publishRegionRevision: { id: string, status: RevisionStatus, publishedAt: string | null } };

export type ConsoleRegionsQueryVariables = Exact<{
  locale?: string | null | undefined;
}>;


export type ConsoleRegionsQuery = { regions: Array<{ id: string, name: string }> };

export type ConsoleRegionRulesQueryVariables = Exact<{
  id: string | number;
  at?: string | null | undefined;
  locale?: string | null | undefined;
}>;


export type ConsoleRegionRulesQuery = { region: { id: string, name: string, timeZone: string, feeTable: { effectiveFrom: string, rows: Array<{ category: string, label: string, hourlyRateCents: number, taxClass: TaxClass, taxClassIsDefault: boolean }>, packages: Array<{ id: string, label: string, priceCents: number }> }, cancellationPolicy: { description: string }, topics: Array<{ id: string, label: string }>, taskTypes: Array<{ id: string, label: string, feeCategory: string | null, paid: boolean }> } | null };

export type ConsoleRulesExamplesQueryVariables = Exact<{
  regionId: string | number;
  startsAt: string;
  m0: string;
  m1: string;
  m2: string;
}>;


export type ConsoleRulesExamplesQuery = { cancellationDeadline: string, m0: { noticeDueOn: string, paymentOn: string }, m1: { noticeDueOn: string, paymentOn: string }, m2: { noticeDueOn: string, paymentOn: string } };

export type ConsoleWorkOrdersQueryVariables = Exact<{
  regionId: string | number;
  filter?: OrderFilter | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type ConsoleWorkOrdersQuery = { orders: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, nodes: Array<{ id: string, title: string, status: OrderStatus, createdAt: string, expertsNeeded: number, taskType: { id: string }, unit: { id: string, name: string } | null, sessions: Array<{ id: string, startsAt: string }>, acceptedExperts: Array<{ id: string }> }> } };

export type ConsoleWorkOrderQueryVariables = Exact<{
  id: string | number;
}>;


export type ConsoleWorkOrderQuery = { order: { id: string, regionId: string, title: string, status: OrderStatus, kind: OrderKind, description: string | null, language: string, municipality: string | null, remote: boolean, expertsNeeded: number, version: number, taskType: { id: string }, topics: Array<{ id: string }>, unit: { id: string, name: string } | null, acceptedExperts: Array<{ id: string, displayName: string }>, sessions: Array<{ id: string, startsAt: string, endsAt: string, status: SessionStatus, outcome: SessionOutcome | null, workedMinutes: number | null, cancellationDeadline: string }>, offers: Array<{ id: string, status: OfferStatus, offeredAt: string, respondBy: string | null, expert: { id: string, displayName: string } }> } };

export type ConsoleOfferCandidatesQueryVariables = Exact<{
  regionId: string | number;
  filter?: ExpertFilterInput | null | undefined;
}>;


export type ConsoleOfferCandidatesQuery = { experts: { nodes: Array<{ id: string, displayName: string, languages: Array<string> }> } };

export type ConsoleUnitOrientationsQueryVariables = Exact<{
  unitId: string | number;
}>;


export type ConsoleUnitOrientationsQuery = { unitOrientations: Array<{ expertId: string }> };

export type ConsoleOfferOrderMutationVariables = Exact<{
  orderId: string | number;
  expertIds: Array<string | number> | string | number;
  respondBy?: string | null | undefined;
}>;


export type ConsoleOfferOrderMutation = { offerOrder: { id: string, status: OrderStatus } };

export type ConsoleRecordSessionOutcomeMutationVariables = Exact<{
  sessionId: string | number;
  input: SessionOutcomeInput;
}>;


export type ConsoleRecordSessionOutcomeMutation = { recordSessionOutcome: { id: string, status: SessionStatus, outcome: SessionOutcome | null } };

export type ConsolePoolRegionQueryVariables = Exact<{
  id: string | number;
  locale?: string | null | undefined;
}>;


export type ConsolePoolRegionQuery = { region: { id: string, name: string, locales: Array<string>, topics: Array<{ id: string, label: string }>, taskTypes: Array<{ id: string, label: string }>, onboardingSteps: Array<{ id: string, label: string, panel: Array<string> }>, coordinatorRoles: Array<{ id: string, label: string }> } | null };

export type ConsoleWorkRegionQueryVariables = Exact<{
  id: string | number;
  locale?: string | null | undefined;
}>;


export type ConsoleWorkRegionQuery = { region: { id: string, name: string, timeZone: string, work: { unitOrientationRequired: boolean }, taskTypes: Array<{ id: string, label: string }>, topics: Array<{ id: string, label: string }> } | null };

export class TypedDocumentString<TResult, TVariables>
  extends String
  implements DocumentTypeDecoration<TResult, TVariables>
{
  __apiType?: NonNullable<DocumentTypeDecoration<TResult, TVariables>['__apiType']>;
  private value: string;
  public __meta__?: Record<string, any> | undefined;

  constructor(value: string, __meta__?: Record<string, any> | undefined) {
    super(value);
    this.value = value;
    this.__meta__ = __meta__;
  }

  override toString(): string & DocumentTypeDecoration<TResult, TVariables> {
    return this.value;
  }
}
export const ConsoleAuditEntryFragmentDoc = new TypedDocumentString(`
    fragment ConsoleAuditEntry on AuditEntry {
  id
  at
  actorId
  actorName
  grant
  action
  fields
  operation
  reason
  subjectId
}
    `, {"fragmentName":"ConsoleAuditEntry"}) as unknown as TypedDocumentString<ConsoleAuditEntryFragment, unknown>;
export const ConsoleViewerDocument = new TypedDocumentString(`
    query ConsoleViewer {
  viewer {
    id
    name
    grants {
      role
      regionId
      unitId
    }
  }
}
    `) as unknown as TypedDocumentString<ConsoleViewerQuery, ConsoleViewerQueryVariables>;
export const ConsoleMetricsRegionsDocument = new TypedDocumentString(`
    query ConsoleMetricsRegions($locale: String) {
  regions {
    id
    name(locale: $locale)
  }
}
    `) as unknown as TypedDocumentString<ConsoleMetricsRegionsQuery, ConsoleMetricsRegionsQueryVariables>;
export const ConsoleMetricsDocument = new TypedDocumentString(`
    query ConsoleMetrics($input: MetricsInput!) {
  metrics(input: $input) {
    source
    rows {
      suppressed
      dimensions {
        dimension
        value
        label
      }
      values {
        measure
        value
      }
    }
  }
}
    `) as unknown as TypedDocumentString<ConsoleMetricsQuery, ConsoleMetricsQueryVariables>;
export const ConsoleMetricsCsvDocument = new TypedDocumentString(`
    query ConsoleMetricsCsv($input: MetricsInput!) {
  metricsCsv(input: $input)
}
    `) as unknown as TypedDocumentString<ConsoleMetricsCsvQuery, ConsoleMetricsCsvQueryVariables>;
export const ConsolePayoutPeriodDocument = new TypedDocumentString(`
    query ConsolePayoutPeriod($regionId: ID!, $month: String!) {
  payoutPeriod(regionId: $regionId, month: $month) {
    month
    status
    noticeDueOn
    paymentOn
    notices {
      payerId
      unit {
        id
        name
      }
      externalRequester
      status
      approvedAt
      totalCents
      totalsByTaxClass {
        key
        amountCents
      }
      experts {
        expert {
          id
          displayName
          pseudonym
        }
        totalCents
        confirmed
        taxCardMissing
      }
    }
  }
}
    `) as unknown as TypedDocumentString<ConsolePayoutPeriodQuery, ConsolePayoutPeriodQueryVariables>;
export const ConsoleApprovePayoutNoticeDocument = new TypedDocumentString(`
    mutation ConsoleApprovePayoutNotice($regionId: ID!, $month: String!, $unitId: ID!) {
  approvePayoutNotice(regionId: $regionId, month: $month, unitId: $unitId) {
    payerId
    status
  }
}
    `) as unknown as TypedDocumentString<ConsoleApprovePayoutNoticeMutation, ConsoleApprovePayoutNoticeMutationVariables>;
export const ConsolePayoutCsvDocument = new TypedDocumentString(`
    query ConsolePayoutCsv($regionId: ID!, $month: String!, $unitId: ID!, $dialect: CsvDialect!) {
  payoutCsv(
    regionId: $regionId
    month: $month
    unitId: $unitId
    dialect: $dialect
  )
}
    `) as unknown as TypedDocumentString<ConsolePayoutCsvQuery, ConsolePayoutCsvQueryVariables>;
export const ConsolePoolExpertsDocument = new TypedDocumentString(`
    query ConsolePoolExperts($regionId: ID!, $filter: ExpertFilterInput, $first: Int, $after: String) {
  experts(regionId: $regionId, filter: $filter, first: $first, after: $after) {
    totalCount
    pageInfo {
      hasNextPage
      endCursor
    }
    nodes {
      id
      displayName
      status
      languages
      availableForOffers
      currentContract {
        validFrom
        validTo
      }
    }
  }
}
    `) as unknown as TypedDocumentString<ConsolePoolExpertsQuery, ConsolePoolExpertsQueryVariables>;
export const ConsoleMissingTaxCardsDocument = new TypedDocumentString(`
    query ConsoleMissingTaxCards($regionId: ID!, $year: Int!) {
  expertsMissingTaxCard(regionId: $regionId, year: $year, first: 100) {
    id
    displayName
    status
  }
}
    `) as unknown as TypedDocumentString<ConsoleMissingTaxCardsQuery, ConsoleMissingTaxCardsQueryVariables>;
export const ConsoleCreateExpertDocument = new TypedDocumentString(`
    mutation ConsoleCreateExpert($input: CreateExpertInput!) {
  createExpert(input: $input) {
    id
    displayName
    status
  }
}
    `) as unknown as TypedDocumentString<ConsoleCreateExpertMutation, ConsoleCreateExpertMutationVariables>;
export const ConsoleAuditLogDocument = new TypedDocumentString(`
    query ConsoleAuditLog($regionId: ID!, $subjectId: ID, $first: Int, $after: String) {
  auditLog(
    regionId: $regionId
    subjectId: $subjectId
    first: $first
    after: $after
  ) {
    totalCount
    pageInfo {
      hasNextPage
      endCursor
    }
    nodes {
      ...ConsoleAuditEntry
    }
  }
}
    fragment ConsoleAuditEntry on AuditEntry {
  id
  at
  actorId
  actorName
  grant
  action
  fields
  operation
  reason
  subjectId
}`) as unknown as TypedDocumentString<ConsoleAuditLogQuery, ConsoleAuditLogQueryVariables>;
export const ConsoleExpertAuditDocument = new TypedDocumentString(`
    query ConsoleExpertAudit($expertId: ID!, $first: Int, $after: String) {
  expertAudit(expertId: $expertId, first: $first, after: $after) {
    totalCount
    pageInfo {
      hasNextPage
      endCursor
    }
    nodes {
      ...ConsoleAuditEntry
    }
  }
}
    fragment ConsoleAuditEntry on AuditEntry {
  id
  at
  actorId
  actorName
  grant
  action
  fields
  operation
  reason
  subjectId
}`) as unknown as TypedDocumentString<ConsoleExpertAuditQuery, ConsoleExpertAuditQueryVariables>;
export const ConsolePoolExpertDocument = new TypedDocumentString(`
    query ConsolePoolExpert($id: ID!, $locale: String) {
  expert(id: $id) {
    id
    regionId
    displayName
    status
    availableForOffers
    languages
    municipalities
    remote
    topicsPublic
    introduction(locale: $locale)
    contact {
      email
      phone
    }
    topics {
      id
      label(locale: $locale)
    }
    taskTypes {
      id
      label(locale: $locale)
    }
    currentContract {
      validFrom
      validTo
    }
    contracts {
      id
      signedOn
      validFrom
      validTo
    }
    interview {
      heldOn
      notes
      panel {
        name
        role
      }
    }
    taxCards {
      year
      receivedOn
    }
    units {
      id
      name
    }
  }
}
    `) as unknown as TypedDocumentString<ConsolePoolExpertQuery, ConsolePoolExpertQueryVariables>;
export const ConsoleRecordInterviewDocument = new TypedDocumentString(`
    mutation ConsoleRecordInterview($id: ID!, $input: RecordExpertInterviewInput!) {
  recordExpertInterview(id: $id, input: $input) {
    id
    status
  }
}
    `) as unknown as TypedDocumentString<ConsoleRecordInterviewMutation, ConsoleRecordInterviewMutationVariables>;
export const ConsoleSignContractDocument = new TypedDocumentString(`
    mutation ConsoleSignContract($id: ID!, $input: SignExpertContractInput!) {
  signExpertContract(id: $id, input: $input) {
    id
    status
  }
}
    `) as unknown as TypedDocumentString<ConsoleSignContractMutation, ConsoleSignContractMutationVariables>;
export const ConsoleChangeExpertStatusDocument = new TypedDocumentString(`
    mutation ConsoleChangeExpertStatus($id: ID!, $status: ExpertStatus!) {
  changeExpertStatus(id: $id, status: $status) {
    id
    status
  }
}
    `) as unknown as TypedDocumentString<ConsoleChangeExpertStatusMutation, ConsoleChangeExpertStatusMutationVariables>;
export const ConsoleRegionEditingDocument = new TypedDocumentString(`
    query ConsoleRegionEditing($id: ID!, $at: DateTime, $locale: String) {
  region(id: $id, at: $at) {
    id
    locales
    timeZone
    feeTable {
      rows {
        category
        labels
        label(locale: $locale)
        hourlyRateCents
        taxClass
        taxClassIsDefault
      }
    }
    cancellationPolicy {
      hoursBefore
      daysBefore
      localTime
    }
    topics {
      id
      labels
      emphasized
    }
  }
}
    `) as unknown as TypedDocumentString<ConsoleRegionEditingQuery, ConsoleRegionEditingQueryVariables>;
export const ConsoleRegionRevisionsDocument = new TypedDocumentString(`
    query ConsoleRegionRevisions($regionId: ID!) {
  regionRevisions(regionId: $regionId, first: 100) {
    id
    status
    effectiveFrom
    reason
    authorId
    authorName
    publishedAt
    version
    diff {
      path
      before
      after
    }
  }
}
    `) as unknown as TypedDocumentString<ConsoleRegionRevisionsQuery, ConsoleRegionRevisionsQueryVariables>;
export const ConsoleProposeRevisionDocument = new TypedDocumentString(`
    mutation ConsoleProposeRevision($input: ProposeRegionRevisionInput!) {
  proposeRegionRevision(input: $input) {
    id
    status
    effectiveFrom
    version
    diff {
      path
      before
      after
    }
  }
}
    `) as unknown as TypedDocumentString<ConsoleProposeRevisionMutation, ConsoleProposeRevisionMutationVariables>;
export const ConsolePublishRevisionDocument = new TypedDocumentString(`
    mutation ConsolePublishRevision($id: ID!, $expectedVersion: Int) {
  publishRegionRevision(id: $id, expectedVersion: $expectedVersion) {
    id
    status
    publishedAt
  }
}
    `) as unknown as TypedDocumentString<ConsolePublishRevisionMutation, ConsolePublishRevisionMutationVariables>;
export const ConsoleRegionsDocument = new TypedDocumentString(`
    query ConsoleRegions($locale: String) {
  regions {
    id
    name(locale: $locale)
  }
}
    `) as unknown as TypedDocumentString<ConsoleRegionsQuery, ConsoleRegionsQueryVariables>;
export const ConsoleRegionRulesDocument = new TypedDocumentString(`
    query ConsoleRegionRules($id: ID!, $at: DateTime, $locale: String) {
  region(id: $id, at: $at) {
    id
    name(locale: $locale)
    timeZone
    feeTable {
      effectiveFrom
      rows {
        category
        label(locale: $locale)
        hourlyRateCents
        taxClass
        taxClassIsDefault
      }
      packages {
        id
        label(locale: $locale)
        priceCents
      }
    }
    cancellationPolicy {
      description(locale: $locale)
    }
    topics {
      id
      label(locale: $locale)
    }
    taskTypes {
      id
      label(locale: $locale)
      feeCategory
      paid
    }
  }
}
    `) as unknown as TypedDocumentString<ConsoleRegionRulesQuery, ConsoleRegionRulesQueryVariables>;
export const ConsoleRulesExamplesDocument = new TypedDocumentString(`
    query ConsoleRulesExamples($regionId: ID!, $startsAt: DateTime!, $m0: String!, $m1: String!, $m2: String!) {
  cancellationDeadline(regionId: $regionId, startsAt: $startsAt)
  m0: payoutDates(regionId: $regionId, workMonth: $m0) {
    noticeDueOn
    paymentOn
  }
  m1: payoutDates(regionId: $regionId, workMonth: $m1) {
    noticeDueOn
    paymentOn
  }
  m2: payoutDates(regionId: $regionId, workMonth: $m2) {
    noticeDueOn
    paymentOn
  }
}
    `) as unknown as TypedDocumentString<ConsoleRulesExamplesQuery, ConsoleRulesExamplesQueryVariables>;
export const ConsoleWorkOrdersDocument = new TypedDocumentString(`
    query ConsoleWorkOrders($regionId: ID!, $filter: OrderFilter, $first: Int, $after: String) {
  orders(regionId: $regionId, filter: $filter, first: $first, after: $after) {
    totalCount
    pageInfo {
      hasNextPage
      endCursor
    }
    nodes {
      id
      title
      status
      createdAt
      expertsNeeded
      taskType {
        id
      }
      unit {
        id
        name
      }
      sessions {
        id
        startsAt
      }
      acceptedExperts {
        id
      }
    }
  }
}
    `) as unknown as TypedDocumentString<ConsoleWorkOrdersQuery, ConsoleWorkOrdersQueryVariables>;
export const ConsoleWorkOrderDocument = new TypedDocumentString(`
    query ConsoleWorkOrder($id: ID!) {
  order(id: $id) {
    id
    regionId
    title
    status
    kind
    description
    language
    municipality
    remote
    expertsNeeded
    version
    taskType {
      id
    }
    topics {
      id
    }
    unit {
      id
      name
    }
    acceptedExperts {
      id
      displayName
    }
    sessions {
      id
      startsAt
      endsAt
      status
      outcome
      workedMinutes
      cancellationDeadline
    }
    offers {
      id
      status
      offeredAt
      respondBy
      expert {
        id
        displayName
      }
    }
  }
}
    `) as unknown as TypedDocumentString<ConsoleWorkOrderQuery, ConsoleWorkOrderQueryVariables>;
export const ConsoleOfferCandidatesDocument = new TypedDocumentString(`
    query ConsoleOfferCandidates($regionId: ID!, $filter: ExpertFilterInput) {
  experts(regionId: $regionId, filter: $filter, first: 100) {
    nodes {
      id
      displayName
      languages
    }
  }
}
    `) as unknown as TypedDocumentString<ConsoleOfferCandidatesQuery, ConsoleOfferCandidatesQueryVariables>;
export const ConsoleUnitOrientationsDocument = new TypedDocumentString(`
    query ConsoleUnitOrientations($unitId: ID!) {
  unitOrientations(unitId: $unitId) {
    expertId
  }
}
    `) as unknown as TypedDocumentString<ConsoleUnitOrientationsQuery, ConsoleUnitOrientationsQueryVariables>;
export const ConsoleOfferOrderDocument = new TypedDocumentString(`
    mutation ConsoleOfferOrder($orderId: ID!, $expertIds: [ID!]!, $respondBy: DateTime) {
  offerOrder(orderId: $orderId, expertIds: $expertIds, respondBy: $respondBy) {
    id
    status
  }
}
    `) as unknown as TypedDocumentString<ConsoleOfferOrderMutation, ConsoleOfferOrderMutationVariables>;
export const ConsoleRecordSessionOutcomeDocument = new TypedDocumentString(`
    mutation ConsoleRecordSessionOutcome($sessionId: ID!, $input: SessionOutcomeInput!) {
  recordSessionOutcome(sessionId: $sessionId, input: $input) {
    id
    status
    outcome
  }
}
    `) as unknown as TypedDocumentString<ConsoleRecordSessionOutcomeMutation, ConsoleRecordSessionOutcomeMutationVariables>;
export const ConsolePoolRegionDocument = new TypedDocumentString(`
    query ConsolePoolRegion($id: ID!, $locale: String) {
  region(id: $id) {
    id
    name(locale: $locale)
    locales
    topics {
      id
      label(locale: $locale)
    }
    taskTypes {
      id
      label(locale: $locale)
    }
    onboardingSteps {
      id
      label(locale: $locale)
      panel
    }
    coordinatorRoles {
      id
      label(locale: $locale)
    }
  }
}
    `) as unknown as TypedDocumentString<ConsolePoolRegionQuery, ConsolePoolRegionQueryVariables>;
export const ConsoleWorkRegionDocument = new TypedDocumentString(`
    query ConsoleWorkRegion($id: ID!, $locale: String) {
  region(id: $id) {
    id
    name(locale: $locale)
    timeZone
    work {
      unitOrientationRequired
    }
    taskTypes {
      id
      label(locale: $locale)
    }
    topics {
      id
      label(locale: $locale)
    }
  }
}
    `) as unknown as TypedDocumentString<ConsoleWorkRegionQuery, ConsoleWorkRegionQueryVariables>;