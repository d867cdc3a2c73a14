import { isObjectType, type GraphQLSchema } from 'graphql';
import { type ClassType, Field, Int, ObjectType } from 'type-graphql';
import { BadUserInputError } from './errors';

/** Page size when the client does not ask for one, and the most one page may hold. */
export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;
/** Longest list an input may carry (ids to filter by, panel members, ...). */
export const MAX_INPUT_LIST = 100;

export interface PageRequest {
  /** Rows to skip. */
  offset: number;
  /** Rows to return. */
  limit: number;
}

export interface Page<T> {
  nodes: T[];
  totalCount: number;
  offset: number;
}

const CURSOR_PREFIX = 'kp:o:';

export function encodeCursor(offset: number): string {
  return Buffer.from(`${CURSOR_PREFIX}${offset}`, 'utf8').toString('base64url');
}

/** Opaque to clients; a cursor is the position after which the next page starts. */
export function decodeCursor(cursor: string, field = 'after'): number {
  const text = Buffer.from(cursor, 'base64url').toString('utf8');
  if (!text.startsWith(CURSOR_PREFIX)) throw new BadUserInputError(field, 'not a cursor returned by this API');
  const offset = Number(text.slice(CURSOR_PREFIX.length));
  if (!Number.isSafeInteger(offset) || offset < 0)
    throw new BadUserInputError(field, 'not a cursor returned by this API');
  return offset;
}

/** `first` defaults to 20 and must be 1..100; `after` is a cursor from an earlier page. */
export function pageRequest(first: number | null | undefined, after: string | null | undefined): PageRequest {
  const limit = first ?? DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_PAGE_SIZE) {
    throw new BadUserInputError('first', `must be from 1 to ${MAX_PAGE_SIZE}`);
  }
  return { limit, offset: after ? decodeCursor(after) + 1 : 0 };
}

/**
 * The length of a capped list that is not paged (a short list a screen shows whole, such as a
 * region's revisions): `first` from 1 to MAX_PAGE_SIZE, MAX_PAGE_SIZE when not given.
 */
export function listCap(first: number | null | undefined): number {
  const limit = first ?? MAX_PAGE_SIZE;
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_PAGE_SIZE)
    throw new BadUserInputError('first', `must be from 1 to ${MAX_PAGE_SIZE}`);
  return limit;
}

/** Rejects an input list longer than MAX_INPUT_LIST, naming the field. */
export function checkListLength(field: string, list: readonly unknown[] | null | undefined): void {
  if (list && list.length > MAX_INPUT_LIST) throw new BadUserInputError(field, `at most ${MAX_INPUT_LIST} items`);
}

// ---- keyset cursors -------------------------------------------------------------------------
// A keyset cursor names the last row seen by its sort key and id, so the next page starts right
// after that row wherever it now is: rows inserted or deleted meanwhile never repeat or skip one.

/** A sort key value: text, a number or an instant (timestamps are compared at millisecond precision). */
export type SortValue = string | number | Date;

export interface KeysetPosition {
  key: SortValue;
  id: string;
}

export interface KeysetPageRequest {
  limit: number;
  /** The row after which this page starts, or null for the first page. */
  after: KeysetPosition | null;
}

/** A page of rows in (sort key, id) order; `totalCount` is counted only if someone asks. */
export interface KeysetPage<R> {
  nodes: R[];
  hasNextPage: boolean;
  cursorOf: (row: R) => string;
  totalCount: () => Promise<number>;
}

const KEYSET_PREFIX = 'kp:k:';

export function encodeKeysetCursor(position: KeysetPosition): string {
  const key = position.key instanceof Date ? { d: position.key.toISOString() } : position.key;
  return Buffer.from(KEYSET_PREFIX + JSON.stringify([key, position.id]), 'utf8').toString('base64url');
}

