import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import pino from 'pino';
import type { Logger } from './common/logger';
import { readRaw, sqlLiteral } from './db/read-sql';
import { WITH_NEXT } from './db/serial-connection';
import type { StatementTally } from './db/statement-counter';
import { inTransaction } from './db/transaction';
import type { Services } from './services';
import { readableRegionIds } from './auth/policy';
import type { Grant, Viewer } from './auth/viewer';

/**
 * Per-unit-of-work loaders, created on first use by the feature that owns them, so that features
 * do not have to be listed here: `scope.loaders.get(createExpertLoaders)`.
 */
export class LoaderRegistry {
  private readonly made = new Map<(scope: RequestScope) => unknown, unknown>();
  constructor(private readonly scope: () => RequestScope) {}

  get<T>(factory: (scope: RequestScope) => T): T {
    if (!this.made.has(factory)) this.made.set(factory, factory(this.scope()));
    return this.made.get(factory) as T;
  }
}

/**
 * What a service method needs to do one unit of work for someone: who acts (viewer), the
 * EntityManager of the unit's transaction, the clock, the per-unit loaders, the log and the other
 * services (the audit among them). An HTTP request makes one; so do command-line jobs (closing a
 * payout month, exports, demo data), with `createScope` or `withSystemScope`. Nothing in it knows
 * about GraphQL.
 */
export interface RequestScope {
  /** Correlates log lines and audit rows of one unit of work. */
  requestId: string;
  viewer: Viewer;
  /** Forked for this unit of work and bound to its transaction. */
  em: EntityManager;
  loaders: LoaderRegistry;
  services: Services;
  log: Logger;
  /** SQL statements issued so far (the HTTP layer reports it; tests prove there is no N+1). */
  tally: StatementTally;
  /**
   * Set when a mutation failed, so that the transaction is rolled back. An object, not a flag,
   * because Apollo hands plugins a shallow copy of the context.
   */
  outcome: {
    mutationFailed: boolean;
    /** Writes to repeat in a fresh transaction if the unit of work is rolled back. */
    afterRollback: Array<(em: EntityManager) => Promise<void>>;
    /** What to do in the process once the transaction has committed (e.g. forget cached rules). */
    afterCommit?: Array<() => void>;
    /** Work started during the request that must succeed before it commits (see `beforeCommit`). */
    pending?: Array<Promise<unknown>>;
  };
  now: () => Date;
  /**
   * The client's key for repeating this unit of work safely (HTTP's Idempotency-Key header): a
   * repeated createOrder with the same key returns the first result.
   */
  idempotencyKey: string | null;
}

export interface ScopeOptions {
  services: Services;
  /** Must already run the region walls (see `withSystemScope`), or be the owner's for setup work. */
  em: EntityManager;
  viewer: Viewer;
  now?: () => Date;
  log?: Logger;
  requestId?: string;
  /** The HTTP layer shares these with its plugins; a job gets fresh ones. */
  tally?: StatementTally;
  outcome?: RequestScope['outcome'];
  idempotencyKey?: string | null;
}

/** A scope over an EntityManager the caller already holds (and whose transaction it controls). */
export function createScope(options: ScopeOptions): RequestScope {
  const scope: RequestScope = {
    requestId: options.requestId ?? randomUUID(),
    viewer: options.viewer,
    em: options.em,
    loaders: new LoaderRegistry(() => scope),
    services: options.services,
    log: options.log ?? pino({ level: 'silent' }),
    tally: options.tally ?? { count: 0, statements: [] },
    outcome: options.outcome ?? { mutationFailed: false, afterRollback: [], afterCommit: [] },
    now: options.now ?? (() => new Date()),
    idempotencyKey: options.idempotencyKey ?? null,
  };
  return scope;
}

/**
 * A job's identity: it acts under the grants it declares, like a person would, so the same policy
 * checks apply and the audit log names it (actor `system:<job>`).
 */
export function systemViewer(job: string, grants: Grant[]): Viewer {
  return Object.freeze({ id: `system:${job}`, name: job, grants });
}

