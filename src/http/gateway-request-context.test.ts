import { HeaderMap } from '@apollo/server';
import { buildSchema, parse, type OperationDefinitionNode } from 'graphql';
import { describe, expect, it } from 'vitest';
import {
  apolloGatewayContextModule,
  gatewayRequestContextInUse,
  makeGatewayRequestContext,
  useGatewayRequestContext,
} from './gateway-request-context';

type Builder = (...args: Parameters<typeof makeGatewayRequestContext>) => ReturnType<typeof makeGatewayRequestContext>;

/** Apollo's own builder, read from its module before anything replaces it. */
const apolloBuilder = apolloGatewayContextModule().makeGatewayGraphQLRequestContext as Builder;

function requestContext(search: string) {
  const document = parse('query Op($a: Int) { x(a: $a) }');
  const requestHeaders = new HeaderMap([['x-client', 'console']]);
  return {
    request: {
      query: 'query Op($a: Int) { x(a: $a) }',
      operationName: 'Op',
      variables: { a: 1 },
      http: { method: 'POST', headers: requestHeaders, search, body: {} },
    },
    response: {
      http: { headers: new HeaderMap([['cache-control', 'no-store']]), status: undefined as number | undefined },
    },
    schema: buildSchema('type Query { x(a: Int): Int }'),
    contextValue: { requestId: 'r-1' },
    queryHash: 'hash',
    document,
    source: 'query Op($a: Int) { x(a: $a) }',
    operationName: 'Op',
    operation: document.definitions[0] as OperationDefinitionNode,
    errors: undefined,
    metrics: {},
    overallCachePolicy: {},
    requestIsBatched: false,
  } as unknown as Parameters<Builder>[0];
}

const server = { logger: console, cache: { get: () => undefined } } as unknown as Parameters<Builder>[1];

/** What an executor can read of a request context, as plain values. */
function seen(built: ReturnType<Builder>) {
  const { request, response, ...rest } = built;
  return {
    ...rest,
    request: { ...request, http: request.http && { ...request.http, headers: [...request.http.headers] } },
    response: { status: response?.http?.status, headers: [...(response?.http?.headers ?? [])] },
  };
}

describe("the gateway's request context", () => {
  it.each(['', '?a=1', 'a=1'])('is what Apollo builds (search %j)', (search) => {
    const ours = makeGatewayRequestContext(requestContext(search), server, { includeStacktraceInErrorResponses: true });
    const apollos = apolloBuilder(requestContext(search), server, { includeStacktraceInErrorResponses: true });
    expect(seen(ours)).toEqual(seen(apollos));
  });

  it("writes the status and headers through to Apollo's response, with no accessor of its own", () => {
    const original = requestContext('');
    const built = makeGatewayRequestContext(original, server, {});
    built.response!.http!.status = 418;
    built.response!.http!.headers.append('cache-control', 'private');
    built.response!.http!.headers.set('x-served-by', 'executor');
    expect(original.response.http.status).toBe(418);
    expect(built.response!.http!.status).toBe(418);
    expect(original.response.http.headers.get('cache-control')).toBe('no-store, private');
    expect(original.response.http.headers.get('x-served-by')).toBe('executor');
    // An own getter or setter would give each request's object a map of its own (the point of it).
    const own = Object.values(Object.getOwnPropertyDescriptors(built.response!.http));
    expect(own.some((d) => 'get' in d || 'set' in d)).toBe(false);
  });

  it('is the one Apollo uses once installed', () => {
    useGatewayRequestContext();
    expect(gatewayRequestContextInUse()).toBe(true);
  });
});
