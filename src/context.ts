import type { EntityManager } from '@mikro-orm/postgresql';
import type { Logger } from './common/logger';
import type { StatementTally } from './db/statement-counter';
import type { Services } from './services';
import type { Viewer } from './auth/viewer';

/**
 * Per-request loaders, created on first use by the feature that owns them, so that features do
 * not have to be listed here: `ctx.loaders.get(createExpertLoaders)`.
 */
export class LoaderRegistry {
  private readonly made = new Map<(ctx: RequestContext) => unknown, unknown>();
  constructor(private readonly ctx: () => RequestContext) {}

  get<T>(factory: (ctx: RequestContext) => T): T {
    if (!this.made.has(factory)) this.made.set(factory, factory(this.ctx()));
    return this.made.get(factory) as T;
  }
}

/** What every resolver receives: built fresh for each request. */
export interface RequestContext {
  requestId: string;
  viewer: Viewer;
  /** Forked for this request and bound to its transaction. */
  em: EntityManager;
  loaders: LoaderRegistry;
  services: Services;
  log: Logger;
  tally: StatementTally;
  /**
   * Set when a mutation failed, so that the request's transaction is rolled back. An object, not
   * a flag, because Apollo hands plugins a shallow copy of the context.
   */
  outcome: {
    mutationFailed: boolean;
    /** Writes to repeat in a fresh transaction if the request is rolled back. */
    afterRollback: Array<(em: EntityManager) => Promise<void>>;
  };
  now: () => Date;
}
