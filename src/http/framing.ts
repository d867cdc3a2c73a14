import { Kind, OperationTypeNode, parse, type OperationDefinitionNode } from 'graphql';
import { LRUCache } from 'lru-cache';

/**
 * Pure rules of the HTTP framing around GraphQL: which media type and status a response gets,
 * and what a rolled-back mutation's response may show.
 * src/app.ts applies them; the GraphQL-over-HTTP specification is the reference.
 */

export const GRAPHQL_RESPONSE_JSON = 'application/graphql-response+json';
export const LEGACY_JSON = 'application/json';
export type ResponseMediaType = typeof GRAPHQL_RESPONSE_JSON | typeof LEGACY_JSON;

/**
 * The media type a client gets: the specification's own only when it prefers it (at least as much
 * as application/json); application/json otherwise, also for a missing Accept header or `*` ranges.
 */
export function responseMediaType(accept: string | undefined): ResponseMediaType {
  if (!accept) return LEGACY_JSON;
  let graphqlQ = 0;
  let jsonQ = 0;
  for (const part of accept.split(',')) {
    const [range = '', ...params] = part.split(';').map((s) => s.trim().toLowerCase());
    const qParam = params.find((p) => p.startsWith('q='));
    const q = qParam ? Number(qParam.slice(2)) : 1;
    if (!Number.isFinite(q)) continue;
    if (range === GRAPHQL_RESPONSE_JSON) graphqlQ = Math.max(graphqlQ, q);
    if (range === LEGACY_JSON || range === 'application/*' || range === '*/*') jsonQ = Math.max(jsonQ, q);
  }
  return graphqlQ > 0 && graphqlQ >= jsonQ ? GRAPHQL_RESPONSE_JSON : LEGACY_JSON;
}

