import { ForbiddenError, NotFoundError, UnauthenticatedError } from '../common/errors';
import { OPERATION_POLICIES, type OperationName, type OperationPolicy } from './policies';
import type { Grant, Role, Viewer } from './viewer';

/** Grants of the viewer in one region, optionally limited to the given roles. */
export function grantsIn(viewer: Viewer, regionId: string, roles?: readonly Role[]): Grant[] {
  return viewer.grants.filter((g) => g.regionId === regionId && (!roles || roles.includes(g.role)));
}

export function hasRole(viewer: Viewer, regionId: string, roles: readonly Role[]): boolean {
  return grantsIn(viewer, regionId, roles).length > 0;
}

/**
 * The grant under which the viewer acts, or UNAUTHENTICATED without a token and FORBIDDEN
 * without a fitting role. The grant is what the audit log records.
 */
export function requireRole(viewer: Viewer, regionId: string, roles: readonly Role[], action: string): Grant {
  if (!viewer.id) throw new UnauthenticatedError(`${action} requires a token`);
  const grant = grantsIn(viewer, regionId, roles)[0];
  if (!grant) throw new ForbiddenError(`${action} requires the role ${roles.join(' or ')} in region ${regionId}`);
  return grant;
}

export function requireAuthenticated(viewer: Viewer, action: string): void {
  if (!viewer.id) throw new UnauthenticatedError(`${action} requires a token`);
}

/**
 * Regions whose individual rows the viewer may read: every region it holds a grant in, except
 * through NATIONAL_ANALYST, which sees aggregates only. This list feeds both walls: the ORM's
 * region filter and PostgreSQL's row-level security setting.
 */
export function readableRegionIds(viewer: Viewer): string[] {
  return [...new Set(viewer.grants.filter((g) => g.role !== 'NATIONAL_ANALYST').map((g) => g.regionId))].sort();
}

/** The field name of `Query.x` / `Mutation.y`, as messages name operations. */
function actionOf(operation: string): string {
  return operation.slice(operation.indexOf('.') + 1);
}

function declared<K extends OperationPolicy['access']>(
  operation: OperationName,
  access: K,
): Extract<OperationPolicy, { access: K }> {
  const policy: OperationPolicy = OPERATION_POLICIES[operation];
  if (policy.access !== access) throw new Error(`${operation} is declared ${policy.access}, not ${access}`);
  return policy as Extract<OperationPolicy, { access: K }>;
}

/**
 * For a service whose region comes from its arguments: the grant under which the viewer may run
 * `operation` in `regionId`, by the operation's declared policy; UNAUTHENTICATED or FORBIDDEN else.
 */
export function authorize(scope: { viewer: Viewer }, operation: OperationName, regionId: string): Grant {
  return requireRole(scope.viewer, regionId, declared(operation, 'REGION').roles, actionOf(operation));
}

/**
 * For a service whose region comes from a stored row, once it has loaded the row: a row of a
 * region whose rows the viewer cannot read does not exist for it (NOT_FOUND); otherwise the grant
 * under which it may act on the row, or FORBIDDEN.
 */
export function authorizeRow(
  scope: { viewer: Viewer },
  operation: OperationName,
  row: { id: string; regionId: string },
): Grant {
  const policy = declared(operation, 'STORED_ROW');
  return checkRow(scope.viewer, policy, actionOf(operation), row);
}

/**
 * For a service whose region comes from a stored row, before it looks the row up: a token is
 * needed, and under `refuseOtherRoles` one of the declared roles somewhere.
 */
export function authorizeRowLookup(scope: { viewer: Viewer }, operation: OperationName): void {
  checkRowLookup(scope.viewer, declared(operation, 'STORED_ROW'), actionOf(operation));
}

type RowPolicy = Extract<OperationPolicy, { access: 'STORED_ROW' }>;
type AnalysisPolicy = Extract<OperationPolicy, { access: 'ANALYSIS' }>;

/**
 * For aggregates over several regions: the viewer's national role reads every region; otherwise
 * each region asked for needs one of the policy's roles there.
 */
export function checkAnalysis(
  viewer: Viewer,
  policy: AnalysisPolicy,
  action: string,
  regionIds: readonly string[],
): void {
  if (!viewer.id) throw new UnauthenticatedError(`${action} requires a token`);
  if (viewer.grants.some((g) => g.role === policy.national)) return;
  if (!viewer.grants.some((g) => policy.roles.includes(g.role)))
    throw new ForbiddenError(`${action} requires the role ${[...policy.roles, policy.national].join(' or ')}`);
  for (const regionId of regionIds) requireRole(viewer, regionId, policy.roles, action);
}

/** For a service answering aggregates: the declared ANALYSIS policy of `operation`, checked for `regionIds`. */
export function authorizeAnalysis(
  scope: { viewer: Viewer },
  operation: OperationName,
  regionIds: readonly string[],
): void {
  checkAnalysis(scope.viewer, declared(operation, 'ANALYSIS'), actionOf(operation), regionIds);
}

/** The check before a stored row is looked up, shared by services and the resolver guard. */
export function checkRowLookup(viewer: Viewer, policy: RowPolicy, action: string): void {
  if (!viewer.id) throw new UnauthenticatedError(`${action} requires a token`);
  if (policy.refuseOtherRoles && !viewer.grants.some((g) => policy.roles.includes(g.role))) {
    throw new ForbiddenError(`${action} requires the role ${policy.roles.join(' or ')}`);
  }
}

/** The check once a stored row is loaded, shared by services and the resolver guard. */
export function checkRow(
  viewer: Viewer,
  policy: RowPolicy,
  action: string,
  row: { id: string; regionId: string },
): Grant {
  checkRowLookup(viewer, policy, action);
  if (!readableRegionIds(viewer).includes(row.regionId)) throw new NotFoundError(policy.noun, row.id);
  // Where the caller holds none of the roles in the row's region (an analyst there who coordinates
  // elsewhere), the row answers as a missing one would, so its existence is not revealed either.
  if (policy.refuseOtherRoles && !hasRole(viewer, row.regionId, policy.roles))
    throw new NotFoundError(policy.noun, row.id);
  return requireRole(viewer, row.regionId, policy.roles, action);
}
