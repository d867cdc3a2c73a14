/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
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