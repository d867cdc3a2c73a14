import pg from 'pg';
import type { Logger } from '../common/logger';
import type { PublishedRevision } from './rules/revisions';

/**
 * Queries answered from the region modules and the cached revisions alone: when every root field
 * of an operation is one of these and the cache is warm, the request opens no transaction.
 */
export const REGION_RULE_QUERIES: ReadonlySet<string> = new Set([
  'regions',
  'region',
  'cancellationDeadline',
  'payoutDates',
  '__typename',
]);

/** The PostgreSQL channel on which a publish announces its region (sent when it commits). */
export const REVISIONS_CHANNEL = 'region_revisions';

/**
 * The published revisions of each region, kept in the process so that public reads of region
 * rules need no database. Trusted only while a LISTEN connection can tell this process of a
 * publish by any instance: without it, every read goes to the database.
 */
export class PublishedRevisionCache {
  private readonly byRegion = new Map<string, PublishedRevision[]>();
  /** Bumped by every invalidation, so a read that started before one does not store stale rows. */
  private generation = 0;
  private trusted = false;

  /** Changes whenever what the cache holds may have become stale; answers kept elsewhere key on it. */
  get currentGeneration(): number {
    return this.generation;
  }

  /** The effective instants (ms) of every revision held, whatever its region. */
  effectiveInstants(): number[] {
    return [...this.byRegion.values()].flatMap((revisions) => revisions.map((r) => r.effectiveFrom.getTime()));
  }

  get(regionId: string): PublishedRevision[] | undefined {
    return this.trusted ? this.byRegion.get(regionId) : undefined;
  }

  /** Marks the start of a read from the database; pass the mark to `put`. */
  mark(): number {
    return this.generation;
  }

  /** Keeps what a read saw, unless the cache was invalidated since the read began. */
  put(regionId: string, revisions: PublishedRevision[], mark: number): void {
    if (this.trusted && mark === this.generation) this.byRegion.set(regionId, revisions);
  }

  /** Forgets one region's revisions (a publish), or all of them. */
  invalidate(regionId?: string): void {
    this.generation++;
    if (regionId) this.byRegion.delete(regionId);
    else this.byRegion.clear();
  }

  /** Every one of these regions can be answered from memory. */
  covers(regionIds: readonly string[]): boolean {
    return this.trusted && regionIds.every((id) => this.byRegion.has(id));
  }

  /** Whether invalidations can reach this process; either way, what was kept is forgotten. */
  setTrusted(trusted: boolean): void {
    this.trusted = trusted;
    this.invalidate();
  }
}

/**
 * Listens on REVISIONS_CHANNEL on a dedicated connection and invalidates the cache on each
 * notification. While the connection is down (database restart, network) the cache is not
 * trusted, and the listener reconnects every second.
 */
export async function listenForPublishedRevisions(
  url: string,
  cache: PublishedRevisionCache,
  log: Logger,
): Promise<{ close(): Promise<void> }> {
  let client: pg.Client | undefined;
  let closed = false;
  let retry: NodeJS.Timeout | undefined;

  const lost = (lostClient: pg.Client, reason: string) => {
    if (client !== lostClient) return;
    client = undefined;
    cache.setTrusted(false);
    log.warn(
      { reason },
      'region rules: lost the notification connection; reading rules from the database until it is back',
    );
    lostClient.end().catch(() => undefined);
    schedule();
  };
  const schedule = () => {
    if (!closed) retry = setTimeout(() => void connect(), 1_000).unref();
  };
  async function connect(): Promise<void> {
    if (closed) return;
    const candidate = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2_000 });
    candidate.on('notification', (message) => cache.invalidate(message.payload || undefined));
    candidate.on('error', (error) => lost(candidate, error.message));
    candidate.on('end', () => lost(candidate, 'connection ended'));
    try {
      await candidate.connect();
      await candidate.query(`listen ${REVISIONS_CHANNEL}`);
      if (closed) {
        await candidate.end();
        return;
      }
      client = candidate;
      // Revisions may have been published while nobody listened: start from an empty cache.
      cache.setTrusted(true);
    } catch (error) {
      candidate.removeAllListeners('end');
      candidate.end().catch(() => undefined);
      log.warn({ reason: (error as Error).message }, 'region rules: cannot listen for published revisions; retrying');
      schedule();
    }
  }

  await connect();
  return {
    async close() {
      closed = true;
      if (retry) clearTimeout(retry);
      const current = client;
      client = undefined;
      cache.setTrusted(false);
      if (current) {
        current.removeAllListeners('end');
        await current.end().catch(() => undefined);
      }
    },
  };
}
