import path from 'node:path';
import { z } from 'zod';
import { parseCorsOrigins } from '../http/cors';

/** Every environment variable the server reads; README.md documents each one. */
const EnvSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(4000),
  HOST: z.string().optional(),
  DATABASE_URL: z.url().optional(),
  DATABASE_APP_URL: z.url().optional(),
  DATABASE_READ_URL: z.url().optional(),
  METRICS_ROLLUP_INTERVAL_SECONDS: z.coerce.number().int().min(1).max(86_400).default(30),
  ALLOW_EMBEDDED_DATABASE: z.enum(['true', 'false']).default('false'),
  /** Worker processes serving the port (node:cluster); the primary owns the database. */
  WEB_CONCURRENCY: z.coerce.number().int().min(1).max(64).default(1),
  DB_POOL_MAX: z.coerce.number().int().min(1).max(200).default(10),
  DATA_DIR: z.string().default('.data'),
  REGIONS_DIR: z.string().optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  DEMO_DATA: z.enum(['true', 'false']).optional(),
  AUTH_ISSUER: z.string().optional(),
  AUTH_AUDIENCE: z.string().optional(),
  AUTH_JWKS_URL: z.url().optional(),
  AUTH_DEV_SECRET: z.string().min(32).optional(),
  AUTH_ALLOW_DEV_TOKENS: z.enum(['true', 'false']).default('false'),
  AUTH_MAX_TOKEN_LIFETIME_MINUTES: z.coerce
    .number()
    .int()
    .min(1)
    .max(60 * 24 * 30)
    .default(24 * 60),
  CORS_ORIGINS: z.string().optional(),
  /** Client id of the console at the identity provider (AUTH_ISSUER); without it the console offers no sign-in in production. */
  CONSOLE_OIDC_CLIENT_ID: z.string().optional(),
  CONSOLE_OIDC_SCOPE: z.string().default('openid profile'),
  CONSOLE_DIR: z.string().optional(),
});

/** Outside production a frontend's dev server on this machine, on any port, may call the API. */
const DEVELOPMENT_CORS_ORIGINS = 'http://localhost:*,http://127.0.0.1:*';

export type Env = z.infer<typeof EnvSchema> & {
  dataDir: string;
  regionsDir: string;
  consoleDir: string;
  host: string;
  loadDemoData: boolean;
  corsOrigins: string[];
};

export function loadEnv(source: NodeJS.ProcessEnv = process.env): Env {
  const parsed = EnvSchema.safeParse(source);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    throw new Error(`invalid environment:\n${lines.join('\n')}`);
  }
  const env = parsed.data;
  let corsOrigins: string[];
  try {
    // Production answers no browser origin until CORS_ORIGINS names the regions' frontends.
    corsOrigins = parseCorsOrigins(env.CORS_ORIGINS ?? (env.NODE_ENV === 'production' ? '' : DEVELOPMENT_CORS_ORIGINS));
  } catch (error) {
    throw new Error(`invalid environment:\n${(error as Error).message}`);
  }
  return {
    ...env,
    dataDir: path.resolve(env.DATA_DIR),
    // The regions beside this code: regions/ from source, dist/regions/ from the compiled build.
    regionsDir: env.REGIONS_DIR ? path.resolve(env.REGIONS_DIR) : path.resolve(__dirname, '..', '..', 'regions'),
    consoleDir: env.CONSOLE_DIR ? path.resolve(env.CONSOLE_DIR) : defaultConsoleDir(),
    // Demo experts have no place in a production database unless asked for.
    loadDemoData: env.DEMO_DATA ? env.DEMO_DATA === 'true' : env.NODE_ENV !== 'production',
    // Outside production we listen on loopback only: a developer's laptop is not a server.
    host: env.HOST ?? (env.NODE_ENV === 'production' ? '0.0.0.0' : '127.0.0.1'),
    corsOrigins,
  };
}

/** The console bundle: dist/console, both from source (repo/dist/console) and from the compiled build (dist/console). */
function defaultConsoleDir(): string {
  const base = path.resolve(__dirname, '..', '..');
  return path.basename(base) === 'dist' ? path.join(base, 'console') : path.join(base, 'dist', 'console');
}
