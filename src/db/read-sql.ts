import type { EntityManager, Knex } from '@mikro-orm/postgresql';
import { READS_ONLY, type Queryable } from './serial-connection';

/**
 * Runs one hand-written read in the unit of work's transaction and returns plain rows. It must
 * only read: in a transaction that has not written yet, it runs on its own (`READS_ONLY`). Values go
 * as bind parameters (`?` placeholders), so PostgreSQL sees one statement text per shape of
 * query and can keep its plan; nothing is hydrated into entities or tracked by the ORM.
 */
export async function readRows<R>(em: EntityManager, sql: string, bindings: readonly unknown[]): Promise<R[]> {
  const result = (await run(em, sql, [...bindings], true)) as { rows: R[] };
  return result.rows;
}

/**
 * Runs statements without parameters in the unit of work's transaction and returns what the
 * driver answered: one result, or one per statement when there are several. Like `readRows`, for
 * statements that only read.
 */
export async function readRaw(em: EntityManager, sql: string): Promise<unknown> {
  return run(em, sql, [], true);
}

/**
 * Sends a statement on the transaction's own connection, without knex's query builder and runner
 * in between (they cost more per statement than the driver itself on a page's few statements).
 * Outside a transaction it goes through knex, which takes a connection from the pool for it.
 */
async function run(em: EntityManager, sql: string, values: unknown[], readsOnly: boolean): Promise<unknown> {
  const trx = em.getTransactionContext<Knex.Transaction>();
  // Without parameters, nothing is a placeholder: a `?` escaped by `sqlLiteral` is a `?`.
  const unescaped = values.length ? sql : sql.replaceAll('\\?', '?');
  if (!trx) return values.length ? em.getKnex().raw(sql, values as never[]) : em.getKnex().raw(unescaped);
  // As knex refuses: a statement after COMMIT would run on a connection back in the pool.
  if (trx.isCompleted()) throw new Error(`Transaction already complete: ${sql.slice(0, 80)}`);
  const text = values.length ? positioned(em, sql) : unescaped;
  const connection = (await clientOf(trx).acquireConnection()) as Queryable;
  return new Promise((resolve, reject) =>
    connection.query({ text, values, [READS_ONLY]: readsOnly }, (error: Error | null, result?: unknown) =>
      error ? reject(error) : resolve(result),
    ),
  );
}

/** What of knex's client (which knex types as `any`) is used here. */
interface KnexClient {
  /** In a transaction: the transaction's connection. */
  acquireConnection(): Promise<unknown>;
  /** `?` placeholders numbered `$1`, `$2`...; `\\?` is a `?`. */
  positionBindings(sql: string): string;
}

const clientOf = (knex: { client: unknown }) => knex.client as KnexClient;

/** Statement texts with knex's `?` placeholders, numbered as PostgreSQL takes them (`$1`...). */
const positionedTexts = new Map<string, string>();

function positioned(em: EntityManager, sql: string): string {
  let text = positionedTexts.get(sql);
  if (text === undefined) {
    text = clientOf(em.getKnex()).positionBindings(sql);
    // Texts come from the code's finite set of statements; the cap only guards against surprises.
    if (positionedTexts.size < 10_000) positionedTexts.set(sql, text);
  }
  return text;
}

/**
 * A text literal for SQL, quoted as pg's `escapeLiteral` quotes it; `?` is escaped for knex, which
 * would take it for a placeholder. Built with whole-string replacements: pg's builds the text a
 * character at a time, which for an audit INSERT's kilobytes of JSON was a tenth of what a page
 * of experts allocated.
 */
export function sqlLiteral(value: string): string {
  return textLiteral(value).replaceAll('?', '\\?');
}

/** The same literal for a statement that goes to the driver itself, not through knex. */
export function textLiteral(value: string): string {
  const quoted = `'${value.replaceAll("'", "''")}'`;
  return value.includes('\\') ? ` E${quoted.replaceAll('\\', '\\\\')}` : quoted;
}

/**
 * A page's row limit, written into the statement rather than bound. As a parameter, the limit is
 * unknown to the planner when it weighs the prepared statement's generic plan, which it then
 * takes for one that reads a tenth of the table and rejects: every execution was planned afresh
 * (a millisecond of the expert page's two in PostgreSQL). As a literal, the generic plan is
 * reused; page sizes are few (a list's cap bounds them), so are the statement texts.
 */
export function rowLimit(rows: number): string {
  if (!Number.isSafeInteger(rows) || rows < 0) throw new Error(`a row limit must be a whole number, not ${rows}`);
  return `limit ${rows}`;
}

/** Collects `?` placeholders and their values in order while a statement is put together. */
export class SqlParams {
  readonly values: unknown[] = [];

  /** A placeholder for the value (with an optional cast such as `::text[]`). */
  add(value: unknown, cast = ''): string {
    this.values.push(value);
    return `?${cast}`;
  }
}
