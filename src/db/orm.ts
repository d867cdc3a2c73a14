import { MikroORM, type Options } from '@mikro-orm/core';
import { Migrator } from '@mikro-orm/migrations';
import { PostgreSqlDriver } from '@mikro-orm/postgresql';
import { entities } from './entities';
import { migrationsList } from './migrations';
import { serialiseConnection, type Queryable } from './serial-connection';
import type { Logger } from '../common/logger';

export type Orm = MikroORM<PostgreSqlDriver>;

export interface OrmSettings {
  url: string;
  poolMax: number;
  /** Runs on every new pooled connection (e.g. to take the application role). */
  afterConnect?: string[];
  /** Where the driver's own warnings go (a lost connection), instead of bare lines on stderr. */
  log?: Pick<Logger, 'warn' | 'error' | 'debug'>;
  /**
   * Names this ORM's transaction context: a second ORM (the read replica's) needs its own, or a
   * transaction opened on it inside a request's would join the request's connection instead.
   */
  contextName?: string;
}

/** Where `npm run migration:create` writes; the running app loads `migrationsList` instead. */
export const MIGRATIONS_PATH = 'src/db/migrations';

export function ormOptions(settings: OrmSettings): Options<PostgreSqlDriver> {
  return {
    driver: PostgreSqlDriver,
    clientUrl: settings.url,
    ...(settings.contextName ? { contextName: settings.contextName } : {}),
    entities,
    extensions: [Migrator],
    discovery: { disableDynamicFileAccess: true, requireEntitiesArray: true },
    forceUtcTimezone: true,
    // Batches Reference.load() and Collection.load() within a tick (off by default in MikroORM 6).
    dataloader: true,
    allowGlobalContext: false,
    pool: {
      min: 0,
      max: settings.poolMax,
      // Overload fails fast instead of queueing requests for a minute.
      acquireTimeoutMillis: 2_000,
      afterCreate: (conn: Queryable, done: (err: Error | null, conn: unknown) => void) => {
        const statements = settings.afterConnect ?? [];
        const run = (i: number): void => {
          if (i >= statements.length) {
            serialiseConnection(conn);
            return done(null, conn);
          }
          conn.query(statements[i]!, (err: Error | null) => (err ? done(err, conn) : run(i + 1)));
        };
        run(0);
      },
    },
    driverOptions: {
      ...(settings.log ? { log: driverLog(settings.log) } : {}),
      connection: {
        connectionTimeoutMillis: 2_000,
        application_name: 'kokemuspankki',
        // PostgreSQL has no limits by default; a stuck statement or transaction must not hold a
        // pooled connection for ever.
        statement_timeout: 15_000,
        lock_timeout: 5_000,
        idle_in_transaction_session_timeout: 30_000,
      },
    },
    migrations: {
      path: MIGRATIONS_PATH,
      migrationsList,
      tableName: 'mikro_orm_migrations',
      transactional: true,
      silent: true,
      allOrNothing: true,
      snapshot: false,
      emit: 'ts',
      fileName: (timestamp: string, name?: string) => `Migration${timestamp}${name ? `_${name}` : ''}`,
    },
  };
}

export async function openOrm(settings: OrmSettings): Promise<Orm> {
  // Statements are counted where the driver sends them (src/db/serial-connection.ts).
  return MikroORM.init<PostgreSqlDriver>(ormOptions(settings));
}

/** Knex's messages name the connection problem only; no statement or values reach them. */
function driverLog(log: NonNullable<OrmSettings['log']>) {
  const text = (message: unknown) => (message instanceof Error ? message.message : String(message));
  return {
    warn: (message: unknown) => log.warn({ driver: text(message) }, 'database driver warning'),
    error: (message: unknown) => log.error({ driver: text(message) }, 'database driver error'),
    deprecate: () => undefined,
    debug: (message: unknown) => log.debug({ driver: text(message) }, 'database driver'),
  };
}
