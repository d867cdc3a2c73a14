import { ForbiddenError, UnauthenticatedError } from '../common/errors';
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
