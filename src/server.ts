import { createApp, type App } from './app';
import type { Logger } from './common/logger';
import type { Env } from './config/env';
import { loadDemoDataOnce } from './db/demo-data';
import { migrateToLatest } from './db/migrate';
import { openOrm, type Orm } from './db/orm';
import { buildGraphQLSchema } from './schema';
import { createAuthenticator, readDevSecret, type AuthSettings } from './auth/tokens';
import type { Services } from './services';

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
export async function startServer(options: {
  env: Env;
  log: Logger;
  databaseUrl: string;
  port: number;
  host: string;
  loadDemoData: boolean;
  now?: () => Date;
}): Promise<RunningServer> {
  const { env, log } = options;
  const orm = await openOrm({ url: options.databaseUrl, poolMax: env.DB_POOL_MAX });
  try {
    const applied = await migrateToLatest(orm);
    if (applied.length) log.info({ migrations: applied }, 'applied migrations');

    const services: Services = { orm };
    if (options.loadDemoData) await loadDemoDataOnce(orm.em.fork(), [], log);

    const production = env.NODE_ENV === 'production';
    const app = await createApp({
      schema: await buildGraphQLSchema(),
      services,
      log,
      production,
      exposeStatementCount: !production,
      authenticate: createAuthenticator(authSettings(env, log)),
      now: options.now,
    });
    const url = await app.listen(options.port, options.host);
    return {
      url,
      app,
      orm,
      services,
      stop: async () => {
        await app.close();
        await orm.close(true);
      },
    };
  } catch (error) {
    await orm.close(true);
    throw error;
  }
}

function authSettings(env: Env, log: Logger): AuthSettings {
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
  };
}
