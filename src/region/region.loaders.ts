import DataLoader from 'dataloader';
import type { RequestContext } from '../context';
import { RegionRevision, RevisionStatus } from './region-revision.entity';

/** Per request: the published revisions of each region, fetched for all asked regions at once. */
export function createRegionLoaders(ctx: RequestContext) {
  return {
    publishedRevisions: new DataLoader<string, RegionRevision[]>(async (regionIds) => {
      const rows = await ctx.em.find(
        RegionRevision,
        { regionId: { $in: [...regionIds] }, status: RevisionStatus.PUBLISHED },
        { orderBy: { effectiveFrom: 'asc', publishedAt: 'asc' } },
      );
      return regionIds.map((id) => rows.filter((r) => r.regionId === id));
    }),
  };
}
