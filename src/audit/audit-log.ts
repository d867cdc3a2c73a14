import type { FilterQuery } from '@mikro-orm/core';
import { authorize } from '../auth/policy';
import { BadUserInputError } from '../common/errors';
import { isUuid } from '../common/ids';
import { afterPosition, keysetPage, keysetPageRequest, type KeysetPage } from '../common/pagination';
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
