import { MAX_PAGE_SIZE } from '../common/pagination';
import DataLoader from 'dataloader';
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
  fields: string[];
  operation: string | null;
  reason?: string | null;
}

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

function toRow(ctx: RequestScope, fact: AuditFact) {
  return {
    id: crypto.randomUUID(),
    regionId: fact.regionId,
    at: ctx.now(),
    actorId: ctx.viewer.id!,
    actorName: ctx.viewer.name,
    grant: formatGrant(fact.grant),
    action: fact.action,
    subjectType: 'EXPERT',
    subjectId: fact.subjectId,
    fields: fact.fields,
    operation: fact.operation,
    requestId: ctx.requestId,
    reason: fact.reason ?? null,
  };
}

/**
 * Per request: reads of personal data queued by field resolvers are written in one INSERT per
 * tick, in the request's transaction, so a page of 100 experts costs one statement, not 100.
 */
export function createAuditLoaders(ctx: RequestScope) {
  return {
    reads: new DataLoader<AuditFact, true>(
      async (facts) => {
        const rows = facts.map((f) => toRow(ctx, f));
        await ctx.em.insertMany(AuditEntry, rows);
        // The values were read and are sent even if a failed mutation rolls the request back.
        ctx.outcome.afterRollback.push((em) => em.insertMany(AuditEntry, rows).then(() => undefined));
        return facts.map(() => true as const);
      },
      { cache: false },
    ),
  };
}

/** The audit log of expert personal data: who read or changed it, under which grant, when. */
export class AuditService {
  /** Queues a read; written with the other reads of the same tick. */
  async recordRead(ctx: RequestScope, fact: Omit<AuditFact, 'action'>): Promise<void> {
    await ctx.loaders.get(createAuditLoaders).reads.load({ ...fact, action: 'READ' });
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
