import { describe, expect, it } from 'vitest';
import { READS_ONLY, serialiseConnection, WITH_NEXT, type Queryable } from './serial-connection';
import { withStatementTally, type StatementTally } from './statement-counter';

/**
 * A driver that answers after a turn of the event loop and notes what ran at the same time; a
 * message with a statement `fail` gets an error.
 */
function fakeClient() {
  const sent: string[] = [];
  const names: Array<string | undefined> = [];
  let running = 0;
  let overlaps = 0;
  const client: Queryable = {
    query: (config, values, callback) => {
      const {
        text: own,
        name,
        ahead,
        callback: submittable,
      } = config as {
        text: string;
        name?: string;
        ahead?: string[];
        callback?: unknown;
      };
      names.push(name);
      // Like pg: a query object brings its callback; otherwise it may come in the place of the values.
      const answer = (submittable ?? (typeof values === 'function' ? values : callback)) as (
        error: Error | null,
        result: unknown,
      ) => void;
      // Statements pipelined ahead of a bound one are sent in its message; their results are skipped.
      const text = ahead ? [...ahead, own].join(' ') : own;
      sent.push(text);
      running++;
      if (running > 1) overlaps++;
      setTimeout(() => {
        running--;
        const results = (ahead ? [own] : text.split('; ')).map((part) => ({ command: part, rows: [{ text: part }] }));
        if (text.split('; ').includes('fail')) answer(new Error('the statement failed'), undefined);
        else answer(null, results.length > 1 ? results : results[0]);
      }, 1);
      return undefined;
    },
  };
  return { client, sent, names, overlaps: () => overlaps };
}

const ask = (client: Queryable, text: string, values: unknown[] = []) =>
  new Promise<unknown>((resolve, reject) =>
    client.query({ text, values }, (error: Error | null, result: unknown) => (error ? reject(error) : resolve(result))),
  );

/** A statement that only reads, as read-sql.ts sends it. */
const askRead = (client: Queryable, text: string, values: unknown[] = []) =>
  new Promise<unknown>((resolve, reject) =>
    client.query({ text, values, [READS_ONLY]: true }, (error: Error | null, result: unknown) =>
      error ? reject(error) : resolve(result),
    ),
  );

