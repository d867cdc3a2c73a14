import { grantsIn } from '../auth/policy';
import type { Grant, Role, Viewer } from '../auth/viewer';

/**
 * How a viewer sees one expert. The strongest standing in the expert's region wins:
 * - COORDINATOR: the regional coordinator keeps the pool; everything.
 * - SELF: the expert reading themselves; everything about themselves.
 * - UNIT: a unit coordinator of a unit the expert was inducted in (003 §3: the unit onboards the
 *   expert and pays their fees): contact details and topics, no tax, contract or interview data.
 * - POOL: a professional, or a unit coordinator of another unit: what a search of the pool shows.
 * Other roles (REGION_ADMIN, ANALYST, NATIONAL_ANALYST) read no individual expert.
 */
export type AccessLevel = 'COORDINATOR' | 'SELF' | 'UNIT' | 'POOL';

export interface ExpertAccess {
  level: AccessLevel;
  /** The grant acted under, for the audit log. */
  grant: Grant;
}

/** What the access rules need to know of an expert. */
export interface ExpertFacts {
  regionId: string;
  accountId?: string | null;
  /** Units the expert was inducted in. */
  unitIds?: readonly string[] | null;
}

export function expertAccess(viewer: Viewer, expert: ExpertFacts): ExpertAccess | null {
  if (!viewer.id) return null;
  // One pass over the grants, keeping the first of each standing: called for every field of
  // every expert on a page, so it allocates nothing but what it returns (and that only once).
  let self: Grant | undefined;
  let unit: Grant | undefined;
  let pool: Grant | undefined;
  for (const grant of viewer.grants) {
    if (grant.regionId !== expert.regionId) continue;
    if (grant.role === 'COORDINATOR') return accessOf('COORDINATOR', grant);
    if (grant.role === 'EXPERT') self ??= grant;
    if (
      !unit &&
      grant.role === 'UNIT_COORDINATOR' &&
      grant.unitId !== undefined &&
      expert.unitIds?.includes(grant.unitId)
    )
      unit = grant;
    if (POOL_ROLES.includes(grant.role)) pool ??= grant;
  }
  if (self && expert.accountId && expert.accountId === viewer.id) return accessOf('SELF', self);
  if (unit) return accessOf('UNIT', unit);
  if (pool) return accessOf('POOL', pool);
  return null;
}

/** One frozen answer per grant and level: the same grant always stands the same way. */
const accessByGrant = new WeakMap<Grant, Partial<Record<AccessLevel, ExpertAccess>>>();

function accessOf(level: AccessLevel, grant: Grant): ExpertAccess {
  let levels = accessByGrant.get(grant);
  if (!levels) accessByGrant.set(grant, (levels = {}));
  return (levels[level] ??= Object.freeze({ level, grant }));
}

/** Unit coordinators and professionals see only experts who can take work: ACTIVE under a valid contract. */
export function seesOnlyAvailable(access: ExpertAccess): boolean {
  return access.level === 'UNIT' || access.level === 'POOL';
}

/**
 * Who reads what of an expert, declared once: the expert service reveals a field only to the
 * levels listed and audits the read under `auditFields`; the audit test walks this table.
 * `withTopicConsent`: further levels that read the field while the expert shows their topics
 * (topicsPublic). `audited`: ALWAYS, WHILE_TOPICS_HIDDEN (the value reveals a background the
 * expert keeps hidden) or NEVER (not personal data). The expert's own reads are not audited.
 */
export interface FieldRule {
  readonly readers: readonly AccessLevel[];
  readonly withTopicConsent?: readonly AccessLevel[];
  readonly audited: 'ALWAYS' | 'WHILE_TOPICS_HIDDEN' | 'NEVER';
  readonly auditFields: readonly string[];
}

const KEEPERS: readonly AccessLevel[] = ['COORDINATOR', 'SELF'];
const CLOSE: readonly AccessLevel[] = ['COORDINATOR', 'SELF', 'UNIT'];

