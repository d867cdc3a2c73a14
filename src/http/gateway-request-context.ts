import { createRequire } from 'node:module';
import path from 'node:path';
import type { BaseContext, GraphQLRequestContextExecutionDidStart, HeaderMap } from '@apollo/server';
import type { GatewayGraphQLRequest, GatewayGraphQLRequestContext } from '@apollo/server-gateway-interface';

/**
 * What Apollo Server hands a gateway's executor (the compiled executor, compiled-executor.ts), built
 * as Apollo Server 5 builds it, but with the response status behind a class's getter instead of an
 * object literal's.
 *
 * Why: V8 gives every object literal with a getter or setter a map of its own, made in the old
 * generation, where it stays until a full collection. Apollo's literal's getter holds the whole
 * request context (the operation's result, the unit of work, every row it read), so each
 * request's objects stayed reachable from old space through the young collections after it:
 * they were all copied and promoted, young collections took 15-30 ms, and full collections ran
 * every few seconds. Apollo's CommonJS build, which the server runs (built or through tsx), calls
 * the builder through its module's exports, so replacing the export is enough. (Its ES module
 * build, which the test runner loads, binds the builder at import and keeps its own; the tests
 * compare the two builders' output instead.) Apollo's version is pinned, and a test checks that
 * the replacement is the one the CommonJS build uses.
 */
export function makeGatewayRequestContext<TContext extends BaseContext>(
  requestContext: GraphQLRequestContextExecutionDidStart<TContext>,
  server: { logger: GatewayGraphQLRequestContext['logger']; cache: GatewayGraphQLRequestContext['cache'] },
  internals: { includeStacktraceInErrorResponses?: boolean },
): GatewayGraphQLRequestContext {
  const incoming = requestContext.request;
  const request: GatewayGraphQLRequest = {};
  if ('query' in incoming) request.query = incoming.query;
  if ('operationName' in incoming) request.operationName = incoming.operationName;
  if ('variables' in incoming) request.variables = incoming.variables;
  if ('extensions' in incoming) request.extensions = incoming.extensions;
  if (incoming.http) {
    const { search } = incoming.http;
    const question = search !== '' && !search.startsWith('?') ? '?' : '';
    request.http = {
      method: incoming.http.method,
      url: `https://unknown-url.invalid/${question}${search}`,
      headers: new HeadersOfMap(incoming.http.headers),
    };
  }
  return {
    request,
    response: { http: new GatewayResponseHttp(requestContext.response.http) },
    logger: server.logger,
    schema: requestContext.schema,
    schemaHash: 'schemaHash no longer exists since Apollo Server 4' as GatewayGraphQLRequestContext['schemaHash'],
    context: requestContext.contextValue,
    cache: server.cache,
    queryHash: requestContext.queryHash,
    document: requestContext.document,
    source: requestContext.source,
    operationName: requestContext.operationName,
    operation: requestContext.operation,
    errors: requestContext.errors,
    metrics: requestContext.metrics,
    debug: internals.includeStacktraceInErrorResponses,
    overallCachePolicy: requestContext.overallCachePolicy,
    requestIsBatched: requestContext.requestIsBatched,
  };
}

/** The response's headers and status, read and written through to Apollo's own. */
class GatewayResponseHttp {
  readonly headers: HeadersOfMap;

  constructor(private readonly http: { headers: HeaderMap; status?: number }) {
    this.headers = new HeadersOfMap(http.headers);
  }

  get status(): number | undefined {
    return this.http.status;
  }

  set status(status: number | undefined) {
    this.http.status = status;
  }
}

/** Fetch-style headers over Apollo's header map, as Apollo's own adapter. */
class HeadersOfMap {
  constructor(private readonly map: HeaderMap) {}

  append(name: string, value: string): void {
    const current = this.map.get(name);
    this.map.set(name, current === undefined ? value : `${current}, ${value}`);
  }

  delete(name: string): void {
    this.map.delete(name);
  }

  get(name: string): string | null {
    return this.map.get(name) ?? null;
  }

  has(name: string): boolean {
    return this.map.has(name);
  }

  set(name: string, value: string): void {
    this.map.set(name, value);
  }

  entries(): IterableIterator<[string, string]> {
    return this.map.entries();
  }

  keys(): IterableIterator<string> {
    return this.map.keys();
  }

  values(): IterableIterator<string> {
    return this.map.values();
  }

  [Symbol.iterator](): IterableIterator<[string, string]> {
    return this.map.entries();
  }
}

/** Apollo's module that builds the gateway's request context (not among its exports). */
export function apolloGatewayContextModule(): { makeGatewayGraphQLRequestContext: unknown } {
  const require = createRequire(__filename);
  const entry = require.resolve('@apollo/server');
  return require(path.join(path.dirname(entry), 'utils', 'makeGatewayGraphQLRequestContext.js')) as {
    makeGatewayGraphQLRequestContext: unknown;
  };
}

/** Makes Apollo build gateway request contexts with `makeGatewayRequestContext`; idempotent. */
export function useGatewayRequestContext(): void {
  apolloGatewayContextModule().makeGatewayGraphQLRequestContext = makeGatewayRequestContext;
}

/** Whether Apollo builds them with it (a test checks this after an upgrade). */
export function gatewayRequestContextInUse(): boolean {
  return apolloGatewayContextModule().makeGatewayGraphQLRequestContext === makeGatewayRequestContext;
}
