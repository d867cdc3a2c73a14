import { ROLES, type Role } from './viewer';

/**
 * Who may call each operation of the API, declared once. The resolver guard (policy-guard.ts)
 * refuses an operation that has no entry here, services check the same entry before they act
 * (so a command-line job calling the service meets the same rule), and the isolation matrix test
 * derives every role's expected outcome from it.
 */
export type OperationPolicy =
  /** Anyone, with or without a token. */
  | { readonly access: 'PUBLIC' }
  /**
   * One of `roles` in the region that the argument at `regionArg` names (a path such as
   * `input.regionId`). Without such a grant: FORBIDDEN.
   */
  | { readonly access: 'REGION'; readonly roles: readonly Role[]; readonly regionArg: string }
  /**
   * Aggregates over the regions listed at `regionsArg`: `national` anywhere reads every region,
   * `roles` read the regions where they hold one of them. Anyone else: FORBIDDEN.
   */
  | {
      readonly access: 'ANALYSIS';
      readonly roles: readonly Role[];
      readonly national: Role;
      readonly regionsArg: string;
    }
  /**
   * One of `roles` in the region of a stored row, the `row` entity whose id is the argument
   * `idArg`. A row of a region whose rows the caller cannot read does not exist for it
   * (NOT_FOUND, as `noun id not found`); one it can read but may not act on is FORBIDDEN.
   */
  | {
      readonly access: 'STORED_ROW';
      readonly roles: readonly Role[];
      readonly row: string;
      readonly idArg: string;
      readonly noun: string;
      /**
       * When even the existence of a row is personal data: a caller who holds none of `roles` in
       * any region is refused (FORBIDDEN) before any row is looked up, so the answer never
       * depends on whether the id exists.
       */
      readonly refuseOtherRoles?: boolean;
    };

/** Every role with rows in a region; units are not personal data. */
const REGION_MEMBERS: readonly Role[] = ROLES.filter((role) => role !== 'NATIONAL_ANALYST');
/** Roles that may search a region's pool of experts. */
const POOL_SEARCHERS: readonly Role[] = ['COORDINATOR', 'UNIT_COORDINATOR', 'PROFESSIONAL'];

const PUBLIC = { access: 'PUBLIC' } as const;
const inRegion = (roles: readonly Role[], regionArg = 'regionId') => ({ access: 'REGION', roles, regionArg }) as const;
const onRow = (roles: readonly Role[], row: string, noun: string, idArg = 'id') =>
  ({ access: 'STORED_ROW', roles, row, noun, idArg }) as const;
const expertRow = (roles: readonly Role[] = ['COORDINATOR']) => onRow(roles, 'Expert', 'expert');
/** The side that orders: the region's coordinator, the unit's coordinator and professionals. */
const ORDERING_SIDE: readonly Role[] = ['COORDINATOR', 'UNIT_COORDINATOR', 'PROFESSIONAL'];
const ORDER_READERS: readonly Role[] = [...ORDERING_SIDE, 'EXPERT'];
const orderRow = (roles: readonly Role[]) => onRow(roles, 'Order', 'order', 'orderId');
const sessionRow = (roles: readonly Role[]) => onRow(roles, 'OrderSession', 'session', 'sessionId');

