import type { EntityManager, Knex } from '@mikro-orm/postgresql';

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

/** Collects `?` placeholders and their values in order while a statement is put together. */
export class SqlParams {
  readonly values: unknown[] = [];

  /** A placeholder for the value (with an optional cast such as `::text[]`). */
  add(value: unknown, cast = ''): string {
    this.values.push(value);
    return `?${cast}`;
  }
}
