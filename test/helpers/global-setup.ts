import type { TestProject } from 'vitest/node' with { 'resolution-mode': 'import' };
import { migrateToLatest } from '../../src/db/migrate';
import { openOrm } from '../../src/db/orm';
import { startScratchServer } from '../../src/db/scratch-database';
import { randomBytes } from 'node:crypto';
import { APP_ROLE } from '../../src/db/database';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Connection to the test server's maintenance database (superuser or DATABASE_URL's user). */
    maintenanceUrl: string;
    /** A database migrated to the latest schema that each test file copies. */
    templateDatabase: string;
    /** Login password of the application role, or '' when the server would not let us set one. */
    appRolePassword: string;
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
  let appRolePassword = randomBytes(18).toString('base64url');
  try {
    await migrateToLatest(orm);
    // Requests run as the application role, as in production, so row-level security is tested.
    await orm.em
      .getConnection()
      .execute(`alter role ${APP_ROLE} with login password '${appRolePassword}'`)
      .catch(() => {
        appRolePassword = ''; // not a superuser: the server falls back to SET ROLE
      });
  } finally {
    await orm.close(true);
  }
  project.provide('maintenanceUrl', server.maintenanceUrl);
  project.provide('appRolePassword', appRolePassword);
  project.provide('templateDatabase', new URL(templateUrl).pathname.slice(1));
  return async () => {
    await server.dropDatabase(templateUrl);
    await server.stop();
  };
}
