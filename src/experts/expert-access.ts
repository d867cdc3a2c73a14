import { grantsIn } from '../auth/policy';
import type { Grant, Role, Viewer } from '../auth/viewer';

/**
 * How a viewer sees one expert (3/8 field rules). The strongest grant in the expert's region wins:
 * COORDINATOR (everything), UNIT_COORDINATOR (contact details, no tax data), SELF (the expert:
 * everything about themselves), PROFESSIONAL (the pool: no contact, topics only with consent).
 * Other roles (REGION_ADMIN, ANALYST, NATIONAL_ANALYST) read no individual expert.
 */
export type AccessLevel = 'COORDINATOR' | 'UNIT_COORDINATOR' | 'SELF' | 'PROFESSIONAL';

export interface ExpertAccess {
  level: AccessLevel;
  /** The grant acted under, for the audit log. */
  grant: Grant;
}

const ORDER: Array<[AccessLevel, Role]> = [
  ['COORDINATOR', 'COORDINATOR'],
  ['UNIT_COORDINATOR', 'UNIT_COORDINATOR'],
  ['SELF', 'EXPERT'],
  ['PROFESSIONAL', 'PROFESSIONAL'],
];

export function expertAccess(viewer: Viewer, expert: { regionId: string; accountId?: string | null }): ExpertAccess | null {
  if (!viewer.id) return null;
  for (const [level, role] of ORDER) {
    const grant = grantsIn(viewer, expert.regionId, [role])[0];
    if (!grant) continue;
    if (level === 'SELF' && (!expert.accountId || expert.accountId !== viewer.id)) continue;
    return { level, grant };
  }
  return null;
}

/** Email and phone: coordinators of the region and the expert; never the pool, never clients. */
export function canReadContact(access: ExpertAccess | null): boolean {
  return access?.level === 'COORDINATOR' || access?.level === 'UNIT_COORDINATOR' || access?.level === 'SELF';
}

/** Topics of experience reveal health and criminal history: professionals see them only with consent. */
export function canReadTopics(access: ExpertAccess | null, topicsPublic: boolean): boolean {
  if (!access) return false;
  return access.level !== 'PROFESSIONAL' || topicsPublic;
}

/** Tax cards: the coordinator (who pays) and the expert. */
export function canReadTaxData(access: ExpertAccess | null): boolean {
  return access?.level === 'COORDINATOR' || access?.level === 'SELF';
}

/** Contract contents, interview notes, consents: the coordinator and the expert. */
export function canReadOnboarding(access: ExpertAccess | null): boolean {
  return access?.level === 'COORDINATOR' || access?.level === 'SELF';
}

/** Roles that may search the pool of a region. */
export const SEARCH_ROLES: readonly Role[] = ['COORDINATOR', 'UNIT_COORDINATOR', 'PROFESSIONAL'];