/** Opaque to clients; anything this API did not hand out is BAD_USER_INPUT naming the argument. */
export function decodeKeysetCursor(cursor: string, field = 'after'): KeysetPosition {
  const bad = () => new BadUserInputError(field, 'not a cursor returned by this API');
  if (cursor.length > 2_000) throw bad();
  const text = Buffer.from(cursor, 'base64url').toString('utf8');
  if (!text.startsWith(KEYSET_PREFIX)) throw bad();
  let parsed: unknown;
  try {
    parsed = JSON.parse(text.slice(KEYSET_PREFIX.length));
  } catch {
    throw bad();
  }
  if (!Array.isArray(parsed) || parsed.length !== 2 || typeof parsed[1] !== 'string') throw bad();
  const [raw, id] = parsed as [unknown, string];
  if (typeof raw === 'string' || (typeof raw === 'number' && Number.isFinite(raw))) return { key: raw, id };
  if (raw && typeof raw === 'object' && typeof (raw as { d?: unknown }).d === 'string') {
    const date = new Date((raw as { d: string }).d);
    if (!Number.isNaN(date.getTime())) return { key: date, id };
  }
  throw bad();
}

/** `first` defaults to 20 and must be 1..100; `after` is an endCursor of an earlier page. */
export function keysetPageRequest(
  first: number | null | undefined,
  after: string | null | undefined,
): KeysetPageRequest {
  const limit = first ?? DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_PAGE_SIZE) {
    throw new BadUserInputError('first', `must be from 1 to ${MAX_PAGE_SIZE}`);
  }
  return { limit, after: after ? decodeKeysetCursor(after) : null };
}

/**
 * The ORM condition for "after this position" in an order by (sortKey, id), both in `direction`:
 * `(key, id) > (k, i)` ascending, `<` descending. Use with `orderBy: { [sortKey]: direction, id: direction }`,
 * `limit: request.limit + 1`, and `keysetPage` on the rows.
 */
export function afterPosition(
  sortKey: string,
  direction: 'asc' | 'desc',
  after: KeysetPosition | null,
): Record<string, unknown> {
  if (!after) return {};
  const beyond = direction === 'asc' ? '$gt' : '$lt';
  const beyondOrAt = direction === 'asc' ? '$gte' : '$lte';
  // The first condition is implied by the second; it is there so that PostgreSQL can start an
  // index range scan on (..., sortKey, id) at the cursor instead of filtering every row before it.
  return {
    [sortKey]: { [beyondOrAt]: after.key },
    $or: [{ [sortKey]: { [beyond]: after.key } }, { [sortKey]: after.key, id: { [beyond]: after.id } }],
  };
}

/** The page from up to `limit + 1` rows fetched in order: the extra row only says that more follow. */
export function keysetPage<R extends { id: string }>(
  rows: R[],
  request: KeysetPageRequest,
  sortKeyOf: (row: R) => SortValue,
  count: () => Promise<number>,
): KeysetPage<R> {
  return {
    nodes: rows.slice(0, request.limit),
    hasNextPage: rows.length > request.limit,
    cursorOf: (row) => encodeKeysetCursor({ key: sortKeyOf(row), id: row.id }),
    totalCount: count,
  };
}

/** Builds a connection from a keyset page; the count runs only if `totalCount` is selected. */
export function toKeysetConnection<R extends { id: string }, T>(
  page: KeysetPage<R>,
  map: (row: R) => T,
): ConnectionShape<T> {
  return new KeysetConnection(page, page.nodes.map(map));
}

/*
 * Cursors are encoded when selected (getters): a list that shows only `nodes` encodes none. The
 * getters are a class's, not an object literal's: V8 gives every object literal with a getter a
 * map of its own, made in the old generation and kept until a full collection, and through the
 * getter's closure that map held the whole page (rows, loaders, the unit of work) alive across
 * young collections. Every page was then copied and promoted, and young collections took 20-30 ms.
 */
class KeysetConnection<R extends { id: string }, T> implements ConnectionShape<T> {
  readonly totalCount: () => Promise<number>;
  readonly pageInfo: KeysetPageInfo<R>;

  constructor(
    private readonly page: KeysetPage<R>,
    readonly nodes: T[],
  ) {
    this.totalCount = page.totalCount;
    this.pageInfo = new KeysetPageInfo(page);
  }

