import type { EntityManager } from '@mikro-orm/postgresql';
import { isUuid } from '../common/ids';
import { enterRegions } from '../scope';
import { readableRegionIds } from './policy';
import type { Grant, Role, Viewer } from './viewer';

/** Roles that act for one unit: their grant must name a unit of its region. */
export const UNIT_ROLES: readonly Role[] = ['UNIT_COORDINATOR', 'PROFESSIONAL'];

/** Pure part: keeps the grants that are in force, given the units that exist (id → region). */
export function grantsInForce(grants: readonly Grant[], units: ReadonlyMap<string, string>): Grant[] {
  return grants.filter(
    (g) => !UNIT_ROLES.includes(g.role) || (g.unitId !== undefined && units.get(g.unitId) === g.regionId),
  );
}

/** Unit ids worth looking up: those named by unit-scoped grants, well formed. */
export function namedUnitIds(grants: readonly Grant[]): string[] {
  return [
    ...new Set(grants.flatMap((g) => (UNIT_ROLES.includes(g.role) && g.unitId && isUuid(g.unitId) ? [g.unitId] : []))),
  ];
}

/**
 * The viewer with only the grants in force: a UNIT_COORDINATOR or PROFESSIONAL grant with no
 * unit, an unknown unit or another region's unit opens nothing, while the token's other grants
 * still work. `units` are the named units found behind the token's region walls (see
 * `enterRegions`, which looks them up with the region setting); the walls are narrowed when a
 * grant falls away.
 */
export async function applyGrantsInForce(
  em: EntityManager,
  viewer: Viewer,
  units: ReadonlyMap<string, string>,
): Promise<Viewer> {
  if (!viewer.grants.some((g) => UNIT_ROLES.includes(g.role))) return viewer;
  const grants = grantsInForce(viewer.grants, units);
  if (grants.length === viewer.grants.length) return viewer;
  const narrowed: Viewer = Object.freeze({ ...viewer, grants });
  const before = readableRegionIds(viewer);
  const after = readableRegionIds(narrowed);
  if (after.join(',') !== before.join(',')) await enterRegions(em, after.length ? after : ['']);
  return narrowed;
}
