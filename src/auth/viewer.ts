/** The roles a grant can give, each within one region (NATIONAL_ANALYST: aggregates of all regions). */
export const ROLES = [
  'REGION_ADMIN',
  'COORDINATOR',
  'UNIT_COORDINATOR',
  'PROFESSIONAL',
  'EXPERT',
  'ANALYST',
  'NATIONAL_ANALYST',
] as const;
export type Role = (typeof ROLES)[number];

export interface Grant {
  role: Role;
  regionId: string;
  unitId?: string;
}

/** Who is calling: from the bearer token, or anonymous. */
export interface Viewer {
  id: string | null;
  name: string | null;
  grants: Grant[];
}

export const ANONYMOUS: Viewer = Object.freeze({ id: null, name: null, grants: [] });