describe('statements on one connection', () => {
  it('when three loaders ask at once, then the driver gets one statement at a time, in the order asked', async () => {
    const fake = fakeClient();
    serialiseConnection(fake.client);
    await Promise.all([ask(fake.client, 'a', [1]), ask(fake.client, 'b', [2]), ask(fake.client, 'c', [3])]);
    expect(fake.sent).toEqual(['a', 'b', 'c']);
    expect(fake.overlaps()).toBe(0);
  });

  it('when a transaction starts with a statement without parameters, then BEGIN travels with it and its own result comes back', async () => {
    const fake = fakeClient();
    serialiseConnection(fake.client);
    const tally: StatementTally = { count: 0, statements: [] };
    const result = await withStatementTally(tally, async () => {
      await ask(fake.client, 'BEGIN;');
      const first = await ask(fake.client, "select set_config('app.region_ids', 'x', true)");
      await ask(fake.client, 'select ?', [1]);
      await ask(fake.client, 'COMMIT;');
      return first;
    });
    expect(fake.sent).toEqual(["BEGIN; select set_config('app.region_ids', 'x', true)", 'select ?', 'COMMIT;']);
    expect(result).toMatchObject({ command: "select set_config('app.region_ids', 'x', true)" });
    expect(tally.count).toBe(3);
  });

  it('when the first statement has parameters, then BEGIN is pipelined ahead of it in its message, under its name', async () => {
    const fake = fakeClient();
    serialiseConnection(fake.client);
    const inserted = await ask(fake.client, 'BEGIN;').then(() => ask(fake.client, 'insert ?', [1]));
    await ask(fake.client, 'COMMIT;');
    expect(fake.sent).toEqual(['BEGIN; insert ?', 'COMMIT;']);
    expect(fake.names[0]).toMatch(/^kp_/);
    expect(inserted).toMatchObject({ command: 'insert ?' });
  });

  it('when a setting is to go with the next statement, then it waits for it, after BEGIN, and lapses with a transaction that sends nothing', async () => {
    const fake = fakeClient();
    serialiseConnection(fake.client);
    const tally: StatementTally = { count: 0, statements: [] };
    await withStatementTally(tally, async () => {
      await ask(fake.client, 'BEGIN;');
      await ask(fake.client, `${WITH_NEXT}select set_config('a', '1', true)`);
      await ask(fake.client, `${WITH_NEXT}select set_config('b', '2', true)`);
      await ask(fake.client, 'select ?', [1]);
      await ask(fake.client, `${WITH_NEXT}select set_config('c', '3', true)`);
      await ask(fake.client, 'select 2');
      await ask(fake.client, `${WITH_NEXT}select set_config('d', '4', true)`);
      await ask(fake.client, 'COMMIT;');
      await ask(fake.client, 'BEGIN;');
      await ask(fake.client, `${WITH_NEXT}select set_config('e', '5', true)`);
      await ask(fake.client, 'ROLLBACK');
    });
    expect(fake.sent).toEqual([
      "BEGIN; select set_config('a', '1', true) select set_config('b', '2', true) select ?",
      "select set_config('c', '3', true); select 2",
      'COMMIT;',
    ]);
    expect(tally.count).toBe(3);
  });

  it('when a setting to go with the next statement is asked for outside a transaction, then it is sent at once', async () => {
    const fake = fakeClient();
    serialiseConnection(fake.client);
    await ask(fake.client, `${WITH_NEXT}select 1`);
    expect(fake.sent).toEqual([`${WITH_NEXT}select 1`]);
  });

  it('when a transaction sends nothing, then neither BEGIN nor COMMIT reaches the database', async () => {
    const fake = fakeClient();
    serialiseConnection(fake.client);
    await ask(fake.client, 'BEGIN;');
    await ask(fake.client, 'COMMIT;');
    await ask(fake.client, 'BEGIN;');
    await ask(fake.client, 'ROLLBACK');
    expect(fake.sent).toEqual([]);
  });

  it('when a statement with parameters comes again, then it goes under the same name, so PostgreSQL parses and plans it once per connection', async () => {
    const fake = fakeClient();
    serialiseConnection(fake.client);
    await ask(fake.client, 'select a where x = ?', [1]);
    await ask(fake.client, 'select a where x = ?', [2]);
    await ask(fake.client, 'select b where x = ?', [1]);
    await ask(fake.client, "select set_config('app.region_ids', 'x', true)");
    const [first, again, other, unbound] = fake.names;
    expect(first).toMatch(/^kp_[0-9a-f]{24}$/);
    expect(again).toBe(first);
    expect(other).toMatch(/^kp_/);
    expect(other).not.toBe(first);
    // Without parameters it goes by the simple protocol, which has no names.
    expect(unbound).toBeUndefined();
  });

  it('when a connection has prepared 500 statements, then further new texts go unnamed and the known ones keep their names', async () => {
    const fake = fakeClient();
    serialiseConnection(fake.client);
    for (let i = 0; i < 501; i++) await ask(fake.client, `select ${i} where x = ?`, [i]);
    await ask(fake.client, 'select 0 where x = ?', [0]);
    expect(fake.names.slice(0, 500).every((name) => name?.startsWith('kp_'))).toBe(true);
    expect(fake.names[500]).toBeUndefined();
    expect(fake.names[501]).toBe(fake.names[0]);
  });

  it('when a transaction only reads, then each read goes with the setting ahead of it, and neither BEGIN nor COMMIT is sent', async () => {
    const fake = fakeClient();
    serialiseConnection(fake.client);
    await ask(fake.client, 'BEGIN;');
    await ask(fake.client, `${WITH_NEXT}set x`);
    expect(await askRead(fake.client, 'read a')).toMatchObject({ command: 'read a' });
    expect(await askRead(fake.client, 'read b', [1])).toMatchObject({ command: 'read b' });
    await ask(fake.client, 'COMMIT;');
    expect(fake.sent).toEqual(['set x; read a', 'set x read b']);
  });

  it('when a transaction writes after reading, then BEGIN and the setting go with the first write, and the rest runs in the transaction', async () => {
    const fake = fakeClient();
    serialiseConnection(fake.client);
    await ask(fake.client, 'BEGIN;');
    await ask(fake.client, `${WITH_NEXT}set x`);
    await askRead(fake.client, 'read a');
    await ask(fake.client, 'insert b', [1]);
    await askRead(fake.client, 'read c');
    await ask(fake.client, 'COMMIT;');
    expect(fake.sent).toEqual(['set x; read a', 'BEGIN; set x insert b', 'read c', 'COMMIT;']);
  });

  it('when a transaction that only read rolls back, then nothing more is sent', async () => {
    const fake = fakeClient();
    serialiseConnection(fake.client);
    await ask(fake.client, 'BEGIN;');
    await ask(fake.client, `${WITH_NEXT}set x`);
    await askRead(fake.client, 'read a');
    await ask(fake.client, 'ROLLBACK');
    await askRead(fake.client, 'read c');
    expect(fake.sent).toEqual(['set x; read a', 'read c']);
  });
});
