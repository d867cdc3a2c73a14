import { Arg, Ctx, ID, Int, Query, Resolver } from 'type-graphql';
import { toKeysetConnection, type ConnectionShape } from '../common/pagination';
import type { RequestContext } from '../context';
import { listAuditLog } from './audit-log';
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
    const page = await listAuditLog(ctx, regionId, subjectId, first, after);
    return toKeysetConnection(page, (e) => ({
      ...e,
      actorName: e.actorName ?? null,
      operation: e.operation ?? null,
      reason: e.reason ?? null,
    }));
  }
}
