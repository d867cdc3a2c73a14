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
  if (!Number.isSafeInteger(offset) || offset < 0) throw new BadUserInputError(field, 'not a cursor returned by this API');
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

/** Rejects an input list longer than MAX_INPUT_LIST, naming the field. */
export function checkListLength(field: string, list: readonly unknown[] | null | undefined): void {
  if (list && list.length > MAX_INPUT_LIST) throw new BadUserInputError(field, `at most ${MAX_INPUT_LIST} items`);
}

@ObjectType('PageInfo', { description: 'Where a page ends and whether more follow.' })
export class PageInfo {
  @Field(() => Boolean, { description: 'True when a later page has rows.' })
  hasNextPage!: boolean;

  @Field(() => String, { nullable: true, description: 'Cursor of the last row of this page; pass it as `after` for the next page.' })
  endCursor!: string | null;
}

export interface ConnectionShape<T> {
  totalCount: number;
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
    @Field(() => Int, { description: 'Rows matching the query on all pages.' })
    totalCount!: number;

    @Field(() => PageInfo, { description: 'Where this page ends.' })
    pageInfo!: PageInfo;

    @Field(() => [Edge], { description: 'Rows of this page with their cursors.' })
    edges!: Array<{ cursor: string; node: T }>;

    @Field(() => [nodeType], { description: 'Rows of this page.' })
    nodes!: T[];
  }
  return ConnectionBase;
}

/** Builds a connection from a page of rows mapped to nodes. */
export function toConnection<R, T>(page: Page<R>, map: (row: R) => T): ConnectionShape<T> {
  const nodes = page.nodes.map(map);
  const edges = nodes.map((node, i) => ({ cursor: encodeCursor(page.offset + i), node }));
  const last = page.offset + nodes.length - 1;
  return {
    totalCount: page.totalCount,
    pageInfo: { hasNextPage: page.offset + nodes.length < page.totalCount, endCursor: nodes.length ? encodeCursor(last) : null },
    edges,
    nodes,
  };
}
