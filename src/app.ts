import http from 'node:http';
import { randomUUID } from 'node:crypto';
import { ApolloServer, HeaderMap, type ApolloServerPlugin, type HTTPGraphQLRequest } from '@apollo/server';
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginLandingPageDisabled,
} from '@apollo/server/plugin/disabled';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import { OperationTypeNode, type GraphQLSchema } from 'graphql';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Logger } from './common/logger';
import {
  errorContextPlugin,
  formatError,
  internalCode,
  internalMessage,
  logInternalError,
} from './common/format-error';
import type { RequestContext } from './context';
import { REGION_RULE_QUERIES } from './region/revision-cache';
import { createScope, enterRegions, settlePending } from './scope';
import type { Services } from './services';
import { ANONYMOUS, type Viewer } from './auth/viewer';
import type { Authenticate } from './auth/tokens';
import { applyGrantsInForce, namedUnitIds } from './auth/grants-in-force';
import { readableRegionIds } from './auth/policy';
import { withStatementTally, type StatementTally } from './db/statement-counter';
import { inTransaction } from './db/transaction';
import { corsHeaders } from './http/cors';
import { drainOnStop } from './http/drain';
import { PublicAnswers } from './http/public-answers';
import { compiledExecutor } from './http/compiled-executor';
import { CONSOLE_PATH, createConsoleHandler, type ConsoleOptions } from './http/console';
import {
  GRAPHQL_RESPONSE_JSON,
  LEGACY_JSON,
  requestErrorStatus,
  responseMediaType,
  rolledBackBody,
  rootQueryFields,
  rootResponseKeys,
  unsupportedMediaType,
  type GraphQLResponseBody,
} from './http/framing';

export interface AppOptions {
  schema: GraphQLSchema;
  services: Services;
  log: Logger;
  production: boolean;
  /** Adds the `x-sql-statements` response header; tests use it to prove there is no N+1. */
  exposeStatementCount: boolean;
  /** Resolves the caller from the Authorization header; throws UnauthenticatedError for a bad token. */
  authenticate: Authenticate;
  /** Browser origins that may call the API (see src/http/cors.ts); none when absent. */
  corsOrigins?: readonly string[];
  /** The web console at /console; absent, that path answers 404 like any other. */
  console?: ConsoleOptions;
  now?: () => Date;
}

export interface App {
  httpServer: http.Server;
  listen(port: number, host: string): Promise<string>;
  /** Stops accepting, lets requests in flight finish (up to 10 s), then closes the server. */
  close(): Promise<void>;
}

/**
 * Thrown to make a request's transaction roll back, and recognised by identity: each request
 * catches only what its own transaction threw. Made once, as an Error's stack costs per request.
 */
const ROLL_BACK = new Error('roll back the failed mutation');
const MAX_BODY_BYTES = 1_000_000;
/** Past the limit the rest of a body is read and dropped, so the client hears the 413; this far past it, the connection is cut. */
const MAX_DRAINED_BYTES = 16_000_000;
const DRAIN_TIMEOUT_MS = 10_000;
/** How long a connection without a request yet may take to deliver one once the server is stopping. */
const DRAIN_QUIET_MS = 500;

