import { OrderService } from './orders/order.service';
import { FeeService } from './fees/fee.service';
import { SupportService } from './support/support.service';
import { ReceptionService } from './reception/reception.service';
import { FeedbackService } from './feedback/feedback.service';
import { MetricsService } from './metrics/metrics.service';
import { forgetExpiredOrderData, RETENTION_INTERVAL_MS } from './orders/retention';
import { refreshMetricsRollup } from './metrics/rollup';
import { describeJobError } from './common/format-error';
import { createApp, type App } from './app';
import type { Logger } from './common/logger';
import type { Env } from './config/env';
import { loadDemoDataOnce } from './db/demo-data';
import { migrateToLatest } from './db/migrate';
import { openOrm, type Orm } from './db/orm';
import { buildGraphQLSchema } from './schema';
import { createAuthenticator, readDevSecret, signDevToken, type AuthSettings } from './auth/tokens';
import type { Services } from './services';
import { APP_ROLE } from './db/database';
import { discoverRegions } from './region/discovery';
import { RegionRegistry } from './region/region-registry';
import { RegionService } from './region/region.service';
import { listenForPublishedRevisions } from './region/revision-cache';
import { syncRegionRows } from './region/region-sync';
import { AuditService } from './audit/audit.service';
import { ReadLog } from './audit/read-log';
import { ExpertService } from './experts/expert.service';
import { expertDemoData } from './experts/expert.demo-data';
import { orderDemoData } from './orders/order.demo-data';
import { UnitService } from './units/unit.service';
import { demoPeople } from './auth/demo-people';
import type { ConsoleOptions } from './http/console';

export interface RunningServer {
  url: string;
  app: App;
  orm: Orm;
  services: Services;
  /** Graceful: stops accepting, finishes requests in flight, closes the pool. */
  stop(): Promise<void>;
}

/**
 * Everything after the database exists: migrations, regions, demo data, services, HTTP.
 * `npm start` and the integration tests both boot through here.
 */
type StartOptions = Parameters<typeof startServer>[0];

export async function startServer(options: {
  env: Env;
  log: Logger;
  /** Owner of the schema: runs migrations, region sync and demo data. */
  databaseUrl: string;
  /**
   * How requests reach the database: as the application role, which owns nothing and is
   * subject to row-level security. `url`: a ready connection string for it; `loginPassword`:
   * give the role this password and log in as it (embedded database). Without either, each
   * connection of the owner switches to the role with SET ROLE.
   */
  appConnection?: { url: string } | { loginPassword: string };
  port: number;
  host: string;
  loadDemoData: boolean;
  /** Checked by the caller before any database is touched; computed here when omitted. */
  auth?: AuthSettings;
  now?: () => Date;
  /**
   * The database was made ready by another process (the primary of WEB_CONCURRENCY workers):
   * no migrations, region sync or demo data here, and requests connect to `appUrl`.
   */
  prepared?: { appUrl: string | undefined };
}): Promise<RunningServer> {
  const { env, log } = options;
  // A broken region module stops the start before anything touches the database.
  const registry = new RegionRegistry(await discoverRegions(env.regionsDir));
  // The same service instances serve the owner's setup work (demo data) and the requests; only the ORM differs.
  const stateless = statelessServices(registry);
  const servicesOn = (orm: Orm): Services => ({ orm, readLog: new ReadLog(orm), ...stateless });
  const appUrl = options.prepared
    ? options.prepared.appUrl
    : await prepareDatabase({ ...options, registry, servicesOn });

  const orm = await openOrm({
    url: appUrl ?? options.databaseUrl,
    poolMax: env.DB_POOL_MAX,
    afterConnect: appUrl ? [] : [`set role ${APP_ROLE}`],
    log,
  });
  let revisionListener: Awaited<ReturnType<typeof listenForPublishedRevisions>> | undefined;
  // A read replica takes the same role as the primary's requests, so row-level security holds there too.
  const readOrm = env.DATABASE_READ_URL
    ? await openOrm({
        url: env.DATABASE_READ_URL,
        poolMax: env.DB_POOL_MAX,
        afterConnect: [`set role ${APP_ROLE}`],
        log,
        contextName: 'read-replica',
      })
    : undefined;
  try {
    const services: Services = { ...servicesOn(orm), readOrm };
    // Region rules from memory: a notification connection keeps the cache true to every publish.
    revisionListener = await listenForPublishedRevisions(appUrl ?? options.databaseUrl, services.regions.cache, log);
    await services.regions.warmCache(orm.em);

    const production = env.NODE_ENV === 'production';
    const auth = options.auth ?? authSettings(env, log);
    const devSecret = auth.devSecret;
    const regionIds = registry.all().map((region) => region.id);
    const consoleOptions: ConsoleOptions = {
      distDir: env.consoleDir,
      // Only outside production, and only with a development secret the server accepts.
      devSignIn:
        !production && devSecret
          ? {
              people: () => demoPeople(orm, regionIds),
              token: (person) =>
                signDevToken(devSecret, { sub: person.id, name: person.name, grants: person.grants, expiresIn: '8h' }),
            }
          : undefined,
      oidc:
        env.AUTH_ISSUER && env.CONSOLE_OIDC_CLIENT_ID
          ? { authority: env.AUTH_ISSUER, clientId: env.CONSOLE_OIDC_CLIENT_ID, scope: env.CONSOLE_OIDC_SCOPE }
          : undefined,
    };
    const app = await createApp({
      schema: await buildGraphQLSchema(),
      services,
      log,
      production,
      exposeStatementCount: !production,
      authenticate: createAuthenticator(auth),
      corsOrigins: env.corsOrigins,
      console: consoleOptions,
      now: options.now,
    });
    const url = await app.listen(options.port, options.host);
    // Retention runs at start and hourly in every instance; the updates are idempotent.
    const clock = options.now ?? (() => new Date());
    const forget = () =>
      forgetExpiredOrderData(services, clock(), log).catch((error: unknown) =>
        log.error({ err: describeJobError(error) }, 'order retention failed; it runs again within the hour'),
      );
    const retention = setInterval(() => void forget(), RETENTION_INTERVAL_MS).unref();
    await forget();
    // The analysts' rollup: months changed since the last run are rebuilt in the background.
    let rollupRun: Promise<unknown> | undefined;
    // One run at a time in a process: a long first build is not started again by the timer.
    const refreshRollup = () =>
      (rollupRun ??= refreshMetricsRollup(services, log)
        .catch((error: unknown) =>
          log.error(
            { err: describeJobError(error) },
            'metrics rollup refresh failed; tables are computed live until it succeeds',
          ),
        )
        .finally(() => (rollupRun = undefined)));
    const rollup = setInterval(() => void refreshRollup(), env.METRICS_ROLLUP_INTERVAL_SECONDS * 1000).unref();
    void refreshRollup();
    let stopping: Promise<void> | undefined;
    return {
      url,
      app,
      orm,
      services,
      // Idempotent: a signal may arrive while a stop is already under way.
      stop: () =>
        (stopping ??= (async () => {
          clearInterval(retention);
          clearInterval(rollup);
          await app.close();
          await rollupRun;
          await revisionListener?.close();
          await services.readLog.close();
          await readOrm?.close(true);
          await orm.close(true);
        })()),
    };
  } catch (error) {
    await revisionListener?.close();
    await readOrm?.close(true);
    await orm.close(true);
    throw error;
  }
}

