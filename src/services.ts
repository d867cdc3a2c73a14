import type { Orm } from './db/orm';

/** Stateless services, built once at start; per-request state travels in the context. */
export interface Services {
  orm: Orm;
}