export async function createApp(options: AppOptions): Promise<App> {
  const { services, log } = options;
  const now = options.now ?? (() => new Date());
  const httpServer = http.createServer();
  let closing = false;
  const drain = drainOnStop(httpServer, { quietMs: DRAIN_QUIET_MS, timeoutMs: DRAIN_TIMEOUT_MS });

  // Limits on what one operation may ask for (depth, aliases, tokens, cost), so a single request
  // cannot exhaust the server. List costs count `first`, which every list field caps at 100.
  const armor = new ApolloArmor({
    maxDepth: { n: 10 },
    maxAliases: { n: 15 },
    maxTokens: { n: 5_000 },
    maxDirectives: { n: 20 },
    costLimit: { maxCost: 20_000 },
    blockFieldSuggestion: { enabled: options.production },
  }).protect();

  const apollo = new ApolloServer<RequestContext>({
    gateway: compiledExecutor(options.schema),
    validationRules: armor.validationRules,
    allowBatchedHttpRequests: false,
    // The process's own signal handlers stop the server in order (drain, Apollo, pool, PostgreSQL);
    // Apollo's would race them, and a second stop() waiting on Apollo's first never returns.
    stopOnTerminationSignals: false,
    introspection: !options.production,
    includeStacktraceInErrorResponses: !options.production,
    formatError: formatError({ log, production: options.production }),
    plugins: [
      // No field declares a cache hint; Apollo's default cache control plugin would still visit
      // every field of every response (and wrap every resolver) to compute none.
      ApolloServerPluginCacheControlDisabled(),
      ...armor.plugins,
      ...(options.production ? [ApolloServerPluginLandingPageDisabled()] : []),
      requestLogPlugin(log, options.exposeStatementCount),
      failureTrackingPlugin(),
      errorContextPlugin(),
    ],
  });
  await apollo.start();
  const regions = services.regions;
  const publicAnswers = new PublicAnswers({
    generation: () => regions.cache.currentGeneration,
    complete: () => regions.servesFromMemory(),
    effectiveInstants: () => regions.cache.effectiveInstants(),
    timeZones: () => regions.list().map((region) => region.timeZone),
  });
  const consoleHandler = options.console ? createConsoleHandler(options.console) : undefined;

  httpServer.on('request', (req, res) => {
    handle(req, res).catch((error: unknown) => {
      const { errorId, unavailable } = logInternalError(log, error);
      if (!res.headersSent)
        sendJson(res, unavailable ? 503 : 500, {
          errors: [
            {
              message: internalMessage(errorId, unavailable),
              extensions: { code: internalCode(unavailable), errorId },
            },
          ],
        });
      else res.end();
    });
  });

  async function handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (url.pathname === '/health' && req.method === 'GET') return health(res);
    if (consoleHandler && (url.pathname === CONSOLE_PATH || url.pathname.startsWith(CONSOLE_PATH + '/')))
      return consoleHandler(req, res, url.pathname);
    if (url.pathname !== '/graphql') return sendJson(res, 404, { error: 'not found; the API is at /graphql' });
    const preflight = req.method === 'OPTIONS';
    for (const [key, value] of Object.entries(corsHeaders(req.headers.origin, options.corsOrigins ?? [], preflight)))
      res.setHeader(key, value);
    if (preflight) {
      res.setHeader('allow', 'GET, POST, OPTIONS');
      res.statusCode = 204;
      res.end();
      return;
    }
    const mediaType = responseMediaType(req.headers.accept);
    if (req.method !== 'GET' && req.method !== 'POST') {
      res.setHeader('allow', 'GET, POST, OPTIONS');
      return sendError(res, 405, mediaType, 'use GET or POST');
    }
    const unsupported = req.method === 'POST' ? unsupportedMediaType(req.headers['content-type']) : undefined;
    if (unsupported) return sendError(res, 415, mediaType, unsupported);

    const headers = new HeaderMap();
    for (const [key, value] of Object.entries(req.headers)) {
      if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(', ') : value);
    }
    let body: unknown;
    try {
      body = req.method === 'POST' ? await readJsonBody(req) : undefined;
    } catch (error) {
      return sendError(res, error instanceof HttpError ? error.status : 400, mediaType, (error as Error).message);
    }
    const httpGraphQLRequest: HTTPGraphQLRequest = { method: req.method, headers, search: url.search, body };

    const started = now().getTime();
    const shared = publicAnswers.keyOf({
      method: req.method,
      authorization: req.headers.authorization,
      body,
      accept: req.headers.accept,
    });
    const kept = shared && publicAnswers.get(shared.key, started);
    if (kept) {
      for (const [key, value] of kept.headers) res.setHeader(key, value);
      if (options.exposeStatementCount) res.setHeader('x-sql-statements', '0');
      res.statusCode = kept.status;
      res.end(kept.body);
      return;
    }

    const requestId = randomUUID();
    const tally: StatementTally = { count: 0, statements: [] };
    let rolledBack = false;
    // Statements are counted only where the count is shown (development and tests): the count
    // follows the request through an AsyncLocalStorage context, which every promise made while it
    // is in force carries, at a cost on every request of a production server.
    const counted = <T>(serve: () => Promise<T>) =>
      options.exposeStatementCount ? withStatementTally(tally, serve) : serve();
    const response = await counted(async () => {
      const viewer: Viewer | Error = await options
        .authenticate(req.headers.authorization)
        .catch((error: unknown) => error as Error);
      const regionIds = viewer instanceof Error ? [] : readableRegionIds(viewer);
      // One transaction per request: a failed mutation leaves nothing half-written.
      const outcome: RequestContext['outcome'] = { mutationFailed: false, afterRollback: [], afterCommit: [] };
      let result: Awaited<ReturnType<typeof apollo.executeHTTPGraphQLRequest>> | undefined;
      const execute = (em: EntityManager, scopeViewer: Viewer) =>
        apollo.executeHTTPGraphQLRequest({
          httpGraphQLRequest,
          context: () => {
            // A bad token fails the whole operation with UNAUTHENTICATED, naming the reason.
            if (viewer instanceof Error) return Promise.reject(viewer);
            return Promise.resolve(
              createScope({
                requestId,
                viewer: scopeViewer,
                em,
                services,
                log: log.child({ requestId }),
                tally,
                outcome,
                now,
                idempotencyKey: headerValue(req.headers['idempotency-key']),
              }),
            );
          },
        });
      if (onlyRegionRules(httpGraphQLRequest)) {
        // Region rules: modules plus published revisions, which come from the cache or, when it is
        // cold, from one read of committed rows on a connection of its own; no transaction.
        const em = services.orm.em.fork();
        em.setFilterParams('region', { regionIds: [] });
        return execute(em, viewer instanceof Error ? ANONYMOUS : viewer);
      }
      const unitIds = viewer instanceof Error ? [] : namedUnitIds(viewer.grants);
      await inRegionTransaction(services, regionIds, unitIds, async (txEm, units) => {
        result = await execute(
          txEm,
          viewer instanceof Error ? ANONYMOUS : await applyGrantsInForce(txEm, viewer, units),
        );
        await settlePending(outcome);
        if (outcome.mutationFailed) throw ROLL_BACK;
      })
        .then(() => {
          for (const done of outcome.afterCommit ?? []) done();
        })
        .catch(async (error: unknown) => {
          if (error !== ROLL_BACK) throw error;
          rolledBack = true;
          // What must outlive the rollback (audit of personal data already sent) is written again.
          if (outcome.afterRollback.length) {
            await inRegionTransaction(services, regionIds, [], async (txEm) => {
              for (const write of outcome.afterRollback) await write(txEm);
            });
          }
        });
      return result!;
    });

    const responseHeaders: Array<[string, string]> = [];
    for (const [key, value] of response.headers)
      responseHeaders.push([key, key === 'vary' ? `${value}, Origin` : value]);
    for (const [key, value] of responseHeaders) res.setHeader(key, value);
    if (options.exposeStatementCount) res.setHeader('x-sql-statements', String(tally.count));
    res.statusCode = response.status ?? 200;
    if (response.body.kind === 'complete') {
      if (shared)
        publicAnswers.put(
          shared,
          { status: res.statusCode, headers: responseHeaders, body: response.body.string },
          started,
          now().getTime(),
        );
      res.end(reframe(res, response.body.string, rolledBack, body));
      return;
    }
    for await (const chunk of response.body.asyncIterator) res.write(chunk);
    res.end();
  }

  async function health(res: http.ServerResponse): Promise<void> {
    if (closing) return sendJson(res, 503, { status: 'shutting-down', database: 'unknown' });
    const ok = await databaseAnswers(services, 2_000);
    sendJson(res, ok ? 200 : 503, { status: ok ? 'ok' : 'unavailable', database: ok ? 'ok' : 'unreachable' });
  }

  return {
    httpServer,
    listen: (port, host) =>
      new Promise((resolve, reject) => {
        httpServer.once('error', reject);
        httpServer.listen(port, host, () => {
          const address = httpServer.address();
          const actualPort = typeof address === 'object' && address ? address.port : port;
          const shownHost = host === '0.0.0.0' || host === '127.0.0.1' ? 'localhost' : host;
          resolve(`http://${shownHost}:${actualPort}/graphql`);
        });
      }),
    close: async () => {
      closing = true;
      // Stops listening, answers every request that reached the server (up to 10 s), then Apollo.
      await drain.stop();
      await apollo.stop();
    },
  };
}