  get edges(): Array<{ cursor: string; node: T }> {
    return this.page.nodes.map((row, i) => new KeysetEdge(this.page, row, this.nodes[i]!));
  }
}

class KeysetPageInfo<R extends { id: string }> {
  readonly hasNextPage: boolean;

  constructor(private readonly page: KeysetPage<R>) {
    this.hasNextPage = page.hasNextPage;
  }

  get endCursor(): string | null {
    const last = this.page.nodes.at(-1);
    return last ? this.page.cursorOf(last) : null;
  }
}

class KeysetEdge<R extends { id: string }, T> {
  constructor(
    private readonly page: KeysetPage<R>,
    private readonly row: R,
    readonly node: T,
  ) {}

  get cursor(): string {
    return this.page.cursorOf(this.row);
  }
}

@ObjectType('PageInfo', { description: 'Where a page ends and whether more follow.' })
export class PageInfo {
  @Field(() => Boolean, { description: 'True when a later page has rows.' })
  hasNextPage!: boolean;

  @Field(() => String, {
    nullable: true,
    description: 'Cursor of the last row of this page; pass it as `after` for the next page.',
  })
  endCursor!: string | null;
}

export interface ConnectionShape<T> {
  /** A number, or a function that counts when the field is selected (and only then). */
  totalCount: number | (() => Promise<number>);
  pageInfo: PageInfo;
  edges: Array<{ cursor: string; node: T }>;
  nodes: T[];
}

/**
 * A cursor connection type for one node type:
 * `@ObjectType('ExpertConnection') class ExpertConnection extends Connection(ExpertProfileType, 'ExpertProfile') {}`.
 */
export function Connection<T extends object>(nodeType: ClassType<T>, nodeName: string) {
  @ObjectType(`${nodeName}Edge`, { description: `One ${nodeName} with its cursor.` })
  class Edge {
    @Field(() => String, { description: 'Opaque position of this row; pass it as `after`.' })
    cursor!: string;

    @Field(() => nodeType, { description: `The ${nodeName}.` })
    node!: T;
  }

  @ObjectType()
  abstract class ConnectionBase implements ConnectionShape<T> {
    // Resolved by `countWhenAsked` (below): a function value is called, so a count runs only when asked for.
    @Field(() => Int, { simple: true, description: 'Rows matching the query on all pages.' })
    totalCount!: number | (() => Promise<number>);

    @Field(() => PageInfo, { description: 'Where this page ends.' })
    pageInfo!: PageInfo;

    @Field(() => [Edge], { description: 'Rows of this page with their cursors.' })
    edges!: Array<{ cursor: string; node: T }>;

    @Field(() => [nodeType], { description: 'Rows of this page.' })
    nodes!: T[];
  }
  return ConnectionBase;
}

/**
 * Gives every connection's `totalCount` a resolver that calls a lazy count: the compiled executor
 * reads plain fields as values and would not call it (graphql-js's default resolver did).
 */
export function countWhenAsked(schema: GraphQLSchema): GraphQLSchema {
  for (const type of Object.values(schema.getTypeMap())) {
    const field = isObjectType(type) ? type.getFields().totalCount : undefined;
    if (field && !field.resolve)
      field.resolve = (source: ConnectionShape<unknown>) =>
        typeof source.totalCount === 'function' ? source.totalCount() : source.totalCount;
  }
  return schema;
}

/** Builds a connection from a page of rows mapped to nodes. */
export function toConnection<R, T>(page: Page<R>, map: (row: R) => T): ConnectionShape<T> {
  const nodes = page.nodes.map(map);
  const edges = nodes.map((node, i) => ({ cursor: encodeCursor(page.offset + i), node }));
  const last = page.offset + nodes.length - 1;
  return {
    totalCount: page.totalCount,
    pageInfo: {
      hasNextPage: page.offset + nodes.length < page.totalCount,
      endCursor: nodes.length ? encodeCursor(last) : null,
    },
    edges,
    nodes,
  };
}
