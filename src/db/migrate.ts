import type { Orm } from './orm';

/** Applies every committed migration not yet applied, in one transaction. */
export async function migrateToLatest(orm: Orm): Promise<string[]> {
  const applied = await orm.getMigrator().up();
  return applied.map((m) => m.name);
}