export const OPERATION_POLICIES = {
  // Region rules: frontends show them before login.
  'Query.regions': PUBLIC,
  'Query.region': PUBLIC,
  'Query.cancellationDeadline': PUBLIC,
  'Query.payoutDates': PUBLIC,
  // Null without a token.
  'Query.viewer': PUBLIC,
  'Query.regionRevisions': inRegion(['REGION_ADMIN']),
  'Mutation.proposeRegionRevision': inRegion(['REGION_ADMIN'], 'input.regionId'),
  'Mutation.publishRegionRevision': onRow(['REGION_ADMIN'], 'RegionRevision', 'region revision'),

  'Query.units': inRegion(REGION_MEMBERS),
  'Mutation.createUnit': inRegion(['REGION_ADMIN'], 'input.regionId'),
  'Mutation.updateUnit': onRow(['REGION_ADMIN'], 'Unit', 'unit'),

  'Query.auditLog': inRegion(['REGION_ADMIN']),
  // The coordinator answers an expert's questions about who read their data.
  'Query.expertAudit': onRow(['COORDINATOR'], 'Expert', 'expert', 'expertId'),

  // The expert service narrows these further (an EXPERT sees only themselves, a PROFESSIONAL only available experts).
  // Roles that read no individual expert cannot probe which expert ids exist.
  'Query.expert': {
    ...expertRow(['COORDINATOR', 'UNIT_COORDINATOR', 'PROFESSIONAL', 'EXPERT']),
    refuseOtherRoles: true,
  },
  'Query.experts': inRegion(POOL_SEARCHERS),
  'Query.expertsMissingTaxCard': inRegion(['COORDINATOR']),
  'Query.myData': inRegion(['EXPERT']),
  'Mutation.updateMyConsent': inRegion(['EXPERT']),
  'Mutation.createExpert': inRegion(['COORDINATOR'], 'input.regionId'),
  'Mutation.updateExpertProfile': expertRow(),
  'Mutation.recordExpertInterview': expertRow(),
  'Mutation.signExpertContract': expertRow(),
  'Mutation.changeExpertStatus': expertRow(),
  'Mutation.addExpertTraining': expertRow(),
  'Mutation.recordTaxCard': expertRow(),
  'Mutation.eraseExpert': expertRow(),

  // Orders. The order service narrows these further: unit coordinators and professionals reach
  // their own unit's orders, an expert only orders offered to them, and who may offer follows
  // the region's ordering model. Roles that see no order cannot probe which ids exist.
  'Query.order': { ...onRow(ORDER_READERS, 'Order', 'order'), refuseOtherRoles: true },
  'Query.orders': inRegion(ORDERING_SIDE),
  'Query.myOffers': inRegion(['EXPERT']),
  'Query.mySessions': inRegion(['EXPERT']),
  'Query.notifications': inRegion(['COORDINATOR']),
  'Mutation.createOrder': inRegion(['COORDINATOR', 'PROFESSIONAL'], 'input.regionId'),
  'Mutation.submitOrder': orderRow(ORDERING_SIDE),
  'Mutation.offerOrder': orderRow(['COORDINATOR', 'PROFESSIONAL']),
  'Mutation.cancelOrder': orderRow(ORDERING_SIDE),
  'Mutation.addOrderSession': orderRow(ORDERING_SIDE),
  'Mutation.recordDebriefing': orderRow(ORDERING_SIDE),
  'Mutation.withdrawFromOrder': orderRow(['EXPERT']),
  'Mutation.respondToOffer': onRow(['EXPERT'], 'Offer', 'offer', 'offerId'),
  'Mutation.cancelSession': sessionRow(ORDERING_SIDE),
  'Mutation.rescheduleSession': sessionRow(ORDERING_SIDE),
  'Mutation.recordSessionOutcome': sessionRow(ORDERING_SIDE),
  'Mutation.writeSessionReport': sessionRow(['EXPERT']),

  // Fees: the fee service narrows a unit coordinator to their unit's notice.
  'Query.payoutPeriod': inRegion(['COORDINATOR', 'UNIT_COORDINATOR']),
  'Query.payoutCsv': inRegion(['COORDINATOR', 'UNIT_COORDINATOR']),
  'Mutation.approvePayoutNotice': inRegion(['COORDINATOR', 'UNIT_COORDINATOR']),
  'Mutation.closePayoutPeriod': inRegion(['COORDINATOR']),
  'Query.myMonth': inRegion(['EXPERT']),
  'Mutation.confirmMyMonth': inRegion(['EXPERT']),
  'Query.myEarnings': inRegion(['EXPERT']),
  'Query.expertsNearEarningsLimit': inRegion(['COORDINATOR']),

  // Around the work: the unit's instructions and orientation (the unit service narrows a unit
  // coordinator to their own unit), supervision and peer meetings.
  'Mutation.updateUnitInstructions': onRow(['COORDINATOR', 'UNIT_COORDINATOR'], 'Unit', 'unit', 'unitId'),
  'Mutation.markExpertOriented': onRow(['COORDINATOR', 'UNIT_COORDINATOR'], 'Unit', 'unit', 'unitId'),
  'Query.unitOrientations': onRow(['COORDINATOR', 'UNIT_COORDINATOR'], 'Unit', 'unit', 'unitId'),
  'Mutation.recordReceptionShift': inRegion(['COORDINATOR', 'UNIT_COORDINATOR'], 'input.regionId'),
  'Query.receptionShifts': inRegion(['COORDINATOR', 'UNIT_COORDINATOR', 'EXPERT']),
  // Feedback: the feedback service narrows to the order's experts and its unit's professionals.
  'Mutation.submitFeedback': onRow(['PROFESSIONAL', 'EXPERT'], 'Order', 'order', 'orderId'),
  'Mutation.feedbackLink': onRow(['PROFESSIONAL'], 'Order', 'order', 'orderId'),
  // Anyone holding a one-time link: the client has no account.
  'Mutation.submitClientFeedback': PUBLIC,
  'Query.myFeedback': inRegion(['EXPERT']),
  // Aggregates for analysts: never rows about individuals.
  'Query.metrics': {
    access: 'ANALYSIS',
    roles: ['ANALYST'],
    national: 'NATIONAL_ANALYST',
    regionsArg: 'input.regionIds',
  },
  'Query.metricsCsv': {
    access: 'ANALYSIS',
    roles: ['ANALYST'],
    national: 'NATIONAL_ANALYST',
    regionsArg: 'input.regionIds',
  },
  'Mutation.recordSupportMeeting': inRegion(['COORDINATOR'], 'input.regionId'),
  'Query.expertsWithoutSupport': inRegion(['COORDINATOR']),
} as const satisfies Record<`${'Query' | 'Mutation'}.${string}`, OperationPolicy>;

export type OperationName = keyof typeof OPERATION_POLICIES;

/** The declared policy of `Query.x` / `Mutation.y`, or undefined when none is declared. */
export function policyOf(operation: string): OperationPolicy | undefined {
  return Object.hasOwn(OPERATION_POLICIES, operation)
    ? (OPERATION_POLICIES as Record<string, OperationPolicy>)[operation]
    : undefined;
}