/** Every root field of the query is a region-rule query (answered without the request's transaction). */
function onlyRegionRules(request: HTTPGraphQLRequest): boolean {
  let query: unknown;
  let operationName: unknown;
  if (request.method === 'GET') {
    const params = new URLSearchParams(request.search);
    query = params.get('query');
    operationName = params.get('operationName') ?? undefined;
  } else if (request.body && typeof request.body === 'object') {
    ({ query, operationName } = request.body as { query?: unknown; operationName?: unknown });
  }
  const fields = rootQueryFields(query, operationName);
  return !!fields && fields.length > 0 && fields.every((field) => REGION_RULE_QUERIES.has(field));
}

/**
 * One transaction for a request's database work. Two walls keep regions apart: the ORM's region
 * filter, and PostgreSQL row-level security keyed on a transaction-local setting, so a pooled
 * connection never carries one request's regions into the next.
 */
async function inRegionTransaction(
  services: Services,
  regionIds: string[],
  unitIds: string[],
  work: (em: EntityManager, units: ReadonlyMap<string, string>) => Promise<void>,
): Promise<void> {
  await inTransaction(services.orm.em, async (em) => {
    // The units of the token's unit grants are looked up with the region setting, in its round trip.
    const units = await enterRegions(em, regionIds, unitIds);
    await work(em, units);
  });
}

async function databaseAnswers(services: Services, timeoutMs: number): Promise<boolean> {
  const probe = services.orm.em
    .fork()
    .getConnection()
    .execute('select 1')
    .then(() => true)
    .catch(() => false);
  const timeout = new Promise<boolean>((resolve) => setTimeout(() => resolve(false), timeoutMs).unref());
  return Promise.race([probe, timeout]);
}

