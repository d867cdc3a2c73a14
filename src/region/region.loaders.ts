import DataLoader from 'dataloader';
import type { RequestContext } from '../context';
import type { PublishedRevision } from './rules/revisions';
import { RegionRevision, RevisionStatus } from './region-revision.entity';

/** A published revision as the rules read it. */
export function toPublished(r: RegionRevision): PublishedRevision {
  return { effectiveFrom: r.effectiveFrom, publishedAt: r.publishedAt ?? r.createdAt, changes: r.changes };
}

/**
 * Per request: the published revisions of each region, fetched for all asked regions at once.
 * They are read outside the request's transaction (committed, public rows only), so what is kept
 * in the process cache never includes a publish that may yet roll back.
 */
export function createRegionLoaders(ctx: RequestContext) {
  const cache = ctx.services.regions.cache;
  return {
    publishedRevisions: new DataLoader<string, PublishedRevision[]>(async (regionIds) => {
      const mark = cache.mark();
      const rows = await ctx.services.orm.em
        .fork()
        .find(
          RegionRevision,
          { regionId: { $in: [...regionIds] }, status: RevisionStatus.PUBLISHED },
          { orderBy: { effectiveFrom: 'asc', publishedAt: 'asc' } },
        );
      return regionIds.map((id) => {
        const revisions = rows.filter((r) => r.regionId === id).map(toPublished);
        cache.put(id, revisions, mark);
        return revisions;
      });
    }),
  };
}
