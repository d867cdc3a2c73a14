import type { FilterQuery } from '@mikro-orm/core';
import { authorize, authorizeRow, authorizeRowLookup } from '../auth/policy';
import { BadUserInputError, NotFoundError } from '../common/errors';
import { isUuid } from '../common/ids';
import { afterPosition, keysetPage, keysetPageRequest, type KeysetPage } from '../common/pagination';
import { readRows } from '../db/read-sql';
import type { RequestScope } from '../scope';
import { AuditEntry } from './audit-entry.entity';

/**
 * For REGION_ADMIN: the audit entries of a region, optionally about one subject, newest first,
 * a keyset page at a time: entries written while the admin pages (every read of personal data
 * writes one) never push an entry already shown onto the next page.
 */
export async function listAuditLog(
  scope: RequestScope,
  regionId: string,
  subjectId: string | null | undefined,
  first?: number | null,
  after?: string | null,
): Promise<KeysetPage<AuditEntry>> {
  authorize(scope, 'Query.auditLog', regionId);
  if (subjectId && !isUuid(subjectId)) throw new BadUserInputError('subjectId', 'not an expert id');
  return auditPage(scope, regionId, subjectId, first, after);
}

/**
 * For the region's COORDINATOR, who answers experts' questions about their data: who read or
 * changed one expert's personal data, newest first. An expert outside the coordinator's regions
 * does not exist for them (NOT_FOUND).
 */
export async function listExpertAudit(
  scope: RequestScope,
  expertId: string,
  first?: number | null,
  after?: string | null,
): Promise<KeysetPage<AuditEntry>> {
  authorizeRowLookup(scope, 'Query.expertAudit');
  // The row's region only; row-level security hides experts of other regions.
  const [expert] = isUuid(expertId)
    ? await readRows<{ id: string; regionId: string }>(
        scope.em,
        `select id, region_id as "regionId" from expert where id = ?`,
        [expertId],
      )
    : [];
  if (!expert) throw new NotFoundError('expert', expertId);
  authorizeRow(scope, 'Query.expertAudit', expert);
  return auditPage(scope, expert.regionId, expert.id, first, after);
}

async function auditPage(
  scope: RequestScope,
  regionId: string,
  subjectId: string | null | undefined,
  first?: number | null,
  after?: string | null,
): Promise<KeysetPage<AuditEntry>> {
  const request = keysetPageRequest(first, after);
  const where = { regionId, ...(subjectId ? { subjectId } : {}) } as FilterQuery<AuditEntry>;
  const rows = await scope.em.find(
    AuditEntry,
    { $and: [where, afterPosition('at', 'desc', request.after) as FilterQuery<AuditEntry>] },
    {
      orderBy: { at: 'desc', id: 'desc' },
      limit: request.limit + 1,
    },
  );
  return keysetPage(
    rows,
    request,
    (e) => e.at,
    () => scope.em.count(AuditEntry, where),
  );
}
