/* eslint-disable */
import * as types from './graphql';



/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  query ConsoleViewer {\n    viewer {\n      id\n      name\n      grants {\n        role\n        regionId\n        unitId\n      }\n    }\n  }\n": typeof types.ConsoleViewerDocument,
    "\n  query ConsoleMetricsRegions($locale: String) {\n    regions {\n      id\n      name(locale: $locale)\n    }\n  }\n": typeof types.ConsoleMetricsRegionsDocument,
    "\n  query ConsoleMetrics($input: MetricsInput!) {\n    metrics(input: $input) {\n      source\n      rows {\n        suppressed\n        dimensions {\n          dimension\n          value\n          label\n        }\n        values {\n          measure\n          value\n        }\n      }\n    }\n  }\n": typeof types.ConsoleMetricsDocument,
    "\n  query ConsoleMetricsCsv($input: MetricsInput!) {\n    metricsCsv(input: $input)\n  }\n": typeof types.ConsoleMetricsCsvDocument,
    "\n  query ConsoleRegionEditing($id: ID!, $at: DateTime, $locale: String) {\n    region(id: $id, at: $at) {\n      id\n      locales\n      timeZone\n      feeTable {\n        rows {\n          category\n          labels\n          label(locale: $locale)\n          hourlyRateCents\n          taxClass\n          taxClassIsDefault\n        }\n      }\n      cancellationPolicy {\n        hoursBefore\n        daysBefore\n        localTime\n      }\n      topics {\n        id\n        labels\n        emphasized\n      }\n    }\n  }\n": typeof types.ConsoleRegionEditingDocument,
    "\n  query ConsoleRegionRevisions($regionId: ID!) {\n    regionRevisions(regionId: $regionId, first: 100) {\n      id\n      status\n      effectiveFrom\n      reason\n      authorId\n      authorName\n      publishedAt\n      version\n      diff {\n        path\n        before\n        after\n      }\n    }\n  }\n": typeof types.ConsoleRegionRevisionsDocument,
    "\n  mutation ConsoleProposeRevision($input: ProposeRegionRevisionInput!) {\n    proposeRegionRevision(input: $input) {\n      id\n      status\n      effectiveFrom\n      version\n      diff {\n        path\n        before\n        after\n      }\n    }\n  }\n": typeof types.ConsoleProposeRevisionDocument,
    "\n  mutation ConsolePublishRevision($id: ID!, $expectedVersion: Int) {\n    publishRegionRevision(id: $id, expectedVersion: $expectedVersion) {\n      id\n      status\n      publishedAt\n    }\n  }\n": typeof types.ConsolePublishRevisionDocument,
    "\n  query ConsoleRegions($locale: String) {\n    regions {\n      id\n      name(locale: $locale)\n    }\n  }\n": typeof types.ConsoleRegionsDocument,
    "\n  query ConsoleRegionRules($id: ID!, $at: DateTime, $locale: String) {\n    region(id: $id, at: $at) {\n      id\n      name(locale: $locale)\n      timeZone\n      feeTable {\n        effectiveFrom\n        rows {\n          category\n          label(locale: $locale)\n          hourlyRateCents\n          taxClass\n          taxClassIsDefault\n        }\n        packages {\n          id\n          label(locale: $locale)\n          priceCents\n        }\n      }\n      cancellationPolicy {\n        description(locale: $locale)\n      }\n      topics {\n        id\n        label(locale: $locale)\n      }\n      taskTypes {\n        id\n        label(locale: $locale)\n        feeCategory\n        paid\n      }\n    }\n  }\n": typeof types.ConsoleRegionRulesDocument,
    "\n  query ConsoleRulesExamples($regionId: ID!, $startsAt: DateTime!, $m0: String!, $m1: String!, $m2: String!) {\n    cancellationDeadline(regionId: $regionId, startsAt: $startsAt)\n    m0: payoutDates(regionId: $regionId, workMonth: $m0) {\n      noticeDueOn\n      paymentOn\n    }\n    m1: payoutDates(regionId: $regionId, workMonth: $m1) {\n      noticeDueOn\n      paymentOn\n    }\n    m2: payoutDates(regionId: $regionId, workMonth: $m2) {\n      noticeDueOn\n      paymentOn\n    }\n  }\n": typeof types.ConsoleRulesExamplesDocument,
};
const documents: Documents = {
    "\n  query ConsoleViewer {\n    viewer {\n      id\n      name\n      grants {\n        role\n        regionId\n        unitId\n      }\n    }\n  }\n": types.ConsoleViewerDocument,
    "\n  query ConsoleMetricsRegions($locale: String) {\n    regions {\n      id\n      name(locale: $locale)\n    }\n  }\n": types.ConsoleMetricsRegionsDocument,
    "\n  query ConsoleMetrics($input: MetricsInput!) {\n    metrics(input: $input) {\n      source\n      rows {\n        suppressed\n        dimensions {\n          dimension\n          value\n          label\n        }\n        values {\n          measure\n          value\n        }\n      }\n    }\n  }\n": types.ConsoleMetricsDocument,
    "\n  query ConsoleMetricsCsv($input: MetricsInput!) {\n    metricsCsv(input: $input)\n  }\n": types.ConsoleMetricsCsvDocument,
    "\n  query ConsoleRegionEditing($id: ID!, $at: DateTime, $locale: String) {\n    region(id: $id, at: $at) {\n      id\n      locales\n      timeZone\n      feeTable {\n        rows {\n          category\n          labels\n          label(locale: $locale)\n          hourlyRateCents\n          taxClass\n          taxClassIsDefault\n        }\n      }\n      cancellationPolicy {\n        hoursBefore\n        daysBefore\n        localTime\n      }\n      topics {\n        id\n        labels\n        emphasized\n      }\n    }\n  }\n": types.ConsoleRegionEditingDocument,
    "\n  query ConsoleRegionRevisions($regionId: ID!) {\n    regionRevisions(regionId: $regionId, first: 100) {\n      id\n      status\n      effectiveFrom\n      reason\n      authorId\n      authorName\n      publishedAt\n      version\n      diff {\n        path\n        before\n        after\n      }\n    }\n  }\n": types.ConsoleRegionRevisionsDocument,
    "\n  mutation ConsoleProposeRevision($input: ProposeRegionRevisionInput!) {\n    proposeRegionRevision(input: $input) {\n      id\n      status\n      effectiveFrom\n      version\n      diff {\n        path\n        before\n        after\n      }\n    }\n  }\n": types.ConsoleProposeRevisionDocument,
    "\n  mutation ConsolePublishRevision($id: ID!, $expectedVersion: Int) {\n    publishRegionRevision(id: $id, expectedVersion: $expectedVersion) {\n      id\n      status\n      publishedAt\n    }\n  }\n": types.ConsolePublishRevisionDocument,
    "\n  query ConsoleRegions($locale: String) {\n    regions {\n      id\n      name(locale: $locale)\n    }\n  }\n": types.ConsoleRegionsDocument,
    "\n  query ConsoleRegionRules($id: ID!, $at: DateTime, $locale: String) {\n    region(id: $id, at: $at) {\n      id\n      name(locale: $locale)\n      timeZone\n      feeTable {\n        effectiveFrom\n        rows {\n          category\n          label(locale: $locale)\n          hourlyRateCents\n          taxClass\n          taxClassIsDefault\n        }\n        packages {\n          id\n          label(locale: $locale)\n          priceCents\n        }\n      }\n      cancellationPolicy {\n        description(locale: $locale)\n      }\n      topics {\n        id\n        label(locale: $locale)\n      }\n      taskTypes {\n        id\n        label(locale: $locale)\n        feeCategory\n        paid\n      }\n    }\n  }\n": types.ConsoleRegionRulesDocument,
    "\n  query ConsoleRulesExamples($regionId: ID!, $startsAt: DateTime!, $m0: String!, $m1: String!, $m2: String!) {\n    cancellationDeadline(regionId: $regionId, startsAt: $startsAt)\n    m0: payoutDates(regionId: $regionId, workMonth: $m0) {\n      noticeDueOn\n      paymentOn\n    }\n    m1: payoutDates(regionId: $regionId, workMonth: $m1) {\n      noticeDueOn\n      paymentOn\n    }\n    m2: payoutDates(regionId: $regionId, workMonth: $m2) {\n      noticeDueOn\n      paymentOn\n    }\n  }\n": types.ConsoleRulesExamplesDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ConsoleViewer {\n    viewer {\n      id\n      name\n      grants {\n        role\n        regionId\n        unitId\n      }\n    }\n  }\n"): typeof import('./graphql').ConsoleViewerDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ConsoleMetricsRegions($locale: String) {\n    regions {\n      id\n      name(locale: $locale)\n    }\n  }\n"): typeof import('./graphql').ConsoleMetricsRegionsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ConsoleMetrics($input: MetricsInput!) {\n    metrics(input: $input) {\n      source\n      rows {\n        suppressed\n        dimensions {\n          dimension\n          value\n          label\n        }\n        values {\n          measure\n          value\n        }\n      }\n    }\n  }\n"): typeof import('./graphql').ConsoleMetricsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ConsoleMetricsCsv($input: MetricsInput!) {\n    metricsCsv(input: $input)\n  }\n"): typeof import('./graphql').ConsoleMetricsCsvDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ConsoleRegionEditing($id: ID!, $at: DateTime, $locale: String) {\n    region(id: $id, at: $at) {\n      id\n      locales\n      timeZone\n      feeTable {\n        rows {\n          category\n          labels\n          label(locale: $locale)\n          hourlyRateCents\n          taxClass\n          taxClassIsDefault\n        }\n      }\n      cancellationPolicy {\n        hoursBefore\n        daysBefore\n        localTime\n      }\n      topics {\n        id\n        labels\n        emphasized\n      }\n    }\n  }\n"): typeof import('./graphql').ConsoleRegionEditingDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ConsoleRegionRevisions($regionId: ID!) {\n    regionRevisions(regionId: $regionId, first: 100) {\n      id\n      status\n      effectiveFrom\n      reason\n      authorId\n      authorName\n      publishedAt\n      version\n      diff {\n        path\n        before\n        after\n      }\n    }\n  }\n"): typeof import('./graphql').ConsoleRegionRevisionsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConsoleProposeRevision($input: ProposeRegionRevisionInput!) {\n    proposeRegionRevision(input: $input) {\n      id\n      status\n      effectiveFrom\n      version\n      diff {\n        path\n        before\n        after\n      }\n    }\n  }\n"): typeof import('./graphql').ConsoleProposeRevisionDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConsolePublishRevision($id: ID!, $expectedVersion: Int) {\n    publishRegionRevision(id: $id, expectedVersion: $expectedVersion) {\n      id\n      status\n      publishedAt\n    }\n  }\n"): typeof import('./graphql').ConsolePublishRevisionDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ConsoleRegions($locale: String) {\n    regions {\n      id\n      name(locale: $locale)\n    }\n  }\n"): typeof import('./graphql').ConsoleRegionsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ConsoleRegionRules($id: ID!, $at: DateTime, $locale: String) {\n    region(id: $id, at: $at) {\n      id\n      name(locale: $locale)\n      timeZone\n      feeTable {\n        effectiveFrom\n        rows {\n          category\n          label(locale: $locale)\n          hourlyRateCents\n          taxClass\n          taxClassIsDefault\n        }\n        packages {\n          id\n          label(locale: $locale)\n          priceCents\n        }\n      }\n      cancellationPolicy {\n        description(locale: $locale)\n      }\n      topics {\n        id\n        label(locale: $locale)\n      }\n      taskTypes {\n        id\n        label(locale: $locale)\n        feeCategory\n        paid\n      }\n    }\n  }\n"): typeof import('./graphql').ConsoleRegionRulesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ConsoleRulesExamples($regionId: ID!, $startsAt: DateTime!, $m0: String!, $m1: String!, $m2: String!) {\n    cancellationDeadline(regionId: $regionId, startsAt: $startsAt)\n    m0: payoutDates(regionId: $regionId, workMonth: $m0) {\n      noticeDueOn\n      paymentOn\n    }\n    m1: payoutDates(regionId: $regionId, workMonth: $m1) {\n      noticeDueOn\n      paymentOn\n    }\n    m2: payoutDates(regionId: $regionId, workMonth: $m2) {\n      noticeDueOn\n      paymentOn\n    }\n  }\n"): typeof import('./graphql').ConsoleRulesExamplesDocument;


export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}
