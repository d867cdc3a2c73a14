import type { TestProject } from 'vitest/node' with { 'resolution-mode': 'import' };
import { migrateToLatest } from '../../src/db/migrate';
import { openOrm } from '../../src/db/orm';
import { startScratchServer } from '../../src/db/scratch-database';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Connection to the test server's maintenance database (superuser or DATABASE_URL's user). */
    maintenanceUrl: string;
    /** A database migrated to the latest schema that each test file copies. */
    templateDatabase: string;
  }
}

/**
 * One PostgreSQL for the whole run (embedded unless DATABASE_URL is set), with a template
 * database migrated once; each test file then gets its own copy (see boot.ts).
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const server = await startScratchServer();
  const templateUrl = await server.createDatabase('kp_template');
  const orm = await openOrm({ url: templateUrl, poolMax: 2 });
  try {
    await migrateToLatest(orm);
  } finally {
    await orm.close(true);
  }
  project.provide('maintenanceUrl', server.maintenanceUrl);
  project.provide('templateDatabase', new URL(templateUrl).pathname.slice(1));
  return async () => {
    await server.dropDatabase(templateUrl);
    await server.stop();
  };
}
