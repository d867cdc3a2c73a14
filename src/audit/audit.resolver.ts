import { Arg, Ctx, ID, Int, Query, Resolver } from 'type-graphql';
import { toKeysetConnection, type ConnectionShape } from '../common/pagination';
import type { RequestContext } from '../context';
import { listAuditLog, listExpertAudit } from './audit-log';
import type { AuditEntry } from './audit-entry.entity';
import { AuditEntryConnection, AuditEntryType } from './audit.types';

@Resolver()
export class AuditResolver {
  @Query(() => AuditEntryConnection, {
    description: "Who read or changed experts' personal data in a region (REGION_ADMIN), newest first.",
  })
  async auditLog(
    @Arg('regionId', () => ID) regionId: string,
    @Arg('subjectId', () => ID, { nullable: true, description: 'Only entries about this expert.' })
    subjectId: string | null,
    @Arg('first', () => Int, { nullable: true, description: 'Page size, 1 to 100 (default 20).' }) first: number | null,
    @Arg('after', () => String, { nullable: true, description: 'Cursor of the last entry of the previous page.' })
    after: string | null,
    @Ctx() ctx: RequestContext,
  ): Promise<ConnectionShape<AuditEntryType>> {
    return toKeysetConnection(await listAuditLog(ctx, regionId, subjectId, first, after), toEntry);
  }

  @Query(() => AuditEntryConnection, {
    description: "Who read or changed one expert's personal data (the region's COORDINATOR), newest first.",
  })
  async expertAudit(
    @Arg('expertId', () => ID) expertId: string,
    @Arg('first', () => Int, { nullable: true, description: 'Page size, 1 to 100 (default 20).' }) first: number | null,
    @Arg('after', () => String, { nullable: true, description: 'Cursor of the last entry of the previous page.' })
    after: string | null,
    @Ctx() ctx: RequestContext,
  ): Promise<ConnectionShape<AuditEntryType>> {
    return toKeysetConnection(await listExpertAudit(ctx, expertId, first, after), toEntry);
  }
}

function toEntry(e: AuditEntry): AuditEntryType {
  return { ...e, actorName: e.actorName ?? null, operation: e.operation ?? null, reason: e.reason ?? null };
}