/** Keys are the fields of ExpertProfile in the schema. */
export const EXPERT_FIELD_RULES = {
  /** Email and phone: never the pool, never clients. */
  contact: { readers: CLOSE, audited: 'ALWAYS', auditFields: ['email', 'phone'] },
  /** Topics of experience reveal health and criminal history (GDPR Art. 9-10). */
  topics: { readers: CLOSE, withTopicConsent: ['POOL'], audited: 'WHILE_TOPICS_HIDDEN', auditFields: ['topicIds'] },
  /** Names and providers of trainings: a training targeted by background reveals it (001: KEIJO). */
  trainings: { readers: CLOSE, withTopicConsent: ['POOL'], audited: 'WHILE_TOPICS_HIDDEN', auditFields: ['trainings'] },
  /** An earnings limit reveals a disability pension or rehabilitation benefit. */
  earningsLimitOptIn: { readers: KEEPERS, audited: 'ALWAYS', auditFields: ['earningsLimitOptIn'] },
  earningsLimitCents: { readers: KEEPERS, audited: 'ALWAYS', auditFields: ['earningsLimitCents'] },
  interview: { readers: KEEPERS, audited: 'ALWAYS', auditFields: ['interview'] },
  contracts: { readers: KEEPERS, audited: 'ALWAYS', auditFields: ['contracts'] },
  taxCards: { readers: KEEPERS, audited: 'ALWAYS', auditFields: ['taxCards'] },
  /** For editing: only those who may edit the profile. */
  version: { readers: ['COORDINATOR'], audited: 'NEVER', auditFields: [] },
  /** The token subject the coordinator linked; the expert sees it too. */
  accountId: { readers: KEEPERS, audited: 'NEVER', auditFields: [] },
} as const satisfies Record<string, FieldRule>;

export type ExpertField = keyof typeof EXPERT_FIELD_RULES;

/** Fields of ExpertProfile that anyone who may see the expert reads (the audit test checks the two lists cover the type). */
export const OPEN_EXPERT_FIELDS = [
  'id',
  'regionId',
  'status',
  'displayName',
  'pseudonym',
  'introduction',
  'introductionTexts',
  'topicsPublic',
  'languages',
  'municipalities',
  'remote',
  'taskTypes',
  'currentContract',
  'availableForOffers',
  'units',
  'erased',
] as const;

/** Whether the viewer may read the field of this expert. */
export function mayRead(access: ExpertAccess | null, field: ExpertField, topicsPublic: boolean): boolean {
  if (!access) return false;
  const rule: FieldRule = EXPERT_FIELD_RULES[field];
  if (rule.readers.includes(access.level)) return true;
  return topicsPublic && (rule.withTopicConsent ?? []).includes(access.level);
}

/** Whether a read of the field (already allowed) must be written to the audit log. */
export function mustAudit(access: ExpertAccess, field: ExpertField, topicsPublic: boolean): boolean {
  if (access.level === 'SELF') return false;
  const rule: FieldRule = EXPERT_FIELD_RULES[field];
  return rule.audited === 'ALWAYS' || (rule.audited === 'WHILE_TOPICS_HIDDEN' && !topicsPublic);
}

export function canReadContact(access: ExpertAccess | null): boolean {
  return mayRead(access, 'contact', false);
}

export function canReadTopics(access: ExpertAccess | null, topicsPublic: boolean): boolean {
  return mayRead(access, 'topics', topicsPublic);
}

export function canReadTaxData(access: ExpertAccess | null): boolean {
  return mayRead(access, 'taxCards', false);
}

/** Roles that search the pool (the narrower view); COORDINATOR sees the whole register. */
export const POOL_ROLES: readonly Role[] = ['UNIT_COORDINATOR', 'PROFESSIONAL'];

/** Roles that may search the pool of a region. */
export const SEARCH_ROLES: readonly Role[] = ['COORDINATOR', 'UNIT_COORDINATOR', 'PROFESSIONAL'];

/** Roles that read individual experts at all; anyone else is refused alike for every id. */
export const EXPERT_READER_ROLES: readonly Role[] = [...SEARCH_ROLES, 'EXPERT'];

/** Units a viewer coordinates in a region (for the unit-inducted experts they see closer). */
export function coordinatedUnits(viewer: Viewer, regionId: string): string[] {
  return grantsIn(viewer, regionId, ['UNIT_COORDINATOR']).flatMap((g) => (g.unitId ? [g.unitId] : []));
}
