import type { EntityManager, Knex } from '@mikro-orm/postgresql';
import pg from 'pg';
import { WITH_COMMIT } from './serial-connection';

/**
 * Runs one hand-written read in the unit of work's transaction and returns plain rows. Values go
 * as bind parameters (`?` placeholders), so PostgreSQL sees one statement text per shape of
 * query and can keep its plan; nothing is hydrated into entities or tracked by the ORM.
 */
export async function readRows<R>(em: EntityManager, sql: string, bindings: readonly unknown[]): Promise<R[]> {
  const query = em.getKnex().raw(sql, [...bindings] as never[]);
  const trx = em.getTransactionContext<Knex.Transaction>();
  if (trx) query.transacting(trx);
  const result = (await query) as { rows: R[] };
  return result.rows;
}

/**
 * Runs statements without parameters in the unit of work's transaction and returns what the
 * driver answered: one result, or one per statement when there are several.
 */
export async function readRaw(em: EntityManager, sql: string): Promise<unknown> {
  const query = em.getKnex().raw(sql);
  const trx = em.getTransactionContext<Knex.Transaction>();
  if (trx) query.transacting(trx);
  return (await query) as unknown;
}

/**
 * Sends a statement without parameters in the same message as the unit of work's COMMIT, saving
 * its round trip: for writes nothing later in the transaction reads (the audit log of reads).
 * If it fails, the transaction does not commit; if the transaction rolls back, it is not sent.
 * Outside a transaction it runs at once.
 */
export async function sendWithCommit(em: EntityManager, sql: string): Promise<void> {
  await readRaw(em, `${WITH_COMMIT}${sql}`);
}

/** A text literal for SQL; `?` is escaped for knex, which would take it for a placeholder. */
export function sqlLiteral(value: string): string {
  return pg.escapeLiteral(value).replaceAll('?', '\\?');
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
