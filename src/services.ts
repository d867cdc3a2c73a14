import type { Orm } from './db/orm';
import type { RegionService } from './region/region.service';

/** Stateless services, built once at start; per-request state travels in the context. */
export interface Services {
  orm: Orm;
  regions: RegionService;
}
