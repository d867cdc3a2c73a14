import { MAX_PAGE_SIZE } from '../common/pagination';
import { v7 as timeOrderedId } from 'uuid';
import type { GraphQLResolveInfo } from 'graphql';
import { formatGrant } from '../auth/tokens';
import type { Grant } from '../auth/viewer';
import type { RequestScope } from '../scope';
import { AuditEntry } from './audit-entry.entity';

export type AuditAction = 'READ' | 'CHANGE' | 'ERASE';

export interface AuditFact {
  regionId: string;
  grant: Grant;
  action: AuditAction;
  subjectId: string;
  fields: readonly string[];
  operation: string | null;
  reason?: string | null;
}

/** A read of personal data, as the log of reads takes it (its action is READ). */
export type ReadFact = Omit<AuditFact, 'action'>;

/**
 * The operation a read or change belongs to: the client's operation name, else the root field
 * (`expert`, `createExpert`).
 */
export function operationOf(info: GraphQLResolveInfo | undefined): string | null {
  if (!info) return null;
  if (info.operation.name?.value) return info.operation.name.value;
  let path = info.path;
  while (path.prev) path = path.prev;
  return String(path.key);
}

/** A row of the log, with a time-ordered id as `AuditEntry.id` explains. */
function toRow(ctx: RequestScope, fact: AuditFact) {
  return {
    id: timeOrderedId(),
    regionId: fact.regionId,
    at: ctx.now(),
    actorId: ctx.viewer.id!,
    actorName: ctx.viewer.name,
    grant: formatGrant(fact.grant),
    action: fact.action,
    subjectType: 'EXPERT',
    subjectId: fact.subjectId,
    fields: [...fact.fields],
    operation: fact.operation,
    requestId: ctx.requestId,
    reason: fact.reason ?? null,
  };
}

/** The audit log of expert personal data: who read or changed it, under which grant, when. */
export class AuditService {
  /**
   * Queues a read, written with the other reads of the same turn before the unit of work commits,
   * whether it commits or not (see ReadLog).
   */
  recordRead(ctx: RequestScope, fact: ReadFact): void {
    ctx.services.readLog.record(ctx, fact);
  }

  /** Writes a change (or erasure) now, in the request's transaction. */
  async recordChange(ctx: RequestScope, fact: AuditFact): Promise<void> {
    await ctx.em.insert(AuditEntry, toRow(ctx, fact));
  }

  /**
   * The latest entries about one subject, oldest first (for the subject's own data request): a
   * capped list like every other; the whole log is the admin's `auditLog`.
   */
  async aboutSubject(ctx: RequestScope, regionId: string, subjectId: string): Promise<AuditEntry[]> {
    const latest = await ctx.em.find(
      AuditEntry,
      { regionId, subjectId },
      { orderBy: { at: 'desc', id: 'desc' }, limit: MAX_PAGE_SIZE },
    );
    return latest.reverse();
  }
}
