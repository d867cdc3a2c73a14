import { LockMode, OptimisticLockError } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { requireAuthenticated, requireRole } from '../auth/policy';
import { formatGrant } from '../auth/tokens';
import { BadUserInputError, ConflictError, NotFoundError } from '../common/errors';
import { isUuid } from '../common/ids';
import { listCap } from '../common/pagination';
import type { RequestContext } from '../context';
import type { RegionConfig } from './region-config';
import type { RegionRegistry } from './region-registry';
import { RegionRevision, RevisionStatus } from './region-revision.entity';
import { createRegionLoaders, readPublishedRevisions, toPublished } from './region.loaders';
import { cancellationDeadline } from './rules/cancellation-deadline';
import { parseWorkMonth, payoutDates, WorkMonthError, type PayoutDates } from './rules/payout-dates';
import { Temporal } from '@js-temporal/polyfill';
import { diffConfigs, resolveRulesAt, type ResolvedRules } from './rules/revisions';
import { RegionConfigError, validateRegionChanges } from './validate';
import { PublishedRevisionCache, REVISIONS_CHANNEL } from './revision-cache';

export interface ProposeRevisionInput {
  regionId: string;
  effectiveFrom: Date;
  reason: string;
  changes: Record<string, unknown>;
}

/** Region rules as of a date, derived dates, and the admins' revisions of the rules. */
export class RegionService {
  constructor(
    private readonly registry: RegionRegistry,
    /** Published revisions in memory, so public reads of the rules need no database. */
    readonly cache: PublishedRevisionCache = new PublishedRevisionCache(),
  ) {}

  /** Fills the cache with every region's published revisions in one read (at start). */
  async warmCache(em: EntityManager): Promise<void> {
    await readPublishedRevisions(em, this.cache, this.registry.ids());
  }

  /** The rules of every region can be read without the database right now. */
  servesFromMemory(): boolean {
    return this.cache.covers(this.registry.ids());
  }

  list(): RegionConfig[] {
    return this.registry.all();
  }

  find(id: string): RegionConfig | undefined {
    return this.registry.module(id);
  }

  /** The module plus every revision published and effective at `at`. */
  async rulesAt(ctx: RequestContext, regionId: string, at: Date): Promise<ResolvedRules> {
    const module = this.registry.module(regionId);
    if (!module) throw new NotFoundError('region', regionId);
    const revisions =
      this.cache.get(regionId) ?? (await ctx.loaders.get(createRegionLoaders).publishedRevisions.load(regionId));
    return resolveRulesAt(module, revisions, at);
  }

  /** The last instant a task starting at `startsAt` can be cancelled free, under the rules in force at the start. */
  async cancellationDeadline(ctx: RequestContext, regionId: string, startsAt: Date): Promise<Date> {
    const { config } = await this.rulesAt(ctx, regionId, startsAt);
    return cancellationDeadline(config.cancellationPolicy, config.timeZone, startsAt);
  }

  async payoutDates(ctx: RequestContext, regionId: string, workMonth: string): Promise<PayoutDates> {
    const module = this.registry.module(regionId);
    if (!module) throw new NotFoundError('region', regionId);
    try {
      // The schedule in force at the start of the work month, in the region's time zone, decides.
      const { year, month } = parseWorkMonth(workMonth);
      const firstDay = Temporal.PlainDate.from({ year, month, day: 1 }).toZonedDateTime(
        module.timeZone,
      ).epochMilliseconds;
      const { config } = await this.rulesAt(ctx, regionId, new Date(firstDay));
      return payoutDates(config.payoutSchedule, workMonth);
    } catch (error) {
      if (error instanceof WorkMonthError) throw new BadUserInputError('workMonth', error.message);
      throw error;
    }
  }

