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
    "\n  query ConsolePayoutPeriod($regionId: ID!, $month: String!) {\n    payoutPeriod(regionId: $regionId, month: $month) {\n      month\n      status\n      noticeDueOn\n      paymentOn\n      notices {\n        payerId\n        unit {\n          id\n          name\n        }\n        externalRequester\n        status\n        approvedAt\n        totalCents\n        totalsByTaxClass {\n          key\n          amountCents\n        }\n        experts {\n          expert {\n            id\n            displayName\n            pseudonym\n          }\n          totalCents\n          confirmed\n          taxCardMissing\n        }\n      }\n    }\n  }\n": typeof types.ConsolePayoutPeriodDocument,
    "\n  mutation ConsoleApprovePayoutNotice($regionId: ID!, $month: String!, $unitId: ID!) {\n    approvePayoutNotice(regionId: $regionId, month: $month, unitId: $unitId) {\n      payerId\n      status\n    }\n  }\n": typeof types.ConsoleApprovePayoutNoticeDocument,
    "\n  query ConsolePayoutCsv($regionId: ID!, $month: String!, $unitId: ID!, $dialect: CsvDialect!) {\n    payoutCsv(regionId: $regionId, month: $month, unitId: $unitId, dialect: $dialect)\n  }\n": typeof types.ConsolePayoutCsvDocument,
    "\n  query ConsolePoolExperts($regionId: ID!, $filter: ExpertFilterInput, $first: Int, $after: String) {\n    experts(regionId: $regionId, filter: $filter, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      nodes {\n        id\n        displayName\n        status\n        languages\n        availableForOffers\n        currentContract {\n          validFrom\n          validTo\n        }\n      }\n    }\n  }\n": typeof types.ConsolePoolExpertsDocument,
    "\n  query ConsoleMissingTaxCards($regionId: ID!, $year: Int!) {\n    expertsMissingTaxCard(regionId: $regionId, year: $year, first: 100) {\n      id\n      displayName\n      status\n    }\n  }\n": typeof types.ConsoleMissingTaxCardsDocument,
    "\n  mutation ConsoleCreateExpert($input: CreateExpertInput!) {\n    createExpert(input: $input) {\n      id\n      displayName\n      status\n    }\n  }\n": typeof types.ConsoleCreateExpertDocument,
    "\n  fragment ConsoleAuditEntry on AuditEntry {\n    id\n    at\n    actorId\n    actorName\n    grant\n    action\n    fields\n    operation\n    reason\n    subjectId\n  }\n": typeof types.ConsoleAuditEntryFragmentDoc,
    "\n  query ConsoleAuditLog($regionId: ID!, $subjectId: ID, $first: Int, $after: String) {\n    auditLog(regionId: $regionId, subjectId: $subjectId, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      nodes {\n        ...ConsoleAuditEntry\n      }\n    }\n  }\n": typeof types.ConsoleAuditLogDocument,
    "\n  query ConsoleExpertAudit($expertId: ID!, $first: Int, $after: String) {\n    expertAudit(expertId: $expertId, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      nodes {\n        ...ConsoleAuditEntry\n      }\n    }\n  }\n": typeof types.ConsoleExpertAuditDocument,
    "\n  query ConsolePoolExpert($id: ID!, $locale: String) {\n    expert(id: $id) {\n      id\n      regionId\n      displayName\n      status\n      availableForOffers\n      languages\n      municipalities\n      remote\n      topicsPublic\n      introduction(locale: $locale)\n      contact {\n        email\n        phone\n      }\n      topics {\n        id\n        label(locale: $locale)\n      }\n      taskTypes {\n        id\n        label(locale: $locale)\n      }\n      currentContract {\n        validFrom\n        validTo\n      }\n      contracts {\n        id\n        signedOn\n        validFrom\n        validTo\n      }\n      interview {\n        heldOn\n        notes\n        panel {\n          name\n          role\n        }\n      }\n      taxCards {\n        year\n        receivedOn\n      }\n      units {\n        id\n        name\n      }\n    }\n  }\n": typeof types.ConsolePoolExpertDocument,
    "\n  mutation ConsoleRecordInterview($id: ID!, $input: RecordExpertInterviewInput!) {\n    recordExpertInterview(id: $id, input: $input) {\n      id\n      status\n    }\n  }\n": typeof types.ConsoleRecordInterviewDocument,
    "\n  mutation ConsoleSignContract($id: ID!, $input: SignExpertContractInput!) {\n    signExpertContract(id: $id, input: $input) {\n      id\n      status\n    }\n  }\n": typeof types.ConsoleSignContractDocument,
    "\n  mutation ConsoleChangeExpertStatus($id: ID!, $status: ExpertStatus!) {\n    changeExpertStatus(id: $id, status: $status) {\n      id\n      status\n    }\n  }\n": typeof types.ConsoleChangeExpertStatusDocument,
    "\n  query ConsoleRegionEditing($id: ID!, $at: DateTime, $locale: String) {\n    region(id: $id, at: $at) {\n      id\n      locales\n      timeZone\n      feeTable {\n        rows {\n          category\n          labels\n          label(locale: $locale)\n          hourlyRateCents\n          taxClass\n          taxClassIsDefault\n        }\n      }\n      cancellationPolicy {\n        hoursBefore\n        daysBefore\n        localTime\n      }\n      topics {\n        id\n        labels\n        emphasized\n      }\n    }\n  }\n": typeof types.ConsoleRegionEditingDocument,
    "\n  query ConsoleRegionRevisions($regionId: ID!) {\n    regionRevisions(regionId: $regionId, first: 100) {\n      id\n      status\n      effectiveFrom\n      reason\n      authorId\n      authorName\n      publishedAt\n      version\n      diff {\n        path\n        before\n        after\n      }\n    }\n  }\n": typeof types.ConsoleRegionRevisionsDocument,
    "\n  mutation ConsoleProposeRevision($input: ProposeRegionRevisionInput!) {\n    proposeRegionRevision(input: $input) {\n      id\n      status\n      effectiveFrom\n      version\n      diff {\n        path\n        before\n        after\n      }\n    }\n  }\n": typeof types.ConsoleProposeRevisionDocument,
    "\n  mutation ConsolePublishRevision($id: ID!, $expectedVersion: Int) {\n    publishRegionRevision(id: $id, expectedVersion: $expectedVersion) {\n      id\n      status\n      publishedAt\n    }\n  }\n": typeof types.ConsolePublishRevisionDocument,
    "\n  query ConsoleRegions($locale: String) {\n    regions {\n      id\n      name(locale: $locale)\n    }\n  }\n": typeof types.ConsoleRegionsDocument,
    "\n  query ConsoleRegionRules($id: ID!, $at: DateTime, $locale: String) {\n    region(id: $id, at: $at) {\n      id\n      name(locale: $locale)\n      timeZone\n      feeTable {\n        effectiveFrom\n        rows {\n          category\n          label(locale: $locale)\n          hourlyRateCents\n          taxClass\n          taxClassIsDefault\n        }\n        packages {\n          id\n          label(locale: $locale)\n          priceCents\n        }\n      }\n      cancellationPolicy {\n        description(locale: $locale)\n      }\n      topics {\n        id\n        label(locale: $locale)\n      }\n      taskTypes {\n        id\n        label(locale: $locale)\n        feeCategory\n        paid\n      }\n    }\n  }\n": typeof types.ConsoleRegionRulesDocument,
    "\n  query ConsoleRulesExamples($regionId: ID!, $startsAt: DateTime!, $m0: String!, $m1: String!, $m2: String!) {\n    cancellationDeadline(regionId: $regionId, startsAt: $startsAt)\n    m0: payoutDates(regionId: $regionId, workMonth: $m0) {\n      noticeDueOn\n      paymentOn\n    }\n    m1: payoutDates(regionId: $regionId, workMonth: $m1) {\n      noticeDueOn\n      paymentOn\n    }\n    m2: payoutDates(regionId: $regionId, workMonth: $m2) {\n      noticeDueOn\n      paymentOn\n    }\n  }\n": typeof types.ConsoleRulesExamplesDocument,
    "\n  query ConsoleWorkOrders($regionId: ID!, $filter: OrderFilter, $first: Int, $after: String) {\n    orders(regionId: $regionId, filter: $filter, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      nodes {\n        id\n        title\n        status\n        createdAt\n        expertsNeeded\n        taskType {\n          id\n        }\n        unit {\n          id\n          name\n        }\n        sessions {\n          id\n          startsAt\n        }\n        acceptedExperts {\n          id\n        }\n      }\n    }\n  }\n": typeof types.ConsoleWorkOrdersDocument,
    "\n  query ConsoleWorkOrder($id: ID!) {\n    order(id: $id) {\n      id\n      regionId\n      title\n      status\n      kind\n      description\n      language\n      municipality\n      remote\n      expertsNeeded\n      version\n      taskType {\n        id\n      }\n      topics {\n        id\n      }\n      unit {\n        id\n        name\n      }\n      acceptedExperts {\n        id\n        displayName\n      }\n      sessions {\n        id\n        startsAt\n        endsAt\n        status\n        outcome\n        workedMinutes\n        cancellationDeadline\n      }\n      offers {\n        id\n        status\n        offeredAt\n        respondBy\n        expert {\n          id\n          displayName\n        }\n      }\n    }\n  }\n": typeof types.ConsoleWorkOrderDocument,
    "\n  query ConsoleOfferCandidates($regionId: ID!, $filter: ExpertFilterInput) {\n    experts(regionId: $regionId, filter: $filter, first: 100) {\n      nodes {\n        id\n        displayName\n        languages\n      }\n    }\n  }\n": typeof types.ConsoleOfferCandidatesDocument,
    "\n  query ConsoleUnitOrientations($unitId: ID!) {\n    unitOrientations(unitId: $unitId) {\n      expertId\n    }\n  }\n": typeof types.ConsoleUnitOrientationsDocument,
    "\n  mutation ConsoleOfferOrder($orderId: ID!, $expertIds: [ID!]!, $respondBy: DateTime) {\n    offerOrder(orderId: $orderId, expertIds: $expertIds, respondBy: $respondBy) {\n      id\n      status\n    }\n  }\n": typeof types.ConsoleOfferOrderDocument,
    "\n  mutation ConsoleRecordSessionOutcome($sessionId: ID!, $input: SessionOutcomeInput!) {\n    recordSessionOutcome(sessionId: $sessionId, input: $input) {\n      id\n      status\n      outcome\n    }\n  }\n": typeof types.ConsoleRecordSessionOutcomeDocument,
    "\n  query ConsolePoolRegion($id: ID!, $locale: String) {\n    region(id: $id) {\n      id\n      name(locale: $locale)\n      locales\n      topics {\n        id\n        label(locale: $locale)\n      }\n      taskTypes {\n        id\n        label(locale: $locale)\n      }\n      onboardingSteps {\n        id\n        label(locale: $locale)\n        panel\n      }\n      coordinatorRoles {\n        id\n        label(locale: $locale)\n      }\n    }\n  }\n": typeof types.ConsolePoolRegionDocument,
    "\n  query ConsoleWorkRegion($id: ID!, $locale: String) {\n    region(id: $id) {\n      id\n      name(locale: $locale)\n      timeZone\n      work {\n        unitOrientationRequired\n      }\n      taskTypes {\n        id\n        label(locale: $locale)\n      }\n      topics {\n        id\n        label(locale: $locale)\n      }\n    }\n  }\n": typeof types.ConsoleWorkRegionDocument,
};
const documents: Documents = {
    "\n  query ConsoleViewer {\n    viewer {\n      id\n      name\n      grants {\n        role\n        regionId\n        unitId\n      }\n    }\n  }\n": types.ConsoleViewerDocument,
    "\n  query ConsoleMetricsRegions($locale: String) {\n    regions {\n      id\n      name(locale: $locale)\n    }\n  }\n": types.ConsoleMetricsRegionsDocument,
    "\n  query ConsoleMetrics($input: MetricsInput!) {\n    metrics(input: $input) {\n      source\n      rows {\n        suppressed\n        dimensions {\n          dimension\n          value\n          label\n        }\n        values {\n          measure\n          value\n        }\n      }\n    }\n  }\n": types.ConsoleMetricsDocument,
    "\n  query ConsoleMetricsCsv($input: MetricsInput!) {\n    metricsCsv(input: $input)\n  }\n": types.ConsoleMetricsCsvDocument,
    "\n  query ConsolePayoutPeriod($regionId: ID!, $month: String!) {\n    payoutPeriod(regionId: $regionId, month: $month) {\n      month\n      status\n      noticeDueOn\n      paymentOn\n      notices {\n        payerId\n        unit {\n          id\n          name\n        }\n        externalRequester\n        status\n        approvedAt\n        totalCents\n        totalsByTaxClass {\n          key\n          amountCents\n        }\n        experts {\n          expert {\n            id\n            displayName\n            pseudonym\n          }\n          totalCents\n          confirmed\n          taxCardMissing\n        }\n      }\n    }\n  }\n": types.ConsolePayoutPeriodDocument,
    "\n  mutation ConsoleApprovePayoutNotice($regionId: ID!, $month: String!, $unitId: ID!) {\n    approvePayoutNotice(regionId: $regionId, month: $month, unitId: $unitId) {\n      payerId\n      status\n    }\n  }\n": types.ConsoleApprovePayoutNoticeDocument,
    "\n  query ConsolePayoutCsv($regionId: ID!, $month: String!, $unitId: ID!, $dialect: CsvDialect!) {\n    payoutCsv(regionId: $regionId, month: $month, unitId: $unitId, dialect: $dialect)\n  }\n": types.ConsolePayoutCsvDocument,
    "\n  query ConsolePoolExperts($regionId: ID!, $filter: ExpertFilterInput, $first: Int, $after: String) {\n    experts(regionId: $regionId, filter: $filter, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      nodes {\n        id\n        displayName\n        status\n        languages\n        availableForOffers\n        currentContract {\n          validFrom\n          validTo\n        }\n      }\n    }\n  }\n": types.ConsolePoolExpertsDocument,
    "\n  query ConsoleMissingTaxCards($regionId: ID!, $year: Int!) {\n    expertsMissingTaxCard(regionId: $regionId, year: $year, first: 100) {\n      id\n      displayName\n      status\n    }\n  }\n": types.ConsoleMissingTaxCardsDocument,
    "\n  mutation ConsoleCreateExpert($input: CreateExpertInput!) {\n    createExpert(input: $input) {\n      id\n      displayName\n      status\n    }\n  }\n": types.ConsoleCreateExpertDocument,
    "\n  fragment ConsoleAuditEntry on AuditEntry {\n    id\n    at\n    actorId\n    actorName\n    grant\n    action\n    fields\n    operation\n    reason\n    subjectId\n  }\n": types.ConsoleAuditEntryFragmentDoc,
    "\n  query ConsoleAuditLog($regionId: ID!, $subjectId: ID, $first: Int, $after: String) {\n    auditLog(regionId: $regionId, subjectId: $subjectId, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      nodes {\n        ...ConsoleAuditEntry\n      }\n    }\n  }\n": types.ConsoleAuditLogDocument,
    "\n  query ConsoleExpertAudit($expertId: ID!, $first: Int, $after: String) {\n    expertAudit(expertId: $expertId, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      nodes {\n        ...ConsoleAuditEntry\n      }\n    }\n  }\n": types.ConsoleExpertAuditDocument,
    "\n  query ConsolePoolExpert($id: ID!, $locale: String) {\n    expert(id: $id) {\n      id\n      regionId\n      displayName\n      status\n      availableForOffers\n      languages\n      municipalities\n      remote\n      topicsPublic\n      introduction(locale: $locale)\n      contact {\n        email\n        phone\n      }\n      topics {\n        id\n        label(locale: $locale)\n      }\n      taskTypes {\n        id\n        label(locale: $locale)\n      }\n      currentContract {\n        validFrom\n        validTo\n      }\n      contracts {\n        id\n        signedOn\n        validFrom\n        validTo\n      }\n      interview {\n        heldOn\n        notes\n        panel {\n          name\n          role\n        }\n      }\n      taxCards {\n        year\n        receivedOn\n      }\n      units {\n        id\n        name\n      }\n    }\n  }\n": types.ConsolePoolExpertDocument,
    "\n  mutation ConsoleRecordInterview($id: ID!, $input: RecordExpertInterviewInput!) {\n    recordExpertInterview(id: $id, input: $input) {\n      id\n      status\n    }\n  }\n": types.ConsoleRecordInterviewDocument,
    "\n  mutation ConsoleSignContract($id: ID!, $input: SignExpertContractInput!) {\n    signExpertContract(id: $id, input: $input) {\n      id\n      status\n    }\n  }\n": types.ConsoleSignContractDocument,
    "\n  mutation ConsoleChangeExpertStatus($id: ID!, $status: ExpertStatus!) {\n    changeExpertStatus(id: $id, status: $status) {\n      id\n      status\n    }\n  }\n": types.ConsoleChangeExpertStatusDocument,
    "\n  query ConsoleRegionEditing($id: ID!, $at: DateTime, $locale: String) {\n    region(id: $id, at: $at) {\n      id\n      locales\n      timeZone\n      feeTable {\n        rows {\n          category\n          labels\n          label(locale: $locale)\n          hourlyRateCents\n          taxClass\n          taxClassIsDefault\n        }\n      }\n      cancellationPolicy {\n        hoursBefore\n        daysBefore\n        localTime\n      }\n      topics {\n        id\n        labels\n        emphasized\n      }\n    }\n  }\n": types.ConsoleRegionEditingDocument,
    "\n  query ConsoleRegionRevisions($regionId: ID!) {\n    regionRevisions(regionId: $regionId, first: 100) {\n      id\n      status\n      effectiveFrom\n      reason\n      authorId\n      authorName\n      publishedAt\n      version\n      diff {\n        path\n        before\n        after\n      }\n    }\n  }\n": types.ConsoleRegionRevisionsDocument,
    "\n  mutation ConsoleProposeRevision($input: ProposeRegionRevisionInput!) {\n    proposeRegionRevision(input: $input) {\n      id\n      status\n      effectiveFrom\n      version\n      diff {\n        path\n        before\n        after\n      }\n    }\n  }\n": types.ConsoleProposeRevisionDocument,
    "\n  mutation ConsolePublishRevision($id: ID!, $expectedVersion: Int) {\n    publishRegionRevision(id: $id, expectedVersion: $expectedVersion) {\n      id\n      status\n      publishedAt\n    }\n  }\n": types.ConsolePublishRevisionDocument,
    "\n  query ConsoleRegions($locale: String) {\n    regions {\n      id\n      name(locale: $locale)\n    }\n  }\n": types.ConsoleRegionsDocument,
    "\n  query ConsoleRegionRules($id: ID!, $at: DateTime, $locale: String) {\n    region(id: $id, at: $at) {\n      id\n      name(locale: $locale)\n      timeZone\n      feeTable {\n        effectiveFrom\n        rows {\n          category\n          label(locale: $locale)\n          hourlyRateCents\n          taxClass\n          taxClassIsDefault\n        }\n        packages {\n          id\n          label(locale: $locale)\n          priceCents\n        }\n      }\n      cancellationPolicy {\n        description(locale: $locale)\n      }\n      topics {\n        id\n        label(locale: $locale)\n      }\n      taskTypes {\n        id\n        label(locale: $locale)\n        feeCategory\n        paid\n      }\n    }\n  }\n": types.ConsoleRegionRulesDocument,
    "\n  query ConsoleRulesExamples($regionId: ID!, $startsAt: DateTime!, $m0: String!, $m1: String!, $m2: String!) {\n    cancellationDeadline(regionId: $regionId, startsAt: $startsAt)\n    m0: payoutDates(regionId: $regionId, workMonth: $m0) {\n      noticeDueOn\n      paymentOn\n    }\n    m1: payoutDates(regionId: $regionId, workMonth: $m1) {\n      noticeDueOn\n      paymentOn\n    }\n    m2: payoutDates(regionId: $regionId, workMonth: $m2) {\n      noticeDueOn\n      paymentOn\n    }\n  }\n": types.ConsoleRulesExamplesDocument,
    "\n  query ConsoleWorkOrders($regionId: ID!, $filter: OrderFilter, $first: Int, $after: String) {\n    orders(regionId: $regionId, filter: $filter, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      nodes {\n        id\n        title\n        status\n        createdAt\n        expertsNeeded\n        taskType {\n          id\n        }\n        unit {\n          id\n          name\n        }\n        sessions {\n          id\n          startsAt\n        }\n        acceptedExperts {\n          id\n        }\n      }\n    }\n  }\n": types.ConsoleWorkOrdersDocument,
    "\n  query ConsoleWorkOrder($id: ID!) {\n    order(id: $id) {\n      id\n      regionId\n      title\n      status\n      kind\n      description\n      language\n      municipality\n      remote\n      expertsNeeded\n      version\n      taskType {\n        id\n      }\n      topics {\n        id\n      }\n      unit {\n        id\n        name\n      }\n      acceptedExperts {\n        id\n        displayName\n      }\n      sessions {\n        id\n        startsAt\n        endsAt\n        status\n        outcome\n        workedMinutes\n        cancellationDeadline\n      }\n      offers {\n        id\n        status\n        offeredAt\n        respondBy\n        expert {\n          id\n          displayName\n        }\n      }\n    }\n  }\n": types.ConsoleWorkOrderDocument,
    "\n  query ConsoleOfferCandidates($regionId: ID!, $filter: ExpertFilterInput) {\n    experts(regionId: $regionId, filter: $filter, first: 100) {\n      nodes {\n        id\n        displayName\n        languages\n      }\n    }\n  }\n": types.ConsoleOfferCandidatesDocument,
    "\n  query ConsoleUnitOrientations($unitId: ID!) {\n    unitOrientations(unitId: $unitId) {\n      expertId\n    }\n  }\n": types.ConsoleUnitOrientationsDocument,
    "\n  mutation ConsoleOfferOrder($orderId: ID!, $expertIds: [ID!]!, $respondBy: DateTime) {\n    offerOrder(orderId: $orderId, expertIds: $expertIds, respondBy: $respondBy) {\n      id\n      status\n    }\n  }\n": types.ConsoleOfferOrderDocument,
    "\n  mutation ConsoleRecordSessionOutcome($sessionId: ID!, $input: SessionOutcomeInput!) {\n    recordSessionOutcome(sessionId: $sessionId, input: $input) {\n      id\n      status\n      outcome\n    }\n  }\n": types.ConsoleRecordSessionOutcomeDocument,
    "\n  query ConsolePoolRegion($id: ID!, $locale: String) {\n    region(id: $id) {\n      id\n      name(locale: $locale)\n      locales\n      topics {\n        id\n        label(locale: $locale)\n      }\n      taskTypes {\n        id\n        label(locale: $locale)\n      }\n      onboardingSteps {\n        id\n        label(locale: $locale)\n        panel\n      }\n      coordinatorRoles {\n        id\n        label(locale: $locale)\n      }\n    }\n  }\n": types.ConsolePoolRegionDocument,
    "\n  query ConsoleWorkRegion($id: ID!, $locale: String) {\n    region(id: $id) {\n      id\n      name(locale: $locale)\n      timeZone\n      work {\n        unitOrientationRequired\n      }\n      taskTypes {\n        id\n        label(locale: $locale)\n      }\n      topics {\n        id\n        label(locale: $locale)\n      }\n    }\n  }\n": types.ConsoleWorkRegionDocument,
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
export function graphql(source: "\n  query ConsolePayoutPeriod($regionId: ID!, $month: String!) {\n    payoutPeriod(regionId: $regionId, month: $month) {\n      month\n      status\n      noticeDueOn\n      paymentOn\n      notices {\n        payerId\n        unit {\n          id\n          name\n        }\n        externalRequester\n        status\n        approvedAt\n        totalCents\n        totalsByTaxClass {\n          key\n          amountCents\n        }\n        experts {\n          expert {\n            id\n            displayName\n            pseudonym\n          }\n          totalCents\n          confirmed\n          taxCardMissing\n        }\n      }\n    }\n  }\n"): typeof import('./graphql').ConsolePayoutPeriodDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConsoleApprovePayoutNotice($regionId: ID!, $month: String!, $unitId: ID!) {\n    approvePayoutNotice(regionId: $regionId, month: $month, unitId: $unitId) {\n      payerId\n      status\n    }\n  }\n"): typeof import('./graphql').ConsoleApprovePayoutNoticeDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ConsolePayoutCsv($regionId: ID!, $month: String!, $unitId: ID!, $dialect: CsvDialect!) {\n    payoutCsv(regionId: $regionId, month: $month, unitId: $unitId, dialect: $dialect)\n  }\n"): typeof import('./graphql').ConsolePayoutCsvDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ConsolePoolExperts($regionId: ID!, $filter: ExpertFilterInput, $first: Int, $after: String) {\n    experts(regionId: $regionId, filter: $filter, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      nodes {\n        id\n        displayName\n        status\n        languages\n        availableForOffers\n        currentContract {\n          validFrom\n          validTo\n        }\n      }\n    }\n  }\n"): typeof import('./graphql').ConsolePoolExpertsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ConsoleMissingTaxCards($regionId: ID!, $year: Int!) {\n    expertsMissingTaxCard(regionId: $regionId, year: $year, first: 100) {\n      id\n      displayName\n      status\n    }\n  }\n"): typeof import('./graphql').ConsoleMissingTaxCardsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConsoleCreateExpert($input: CreateExpertInput!) {\n    createExpert(input: $input) {\n      id\n      displayName\n      status\n    }\n  }\n"): typeof import('./graphql').ConsoleCreateExpertDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ConsoleAuditEntry on AuditEntry {\n    id\n    at\n    actorId\n    actorName\n    grant\n    action\n    fields\n    operation\n    reason\n    subjectId\n  }\n"): typeof import('./graphql').ConsoleAuditEntryFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ConsoleAuditLog($regionId: ID!, $subjectId: ID, $first: Int, $after: String) {\n    auditLog(regionId: $regionId, subjectId: $subjectId, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      nodes {\n        ...ConsoleAuditEntry\n      }\n    }\n  }\n"): typeof import('./graphql').ConsoleAuditLogDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ConsoleExpertAudit($expertId: ID!, $first: Int, $after: String) {\n    expertAudit(expertId: $expertId, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      nodes {\n        ...ConsoleAuditEntry\n      }\n    }\n  }\n"): typeof import('./graphql').ConsoleExpertAuditDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ConsolePoolExpert($id: ID!, $locale: String) {\n    expert(id: $id) {\n      id\n      regionId\n      displayName\n      status\n      availableForOffers\n      languages\n      municipalities\n      remote\n      topicsPublic\n      introduction(locale: $locale)\n      contact {\n        email\n        phone\n      }\n      topics {\n        id\n        label(locale: $locale)\n      }\n      taskTypes {\n        id\n        label(locale: $locale)\n      }\n      currentContract {\n        validFrom\n        validTo\n      }\n      contracts {\n        id\n        signedOn\n        validFrom\n        validTo\n      }\n      interview {\n        heldOn\n        notes\n        panel {\n          name\n          role\n        }\n      }\n      taxCards {\n        year\n        receivedOn\n      }\n      units {\n        id\n        name\n      }\n    }\n  }\n"): typeof import('./graphql').ConsolePoolExpertDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConsoleRecordInterview($id: ID!, $input: RecordExpertInterviewInput!) {\n    recordExpertInterview(id: $id, input: $input) {\n      id\n      status\n    }\n  }\n"): typeof import('./graphql').ConsoleRecordInterviewDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConsoleSignContract($id: ID!, $input: SignExpertContractInput!) {\n    signExpertContract(id: $id, input: $input) {\n      id\n      status\n    }\n  }\n"): typeof import('./graphql').ConsoleSignContractDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConsoleChangeExpertStatus($id: ID!, $status: ExpertStatus!) {\n    changeExpertStatus(id: $id, status: $status) {\n      id\n      status\n    }\n  }\n"): typeof import('./graphql').ConsoleChangeExpertStatusDocument;
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
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ConsoleWorkOrders($regionId: ID!, $filter: OrderFilter, $first: Int, $after: String) {\n    orders(regionId: $regionId, filter: $filter, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      nodes {\n        id\n        title\n        status\n        createdAt\n        expertsNeeded\n        taskType {\n          id\n        }\n        unit {\n          id\n          name\n        }\n        sessions {\n          id\n          startsAt\n        }\n        acceptedExperts {\n          id\n        }\n      }\n    }\n  }\n"): typeof import('./graphql').ConsoleWorkOrdersDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ConsoleWorkOrder($id: ID!) {\n    order(id: $id) {\n      id\n      regionId\n      title\n      status\n      kind\n      description\n      language\n      municipality\n      remote\n      expertsNeeded\n      version\n      taskType {\n        id\n      }\n      topics {\n        id\n      }\n      unit {\n        id\n        name\n      }\n      acceptedExperts {\n        id\n        displayName\n      }\n      sessions {\n        id\n        startsAt\n        endsAt\n        status\n        outcome\n        workedMinutes\n        cancellationDeadline\n      }\n      offers {\n        id\n        status\n        offeredAt\n        respondBy\n        expert {\n          id\n          displayName\n        }\n      }\n    }\n  }\n"): typeof import('./graphql').ConsoleWorkOrderDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ConsoleOfferCandidates($regionId: ID!, $filter: ExpertFilterInput) {\n    experts(regionId: $regionId, filter: $filter, first: 100) {\n      nodes {\n        id\n        displayName\n        languages\n      }\n    }\n  }\n"): typeof import('./graphql').ConsoleOfferCandidatesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ConsoleUnitOrientations($unitId: ID!) {\n    unitOrientations(unitId: $unitId) {\n      expertId\n    }\n  }\n"): typeof import('./graphql').ConsoleUnitOrientationsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConsoleOfferOrder($orderId: ID!, $expertIds: [ID!]!, $respondBy: DateTime) {\n    offerOrder(orderId: $orderId, expertIds: $expertIds, respondBy: $respondBy) {\n      id\n      status\n    }\n  }\n"): typeof import('./graphql').ConsoleOfferOrderDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConsoleRecordSessionOutcome($sessionId: ID!, $input: SessionOutcomeInput!) {\n    recordSessionOutcome(sessionId: $sessionId, input: $input) {\n      id\n      status\n      outcome\n    }\n  }\n"): typeof import('./graphql').ConsoleRecordSessionOutcomeDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ConsolePoolRegion($id: ID!, $locale: String) {\n    region(id: $id) {\n      id\n      name(locale: $locale)\n      locales\n      topics {\n        id\n        label(locale: $locale)\n      }\n      taskTypes {\n        id\n        label(locale: $locale)\n      }\n      onboardingSteps {\n        id\n        label(locale: $locale)\n        panel\n      }\n      coordinatorRoles {\n        id\n        label(locale: $locale)\n      }\n    }\n  }\n"): typeof import('./graphql').ConsolePoolRegionDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ConsoleWorkRegion($id: ID!, $locale: String) {\n    region(id: $id) {\n      id\n      name(locale: $locale)\n      timeZone\n      work {\n        unitOrientationRequired\n      }\n      taskTypes {\n        id\n        label(locale: $locale)\n      }\n      topics {\n        id\n        label(locale: $locale)\n      }\n    }\n  }\n"): typeof import('./graphql').ConsoleWorkRegionDocument;


export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}
