import { MAX_PAGE_SIZE } from '../common/pagination';
import { v7 as timeOrderedId } from 'uuid';
import type { GraphQLResolveInfo } from 'graphql';
import { formatGrant } from '../auth/tokens';
import type { Grant } from '../auth/viewer';
import { beforeCommit, type RequestScope } from '../scope';
import type { EntityManager } from '@mikro-orm/postgresql';
import { sendWithCommit, sqlLiteral } from '../db/read-sql';
import { AuditEntry } from './audit-entry.entity';
import { mergeReads } from './merge-reads';

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

/**
 * The reads in one INSERT whatever their number: what all of them share (who, when, the request)
 * once, and what differs per read as one JSON value, so that little is encoded per row. It goes
 * with the unit of work's COMMIT, in the same message: a page that shows personal data costs no
 * round trip of its own for the log, and still does not commit, nor answer, unless the log is
 * written. Values go as quoted literals, since that message takes no parameters.
 */
async function insertReads(em: EntityManager, ctx: RequestScope, at: Date, facts: readonly AuditFact[]): Promise<void> {
  const reads = mergeReads(facts).map((read) => ({ i: timeOrderedId(), ...read }));
  const text = (value: string | null | undefined) => (value == null ? 'null' : sqlLiteral(value));
  await sendWithCommit(
    em,
    `insert into audit_entry (id, region_id, at, actor_id, actor_name, "grant", action, subject_type, subject_id,
      fields, operation, request_id, reason)
    select r.i, r.r, ${text(at.toISOString())}::timestamptz, ${text(ctx.viewer.id)}, ${text(ctx.viewer.name)}, r.g,
      'READ', 'EXPERT', r.s, r.f, r.o, ${text(ctx.requestId)}, r.w
    from json_to_recordset(${text(JSON.stringify(reads))}::json) as r(i uuid, r text, g text, s uuid, f text[], o text, w text)`,
  );
}

/**
 * Per unit of work: reads of personal data queued by field resolvers are written in one INSERT
 * per turn of the event loop, sent with the unit's COMMIT, so a page of 100 experts costs no
 * statement of its own, not 100. A read is queued, not awaited: the unit of work waits for the
 * INSERT before it commits (`beforeCommit`), so the request still does not answer unless it is
 * written, while a field resolves at once with its value.
 */
class PendingReads {
  private facts: AuditFact[] = [];
  private scheduled = false;

  constructor(private readonly ctx: RequestScope) {}

  add(fact: AuditFact): void {
    this.facts.push(fact);
    if (this.scheduled) return;
    this.scheduled = true;
    // After every resolver of this turn has run: the reads of a page whose records came with it
    // (contact, topics, trainings) go in one INSERT, not one per field.
    beforeCommit(
      this.ctx,
      new Promise<void>((resolve) => setImmediate(resolve)).then(() => this.write()),
    );
  }

  private async write(): Promise<void> {
    const facts = this.facts;
    this.facts = [];
    this.scheduled = false;
    const { ctx } = this;
    const at = ctx.now();
    await insertReads(ctx.em, ctx, at, facts);
    // The values were read and are sent even if a failed mutation rolls the request back.
    ctx.outcome.afterRollback.push((em) => insertReads(em, ctx, at, facts));
  }
}

const pendingReads = (ctx: RequestScope) => new PendingReads(ctx);

/** The audit log of expert personal data: who read or changed it, under which grant, when. */
export class AuditService {
  /** Queues a read, written with the other reads of the same turn before the unit of work commits. */
  recordRead(ctx: RequestScope, fact: Omit<AuditFact, 'action'>): void {
    ctx.loaders.get(pendingReads).add({ ...fact, action: 'READ' });
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