/** Reads a JSON body (the content type was checked): 413 past the size limit, 400 when it is not JSON. */
function readJsonBody(req: http.IncomingMessage): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_BODY_BYTES) {
        chunks.push(chunk);
        return;
      }
      chunks.length = 0;
      if (size > MAX_DRAINED_BYTES) {
        reject(new HttpError(413, `request body exceeds ${MAX_BODY_BYTES} bytes`));
        req.destroy();
      }
    });
    req.on('error', reject);
    req.on('end', () => {
      if (size > MAX_BODY_BYTES) return reject(new HttpError(413, `request body exceeds ${MAX_BODY_BYTES} bytes`));
      const text = Buffer.concat(chunks).toString('utf8');
      if (text.trim() === '')
        return reject(new HttpError(400, 'the request body is empty; send a JSON object with a "query"'));
      try {
        resolve(JSON.parse(text));
      } catch {
        reject(new HttpError(400, 'the request body is not valid JSON'));
      }
    });
  });
}

/**
 * Sets the status GraphQL over HTTP expects for a response whose operation did not run, and
 * takes back what a rolled-back mutation had answered (src/http/framing.ts has the rules).
 * Only failed responses are read again; a successful one passes through untouched.
 */
function reframe(res: http.ServerResponse, text: string, rolledBack: boolean, request: unknown): string {
  if (!rolledBack && res.statusCode < 400) return text;
  let body: GraphQLResponseBody;
  try {
    body = JSON.parse(text) as GraphQLResponseBody;
  } catch {
    return text;
  }
  if (!body || !Array.isArray(body.errors)) return text;
  if (!('data' in body)) {
    const contentType = String(res.getHeader('content-type') ?? '');
    const media = contentType.startsWith(GRAPHQL_RESPONSE_JSON) ? GRAPHQL_RESPONSE_JSON : LEGACY_JSON;
    res.statusCode = requestErrorStatus(
      body.errors.map((error) => error.extensions?.code as string | undefined),
      media,
      res.statusCode,
    );
    if (res.statusCode === 401) res.setHeader('www-authenticate', 'Bearer error="invalid_token"');
  }
  if (!rolledBack) return text;
  const { query, operationName } = (request ?? {}) as { query?: unknown; operationName?: unknown };
  const rewritten = rolledBackBody(body, rootResponseKeys(query, operationName));
  return rewritten === body ? text : JSON.stringify(rewritten);
}

/** An error of the HTTP request itself (before GraphQL), in the media type the client asked for. */
function sendError(res: http.ServerResponse, status: number, mediaType: string, message: string): void {
  res.statusCode = status;
  res.setHeader('content-type', `${mediaType}; charset=utf-8`);
  res.end(JSON.stringify({ errors: [{ message, extensions: { code: 'BAD_REQUEST' } }] }));
}

class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

function sendJson(res: http.ServerResponse, status: number, body: unknown): void {
  res.statusCode = status;
  res.setHeader('content-type', 'application/json; charset=utf-8');
  res.end(JSON.stringify(body));
}

/** One log line per request: operation, duration and outcome (and its SQL statements, where counted). */
function requestLogPlugin(log: Logger, statementsCounted: boolean): ApolloServerPlugin<RequestContext> {
  return {
    requestDidStart(requestContext) {
      const started = process.hrtime.bigint();
      return Promise.resolve({
        willSendResponse({ request, response, errors, contextValue }) {
          const durationMs = Number(process.hrtime.bigint() - started) / 1e6;
          log.info(
            {
              requestId: contextValue?.requestId,
              operation: request.operationName ?? requestContext.operationName ?? null,
              durationMs: Math.round(durationMs * 10) / 10,
              status: response.http.status ?? 200,
              errors: errors?.length ?? 0,
              ...(statementsCounted ? { sqlStatements: contextValue?.tally.count } : {}),
            },
            'graphql request',
          );
          return Promise.resolve();
        },
      });
    },
  };
}

function failureTrackingPlugin(): ApolloServerPlugin<RequestContext> {
  return {
    requestDidStart() {
      return Promise.resolve({
        // Only a mutation is rolled back: a query's reads (and the audit rows they wrote) stand.
        didEncounterErrors({ contextValue, operation }) {
          if (operation?.operation === OperationTypeNode.MUTATION) contextValue.outcome.mutationFailed = true;
          return Promise.resolve();
        },
      });
    },
  };
}

/** One value of a request header (the first, if it was sent twice). */
function headerValue(value: string | string[] | undefined): string | null {
  return (Array.isArray(value) ? value[0] : value) ?? null;
}