  async proposeRevision(ctx: RequestContext, input: ProposeRevisionInput): Promise<RegionRevision> {
    const grant = requireRole(ctx.viewer, input.regionId, ['REGION_ADMIN'], 'proposeRegionRevision');
    if (!this.registry.module(input.regionId)) throw new NotFoundError('region', input.regionId);
    if (input.effectiveFrom.getTime() < ctx.now().getTime()) {
      throw new BadUserInputError(
        'effectiveFrom',
        'a revision cannot take effect in the past (fees already earned never change)',
      );
    }
    if (input.reason.trim() === '') throw new BadUserInputError('reason', 'must not be empty');
    if (Object.keys(input.changes).length === 0)
      throw new BadUserInputError('changes', 'must change at least one rule');

    const { config: before } = await this.rulesAt(ctx, input.regionId, input.effectiveFrom);
    const changes = normalizeChanges(input.changes, before);
    let after: RegionConfig;
    try {
      after = validateRegionChanges(before, changes, 'changes');
    } catch (error) {
      if (error instanceof RegionConfigError)
        throw new BadUserInputError(firstPath(error.issues[0]!), error.issues.join('; '));
      throw error;
    }
    const diff = diffConfigs(before, after);
    if (diff.length === 0)
      throw new BadUserInputError('changes', 'changes nothing in the rules in force at effectiveFrom');

    const revision = ctx.em.create(RegionRevision, {
      regionId: input.regionId,
      effectiveFrom: input.effectiveFrom,
      reason: input.reason.trim(),
      changes,
      diff,
      status: RevisionStatus.DRAFT,
      authorId: ctx.viewer.id!,
      authorName: ctx.viewer.name ?? formatGrant(grant),
      createdAt: ctx.now(),
    });
    await ctx.em.flush();
    return revision;
  }

  /**
   * Publishes a draft. Two admins publishing at once: publishing is serialised per region (an
   * advisory lock held to the end of the transaction), so the second waits, sees the first, and
   * gets CONFLICT when its draft no longer applies cleanly or has been published already.
   */
  async publishRevision(ctx: RequestContext, id: string, expectedVersion?: number): Promise<RegionRevision> {
    requireAuthenticated(ctx.viewer, 'publishRegionRevision');
    if (!isUuid(id)) throw new BadUserInputError('id', 'not a region revision id (revision ids are UUIDs)');
    const found = await ctx.em.findOne(RegionRevision, { id });
    // A revision of a region the caller holds no grant in is answered as if it did not exist.
    if (!found || !ctx.viewer.grants.some((g) => g.regionId === found.regionId))
      throw new NotFoundError('region revision', id);
    requireRole(ctx.viewer, found.regionId, ['REGION_ADMIN'], 'publishRegionRevision');
    // Serialise publishing within a region for the rest of this transaction.
    await ctx.em.execute(`select pg_advisory_xact_lock(hashtext('region-revision:' || ?))`, [found.regionId]);
    const revision = await ctx.em.findOneOrFail(
      RegionRevision,
      { id },
      { refresh: true, lockMode: LockMode.PESSIMISTIC_WRITE },
    );
    if (expectedVersion !== undefined && revision.version !== expectedVersion) {
      throw new ConflictError(
        `region revision ${id} was changed by someone else (version ${revision.version}, expected ${expectedVersion})`,
      );
    }
    if (revision.status === RevisionStatus.PUBLISHED)
      throw new ConflictError(`region revision ${id} is already published`);
    if (revision.effectiveFrom.getTime() < ctx.now().getTime()) {
      throw new BadUserInputError(
        'effectiveFrom',
        'the revision would take effect in the past; propose it again with a future date',
      );
    }

    // Re-validate against the rules as they are now, including revisions published meanwhile.
    const published = await ctx.em.find(RegionRevision, {
      regionId: revision.regionId,
      status: RevisionStatus.PUBLISHED,
    });
    const at = revision.effectiveFrom;
    const sameTarget = published.find(
      (p) => p.effectiveFrom.getTime() === at.getTime() && overlaps(p.changes, revision.changes),
    );
    if (sameTarget) {
      throw new ConflictError(
        `another revision (${sameTarget.id}) changing the same rules from the same date was published first`,
      );
    }
    let diffNow: ReturnType<typeof diffConfigs>;
    try {
      const inForce = resolveRulesAt(this.registry.module(revision.regionId)!, published.map(toPublished), at).config;
      diffNow = diffConfigs(inForce, validateRegionChanges(inForce, revision.changes, 'changes'));
    } catch (error) {
      if (error instanceof RegionConfigError)
        throw new ConflictError(`the revision no longer fits the published rules: ${error.issues.join('; ')}`);
      throw error;
    }
    if (diffKey(diffNow) !== diffKey(revision.diff)) {
      throw new ConflictError(
        'the rules changed since this revision was drafted; review the new diff and propose it again',
      );
    }

    revision.status = RevisionStatus.PUBLISHED;
    revision.publishedAt = ctx.now();
    revision.publishedBy = ctx.viewer.id;
    try {
      await ctx.em.flush();
    } catch (error) {
      if (error instanceof OptimisticLockError)
        throw new ConflictError(`region revision ${id} was changed by someone else`);
      throw error;
    }
    // Every instance forgets this region's cached rules when the publish commits (PostgreSQL sends
    // the notification only then); this one also forgets them at once after its own commit, so its
    // next answer is never older than the publish it has just confirmed.
    await ctx.em.execute(`select pg_notify('${REVISIONS_CHANNEL}', ?)`, [revision.regionId]);
    ctx.outcome.afterCommit?.push(() => this.cache.invalidate(revision.regionId));
    return revision;
  }

