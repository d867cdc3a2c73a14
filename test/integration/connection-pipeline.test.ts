/**
 * A transaction's BEGIN and its region setting travel in the message of its first statement with
 * bind parameters (src/db/pipelined-query.ts). These tests run that on a real PostgreSQL
 * connection: the setting is in force for the statement, errors come back as the statement's and
 * leave the connection usable, and the request counts one round trip.
 */
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { READS_ONLY, serialiseConnection, WITH_NEXT, type Queryable } from '../../src/db/serial-connection';
import { withStatementTally, type StatementTally } from '../../src/db/statement-counter';

describe('statements pipelined ahead of a bound statement', () => {
  let client: pg.Client;
  const ask = <R = unknown>(text: string, values: unknown[] = []) =>
    new Promise<pg.QueryResult<R & pg.QueryResultRow>>((resolve, reject) =>
      (client as unknown as Queryable).query({ text, values }, (error: Error | null, result: unknown) =>
        error ? reject(error) : resolve(result as pg.QueryResult<R & pg.QueryResultRow>),
      ),
    );

  /** A statement that only reads, as read-sql.ts marks it. */
  const read = <R = unknown>(text: string, values: unknown[] = []) =>
    new Promise<pg.QueryResult<R & pg.QueryResultRow>>((resolve, reject) =>
      (client as unknown as Queryable).query(
        { text, values, [READS_ONLY]: true },
        (error: Error | null, result: unknown) =>
          error ? reject(error) : resolve(result as pg.QueryResult<R & pg.QueryResultRow>),
      ),
    );

  beforeAll(async () => {
    client = new pg.Client({ connectionString: inject('maintenanceUrl') });
    await client.connect();
    serialiseConnection(client);
  });
  afterAll(async () => {
    await client?.end();
  });

  it('when BEGIN and a setting wait for a bound statement, then the statement sees the setting, in one round trip, and the setting ends with the transaction', async () => {
    const tally: StatementTally = { count: 0, statements: [] };
    const rows = await withStatementTally(tally, async () => {
      await ask('BEGIN;');
      await ask(`${WITH_NEXT}select set_config('app.region_ids', 'lapland,vantaa', true)`);
      const first = await ask<{ regions: string; n: number }>(
        "select current_setting('app.region_ids') as regions, $1::int as n",
        [7],
      );
      // The same text again, now parsed on this connection: Bind and Execute only.
      const again = await ask<{ regions: string; n: number }>(
        "select current_setting('app.region_ids') as regions, $1::int as n",
        [8],
      );
      await ask('COMMIT;');
      return [...first.rows, ...again.rows];
    });
    expect(rows).toEqual([
      { regions: 'lapland,vantaa', n: 7 },
      { regions: 'lapland,vantaa', n: 8 },
    ]);
    expect(tally.count).toBe(3);
    const after = await ask<{ regions: string | null }>(
      "select current_setting('app.region_ids', true) as regions, $1::int as n",
      [1],
    );
    expect(after.rows[0]!.regions ?? '').toBe('');
  });

  it('when the bound statement fails, then its error comes back, the transaction rolls back and the connection answers the same statement again', async () => {
    await ask('BEGIN;');
    await ask(`${WITH_NEXT}select set_config('app.region_ids', 'lapland', true)`);
    await expect(ask('select 10 / $1::int as q', [0])).rejects.toThrow(/division by zero/);
    await ask('ROLLBACK');
    const again = await ask<{ q: number }>('select 10 / $1::int as q', [2]);
    expect(again.rows).toEqual([{ q: 5 }]);
  });

  it('when the bound statement does not parse, then every try says so (it is not taken for prepared)', async () => {
    for (let i = 0; i < 2; i++) {
      await ask('BEGIN;');
      await ask(`${WITH_NEXT}select set_config('app.region_ids', 'lapland', true)`);
      await expect(ask('select $1::int frm nowhere', [1])).rejects.toThrow(/syntax error/);
      await ask('ROLLBACK');
    }
  });

  it('when a statement sent ahead fails, then the bound statement fails with its error, inside the aborted transaction, until it is rolled back', async () => {
    await ask('BEGIN;');
    await ask(`${WITH_NEXT}select 1 / 0`);
    await expect(ask('select $1::int as n', [1])).rejects.toThrow(/division by zero/);
    // BEGIN went first: the transaction is open and aborted, not an implicit one that ended.
    await expect(ask('select $1::int as n', [2])).rejects.toThrow(/current transaction is aborted/);
    await ask('ROLLBACK');
    expect((await ask<{ n: number }>('select $1::int as n', [3])).rows).toEqual([{ n: 3 }]);
  });

  it('when a transaction only reads, then each read sees the setting in a transaction of its own, one round trip each, and nothing stays open', async () => {
    const tally: StatementTally = { count: 0, statements: [] };
    const rows = await withStatementTally(tally, async () => {
      await ask('BEGIN;');
      await ask(`${WITH_NEXT}select set_config('app.region_ids', 'lapland', true)`);
      // now() is the start of the transaction: it differs between reads only if each has its own.
      const sql = "select current_setting('app.region_ids') as regions, now()::text as at, $1::int as n";
      const first = await read<{ regions: string; at: string; n: number }>(sql, [1]);
      await new Promise((resolve) => setTimeout(resolve, 5));
      const second = await read<{ regions: string; at: string; n: number }>(sql, [2]);
      await ask('COMMIT;');
      return [...first.rows, ...second.rows];
    });
    expect(rows.map(({ regions, n }) => ({ regions, n }))).toEqual([
      { regions: 'lapland', n: 1 },
      { regions: 'lapland', n: 2 },
    ]);
    expect(rows[0]!.at).not.toBe(rows[1]!.at);
    expect(tally.count).toBe(2);
    await new Promise((resolve) => setTimeout(resolve, 5));
    const after = await ask<{ regions: string | null; at: string }>(
      "select current_setting('app.region_ids', true) as regions, now()::text as at, $1::int as n",
      [3],
    );
    expect(after.rows[0]!.at).not.toBe(rows[1]!.at);
    expect(after.rows[0]!.regions ?? '').toBe('');
  });
});
