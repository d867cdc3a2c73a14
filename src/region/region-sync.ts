import type { EntityManager } from '@mikro-orm/postgresql';
import { inTransaction } from '../db/transaction';
import type { RegionConfig } from './region-config';
import { RegionRecord } from './region.entity';

/** Creates or updates the region rows that other tables reference, from the modules. */
export async function syncRegionRows(em: EntityManager, modules: RegionConfig[], now: Date): Promise<void> {
  await inTransaction(em, async (tx) => {
    for (const config of modules) {
      await tx.upsert(RegionRecord, {
        id: config.id,
        name: config.name[config.locales[0]!] ?? config.id,
        moduleConfig: config as unknown as Record<string, unknown>,
        syncedAt: now,
      });
    }
  });
}