  async listRevisions(ctx: RequestContext, regionId: string, first?: number | null): Promise<RegionRevision[]> {
    requireRole(ctx.viewer, regionId, ['REGION_ADMIN'], 'regionRevisions');
    if (!this.registry.module(regionId)) throw new NotFoundError('region', regionId);
    // The latest revisions matter most; shown oldest first, as a history reads.
    const latest = await ctx.em.find(
      RegionRevision,
      { regionId },
      { orderBy: { effectiveFrom: 'desc', createdAt: 'desc', id: 'desc' }, limit: listCap(first) },
    );
    return latest.reverse();
  }
}

/** Comparable form of a diff; jsonb storage reorders object keys, so compare values, not text. */
function diffKey(diff: Array<{ path: string; before: unknown; after: unknown }>): string {
  return JSON.stringify(diff.map((d) => [d.path, canonical(d.before), canonical(d.after)]));
}

function canonical(value: unknown): string {
  return (
    JSON.stringify(value, (_key, v: unknown) =>
      v && typeof v === 'object' && !Array.isArray(v)
        ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => a.localeCompare(b)))
        : v,
    ) ?? 'undefined'
  );
}

function overlaps(a: Record<string, unknown>, b: Record<string, unknown>): boolean {
  return Object.keys(a).some((key) => key in b);
}

/** `changes: feeTable.rows[0].hourlyRateCents: expected ...` → `changes.feeTable.rows[0].hourlyRateCents`. */
function firstPath(issue: string): string {
  const [label, path] = issue.split(': ');
  return path && !path.includes(' ') ? `${label}.${path}` : (label ?? 'changes');
}

/**
 * Admins may write changes in the shape the API shows (`cancellationPolicy.localTime`,
 * `payoutSchedule.paymentOnLastDay`); the stored revision uses the config's own shape.
 */
export function normalizeChanges(changes: Record<string, unknown>, base: RegionConfig): Record<string, unknown> {
  const out: Record<string, unknown> = { ...changes };
  const policy = changes.cancellationPolicy;
  if (isObject(policy) && ['hoursBefore', 'daysBefore', 'localTime'].some((k) => k in policy)) {
    const { hoursBefore, daysBefore, localTime, ...rest } = policy;
    const current = base.cancellationPolicy.deadline;
    const deadline =
      hoursBefore !== undefined && hoursBefore !== null
        ? { kind: 'HOURS_BEFORE', hours: hoursBefore }
        : {
            kind: 'DAYS_BEFORE_AT_LOCAL_TIME',
            days: daysBefore ?? (current.kind === 'DAYS_BEFORE_AT_LOCAL_TIME' ? current.days : undefined),
            localTime: localTime ?? (current.kind === 'DAYS_BEFORE_AT_LOCAL_TIME' ? current.localTime : undefined),
          };
    out.cancellationPolicy = { ...rest, deadline };
  }
  const schedule = changes.payoutSchedule;
  if (isObject(schedule) && 'paymentOnLastDay' in schedule) {
    const { paymentOnLastDay, ...rest } = schedule;
    out.payoutSchedule = paymentOnLastDay === true ? { ...rest, paymentDay: 'LAST_DAY' } : rest;
  }
  return out;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
