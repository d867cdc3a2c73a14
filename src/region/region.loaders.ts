import DataLoader from 'dataloader';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { RequestContext } from '../context';
import type { PublishedRevisionCache } from './revision-cache';
import type { PublishedRevision } from './rules/revisions';
import { RegionRevision, RevisionStatus } from './region-revision.entity';

/** A published revision as the rules read it. */
export function toPublished(r: RegionRevision): PublishedRevision {
  return { effectiveFrom: r.effectiveFrom, publishedAt: r.publishedAt ?? r.createdAt, changes: r.changes };
}

/**
 * The published revisions of the given regions in one read, kept in the cache on the way. They are
 * read outside any request's transaction (committed, public rows only), so the cache never holds
 * a publish that may yet roll back.
 */
export async function readPublishedRevisions(
  em: EntityManager,
  cache: PublishedRevisionCache,
  regionIds: readonly string[],
): Promise<PublishedRevision[][]> {
  const mark = cache.mark();
  const rows = await em
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
}

/** Per request: the published revisions of each region asked for, fetched for all of them at once. */
export function createRegionLoaders(ctx: RequestContext) {
  return {
    publishedRevisions: new DataLoader<string, PublishedRevision[]>((regionIds) =>
      readPublishedRevisions(ctx.services.orm.em, ctx.services.regions.cache, regionIds),
    ),
  };
}
