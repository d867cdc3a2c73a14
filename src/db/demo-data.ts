import type { EntityManager } from '@mikro-orm/postgresql';
import type { Logger } from '../common/logger';
import { AppState } from '../system/app-state.entity';

const MARKER = 'demo-data';

/** A step that adds demo rows; each feature contributes its own. */
export type DemoDataStep = (em: EntityManager) => Promise<void>;

/**
 * Loads demo data on the first start only: a marker row records that it ran, so a second start
 * keeps whatever the developer changed since.
 */
export async function loadDemoDataOnce(em: EntityManager, steps: DemoDataStep[], log: Logger): Promise<boolean> {
  return em.transactional(async (tx) => {
    // Serialise concurrent starts against the same database.
    await tx.execute(`select pg_advisory_xact_lock(hashtext('kokemuspankki:demo-data'))`);
    if (await tx.findOne(AppState, { key: MARKER })) return false;
    for (const step of steps) await step(tx);
    tx.persist(tx.create(AppState, { key: MARKER, value: { steps: steps.length }, updatedAt: new Date() }));
    await tx.flush();
    log.info('loaded demo data (first start)');
    return true;
  });
}