function statelessServices(registry: RegionRegistry): Omit<Services, 'orm' | 'readOrm' | 'readLog'> {
  return {
    regions: new RegionService(registry),
    audit: new AuditService(),
    units: new UnitService(),
    experts: new ExpertService(),
    orders: new OrderService(),
    fees: new FeeService(),
    support: new SupportService(),
    reception: new ReceptionService(),
    feedback: new FeedbackService(),
    metrics: new MetricsService(),
  };
}

/**
 * The owner's setup before any request: migrations, region rows, demo data, and the application
 * role's login. Returns the URL requests connect to (undefined: the owner's URL with SET ROLE).
 */
export async function prepareDatabase(
  options: Pick<StartOptions, 'env' | 'log' | 'databaseUrl' | 'appConnection' | 'loadDemoData'> & {
    registry?: RegionRegistry;
    servicesOn?: (orm: Orm) => Services;
  },
): Promise<string | undefined> {
  const { log } = options;
  const registry = options.registry ?? new RegionRegistry(await discoverRegions(options.env.regionsDir));
  const servicesOn =
    options.servicesOn ??
    ((orm: Orm): Services => ({ orm, readLog: new ReadLog(orm), ...statelessServices(registry) }));
  const owner = await openOrm({ url: options.databaseUrl, poolMax: 2, log });
  const services = servicesOn(owner);
  try {
    const applied = await migrateToLatest(owner);
    if (applied.length) log.info({ migrations: applied }, 'applied migrations');
    await syncRegionRows(owner.em.fork(), registry.all(), new Date());
    if (options.loadDemoData)
      await loadDemoDataOnce(services, [expertDemoData(registry.all()), orderDemoData(registry.all())], log);
    return await resolveAppUrl(owner, options.databaseUrl, options.appConnection);
  } finally {
    await services.readLog.close();
    await owner.close(true);
  }
}

/** Throws when production has no way to verify tokens; main.ts calls it before the database starts. */
export function authSettings(env: Env, log: Logger): AuthSettings {
  const production = env.NODE_ENV === 'production';
  const devTokens = !production || env.AUTH_ALLOW_DEV_TOKENS === 'true';
  if (production && !env.AUTH_JWKS_URL && !devTokens) {
    throw new Error('production needs AUTH_JWKS_URL, AUTH_ISSUER and AUTH_AUDIENCE (or AUTH_ALLOW_DEV_TOKENS=true)');
  }
  if (production && devTokens) log.warn('AUTH_ALLOW_DEV_TOKENS=true: development tokens are accepted in production');
  return {
    production,
    issuer: env.AUTH_ISSUER,
    audience: env.AUTH_AUDIENCE,
    jwksUrl: env.AUTH_JWKS_URL,
    devSecret: devTokens ? readDevSecret({ dataDir: env.dataDir, configured: env.AUTH_DEV_SECRET }) : undefined,
    maxLifetimeMinutes: env.AUTH_MAX_TOKEN_LIFETIME_MINUTES,
  };
}

async function resolveAppUrl(
  owner: Orm,
  ownerUrl: string,
  connection: StartOptions['appConnection'],
): Promise<string | undefined> {
  if (!connection) return undefined;
  if ('url' in connection) return connection.url;
  // Only the embedded database's superuser takes this path; the password never leaves .data/.
  const quoted = `'${connection.loginPassword.replace(/'/g, "''")}'`;
  await owner.em.getConnection().execute(`alter role ${APP_ROLE} with login password ${quoted}`);
  const url = new URL(ownerUrl);
  url.username = APP_ROLE;
  url.password = connection.loginPassword;
  return url.toString();
}
