import type { EntityManager } from '@mikro-orm/postgresql';
import type { Logger } from '../common/logger';
import type { Grant } from '../auth/viewer';
import { withSystemScope, type RequestScope } from '../scope';
import type { Services } from '../services';
import { AppState } from '../system/app-state.entity';

const MARKER = 'demo-data';

/**
 * A step that adds demo rows; each feature contributes its own. `scope` acts as the job
 * `system:demo-data` under REGION_ADMIN and COORDINATOR grants in every region, so a step can
 * build its rows through the same service methods (and checks) as the API.
 */
export type DemoDataStep = (em: EntityManager, scope: RequestScope) => Promise<void>;

/**
 * The demo's fixed clock: 1 December of last year, 09:00 UTC. Steps date everything from it, so
 * every first start in a year builds the same rows, none dated in the future, and contracts
 * signed "until the end of next year" stay valid until the end of this one.
 */
export function demoClock(today: Date = new Date()): Date {
  return new Date(Date.UTC(today.getUTCFullYear() - 1, 11, 1, 9, 0, 0));
}

/**
 * Loads demo data on the first start only: a marker row records that it ran, so a second start
 * keeps whatever the developer changed since. `services` must run on the schema owner's ORM.
 */
export async function loadDemoDataOnce(
  services: Services,
  steps: DemoDataStep[],
  log: Logger,
  now: () => Date = fixedAt(demoClock()),
): Promise<boolean> {
  const grants: Grant[] = services.regions.list().flatMap((r) => [
    { role: 'REGION_ADMIN' as const, regionId: r.id },
    { role: 'COORDINATOR' as const, regionId: r.id },
  ]);
  return withSystemScope(services, { job: 'demo-data', grants, now, log }, async (scope) => {
    const tx = scope.em;
    // Serialise concurrent starts against the same database.
    await tx.execute(`select pg_advisory_xact_lock(hashtext('kokemuspankki:demo-data'))`);
    if (await tx.findOne(AppState, { key: MARKER })) return false;
    for (const step of steps) await step(tx, scope);
    tx.persist(tx.create(AppState, { key: MARKER, value: { steps: steps.length }, updatedAt: now() }));
    await tx.flush();
    log.info('loaded demo data (first start)');
    return true;
  });
}

function fixedAt(at: Date): () => Date {
  return () => new Date(at);
}