/** The media type of a POST body, without parameters; undefined when there is none. */
export function requestMediaType(contentType: string | undefined): { type: string; charset?: string } | undefined {
  if (!contentType?.trim()) return undefined;
  const [type = '', ...params] = contentType.split(';').map((s) => s.trim().toLowerCase());
  const charset = params
    .find((p) => p.startsWith('charset='))
    ?.slice('charset='.length)
    .replace(/"/g, '');
  return { type, ...(charset ? { charset } : {}) };
}

/** GraphQL-over-HTTP bodies are JSON in UTF-8; anything else is 415 Unsupported Media Type. */
export function unsupportedMediaType(contentType: string | undefined): string | undefined {
  const media = requestMediaType(contentType);
  if (!media) return 'send the body with content-type: application/json';
  if (media.type !== LEGACY_JSON) return `content-type ${media.type} is not supported; send application/json`;
  if (media.charset && media.charset !== 'utf-8' && media.charset !== 'utf8')
    return `charset ${media.charset} is not supported; send UTF-8`;
  return undefined;
}

/** Errors in the document or its variables: the operation never ran. */
const DOCUMENT_ERROR_CODES = new Set(['GRAPHQL_PARSE_FAILED', 'GRAPHQL_VALIDATION_FAILED', 'BAD_USER_INPUT']);
/** Errors in the request's parameters (no query, unknown operation name, ...). */
const PARAMETER_ERROR_CODES = new Set([
  'BAD_REQUEST',
  'OPERATION_RESOLUTION_FAILURE',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
]);

/**
 * The status of a response that has errors and no `data` entry (the operation did not run).
 * A rejected token is 401 for every media type. A document that does not parse or validate (the
 * graphql-armor limits included) or whose variables do not fit is 400 with
 * application/graphql-response+json, but 200 with application/json: the specification asks that
 * of legacy clients, which read errors from the body. A request parameter error is a 4xx; other
 * codes keep the status Apollo chose.
 */
export function requestErrorStatus(
  codes: readonly (string | undefined)[],
  mediaType: ResponseMediaType,
  current: number,
): number {
  if (codes.includes('UNAUTHENTICATED')) return 401;
  if (codes.length && codes.every((code) => code !== undefined && DOCUMENT_ERROR_CODES.has(code)))
    return mediaType === GRAPHQL_RESPONSE_JSON ? 400 : 200;
  // Apollo's own 4xx stands (405 for a mutation over GET); a parameter error is never a 5xx.
  if (codes.some((code) => code !== undefined && PARAMETER_ERROR_CODES.has(code)))
    return current >= 400 && current < 500 ? current : 400;
  return current;
}

export interface GraphQLResponseBody {
  data?: Record<string, unknown> | null;
  errors?: { message: string; path?: readonly (string | number)[]; extensions?: Record<string, unknown> }[];
  extensions?: Record<string, unknown>;
}

export const ROLLED_BACK_MESSAGE =
  'Nothing was saved: part of this operation failed, so all of its changes were rolled back, including those of the mutation fields that did not fail.';

/**
 * A mutation whose transaction was rolled back must not show what it had written: its data goes
 * (ids in it name rows that no longer exist) and an error says nothing was saved. When the only
 * root field failed and data is already null, the response already says that and stays as it is.
 * `rootKeys` are the response keys of the operation's root fields, undefined when unknown.
 */
export function rolledBackBody(
  body: GraphQLResponseBody,
  rootKeys: readonly string[] | undefined,
): GraphQLResponseBody {
  // No `data` at all: the request failed before execution (e.g. refused variables), so nothing ran.
  if (!('data' in body)) return body;
  const errors = body.errors ?? [];
  const failedKeys = new Set(errors.map((error) => error.path?.[0]));
  const looksDone = body.data != null || rootKeys === undefined || rootKeys.some((key) => !failedKeys.has(key));
  if (!looksDone) return body;
  return {
    ...body,
    errors: [...errors, { message: ROLLED_BACK_MESSAGE, extensions: { code: 'ROLLED_BACK' } }],
    data: null,
  };
}

/**
 * The operation a request runs and its root fields (name and response key); undefined when that
 * cannot be told (no query, a syntax error, an ambiguous operation, a fragment at the root, which
 * could hold any number of fields). Apollo then reports why.
 */
function rootFields(
  query: unknown,
  operationName: unknown,
): { operation: OperationTypeNode; fields: Array<{ name: string; key: string }> } | undefined {
  if (typeof query !== 'string') return undefined;
  const operations = operationsOf(query);
  if (!operations) return undefined;
  const operation =
    typeof operationName === 'string'
      ? operations.find((o) => o.name === operationName)
      : operations.length === 1
        ? operations[0]
        : undefined;
  if (!operation?.fields) return undefined;
  return { operation: operation.operation, fields: operation.fields };
}

interface OperationSummary {
  name: string | undefined;
  operation: OperationTypeNode;
  /** Undefined when a fragment sits at the root. */
  fields: Array<{ name: string; key: string }> | undefined;
}

/**
 * Clients send the same few documents again and again: each is parsed here once (Apollo keeps
 * its own parsed copy for execution). Bounded by the total length of the documents kept.
 */
const summaries = new LRUCache<string, OperationSummary[] | false>({
  maxSize: 4_000_000,
  sizeCalculation: (_value, query) => Math.max(1, query.length),
});

/** The operations of a document, or undefined for a syntax error. */
function operationsOf(query: string): OperationSummary[] | undefined {
  const known = summaries.get(query);
  if (known !== undefined) return known || undefined;
  let summary: OperationSummary[] | false;
  try {
    summary = parse(query, { noLocation: true })
      .definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION)
      .map((o) => ({ name: o.name?.value, operation: o.operation, fields: fieldsOf(o) }));
  } catch {
    summary = false;
  }
  summaries.set(query, summary);
  return summary || undefined;
}

function fieldsOf(operation: OperationDefinitionNode): OperationSummary['fields'] {
  const fields: Array<{ name: string; key: string }> = [];
  for (const selection of operation.selectionSet.selections) {
    if (selection.kind !== Kind.FIELD) return undefined;
    fields.push({ name: selection.name.value, key: selection.alias?.value ?? selection.name.value });
  }
  return fields;
}

/** Response keys (alias or name) of the root fields of the operation a request runs; undefined when that cannot be told. */
export function rootResponseKeys(query: unknown, operationName: unknown): string[] | undefined {
  return rootFields(query, operationName)?.fields.map((f) => f.key);
}

/** The root field names of the query operation a request runs; undefined for a mutation or when that cannot be told. */
export function rootQueryFields(query: unknown, operationName: unknown): string[] | undefined {
  const root = rootFields(query, operationName);
  return root?.operation === OperationTypeNode.QUERY ? root.fields.map((f) => f.name) : undefined;
}