/**
 * Lets work run alongside the rest of the request instead of being awaited now (e.g. the audit
 * log's INSERT of the request's reads, written with other requests' reads); the request or job
 * fails, and does not commit, if it fails.
 */
export function beforeCommit(ctx: RequestScope, work: Promise<unknown>): void {
  // Settled at once, so that a failure is never an unhandled rejection before it is awaited.
  (ctx.outcome.pending ??= []).push(work.then(NO_FAILURE, (error: unknown) => ({ error })));
}

const NO_FAILURE = () => undefined;

/** Waits for the work given to `beforeCommit`, and throws the first failure. */
export async function settlePending(outcome: RequestScope['outcome']): Promise<void> {
  while (outcome.pending?.length) {
    const results = await Promise.all(outcome.pending.splice(0));
    const failed = results.find((r): r is { error: unknown } => r !== undefined);
    if (failed) throw failed.error;
  }
}

/**
 * Runs a job's work in one transaction behind the same two region walls as an HTTP request (the
 * ORM's region filter and PostgreSQL's row-level security setting), then commits.
 */
export async function withSystemScope<T>(
  services: Services,
  options: { job: string; grants: Grant[]; now?: () => Date; log?: Logger },
  work: (scope: RequestScope) => Promise<T>,
): Promise<T> {
  const viewer = systemViewer(options.job, options.grants);
  const regionIds = readableRegionIds(viewer);
  const outcome: RequestScope['outcome'] = { mutationFailed: false, afterRollback: [], afterCommit: [] };
  const result = await inTransaction(services.orm.em, async (em) => {
    await enterRegions(em, regionIds);
    const done = await work(
      createScope({ services, em, viewer, now: options.now, log: options.log?.child({ job: options.job }), outcome }),
    );
    await settlePending(outcome);
    return done;
  });
  for (const done of outcome.afterCommit ?? []) done();
  return result;
}

/**
 * Opens the region walls for the regions given, inside the caller's transaction: the ORM filter
 * and the transaction-local setting that row-level security reads, so a pooled connection never
 * carries one unit of work's regions into the next. With `unitIds`, also answers in which region
 * each of those units is (behind the walls just opened), for the grants in force. `settings` are
 * more transaction-local settings, sent in the same statement.
 *
 * The setting goes as a quoted literal, not a bind parameter: a statement without parameters
 * travels in the message of the transaction's next statement (and, while the transaction only
 * reads, of each of its reads), costing no round trip of its own (src/db/serial-connection.ts);
 * `sqlLiteral` quotes it safely.
 */
/**
 * The call that sets the transaction-local setting row-level security reads: the regions a unit of
 * work may touch. `quote` is `sqlLiteral` for statements that go through knex, `textLiteral` for
 * those sent to the driver itself.
 */
export function regionSetting(regionIds: readonly string[], quote: (value: string) => string = sqlLiteral): string {
  return `set_config('app.region_ids', ${quote(regionIds.join(','))}, true)`;
}

export async function enterRegions(
  em: EntityManager,
  regionIds: readonly string[],
  unitIds: readonly string[] = [],
  settings: Readonly<Record<string, string>> = {},
): Promise<Map<string, string>> {
  em.setFilterParams('region', { regionIds: [...regionIds] });
  if (!regionIds.length) return new Map();
  const configured = Object.entries(settings).map(
    ([name, value]) => `, set_config(${sqlLiteral(name)}, ${sqlLiteral(value)}, true)`,
  );
  const setting = `select ${regionSetting(regionIds)}${configured.join('')}`;
  // Nothing to read back: the setting goes ahead of the transaction's statements.
  await readRaw(em, `${WITH_NEXT}${setting}`);
  if (!unitIds.length) return new Map();
  const lookup = `select id::text as id, region_id as "regionId" from unit where id in (${unitIds.map(sqlLiteral).join(', ')})`;
  const { rows: units } = (await readRaw(em, lookup)) as { rows: Array<{ id: string; regionId: string }> };
  return new Map(units.map((u) => [u.id, u.regionId]));
}
