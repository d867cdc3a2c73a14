import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * Counts the SQL statements issued while serving one request, so that tests can prove that the
 * number of statements does not grow with the length of a list (no N+1).
 */
export interface StatementTally {
  count: number;
  statements: string[];
}

const storage = new AsyncLocalStorage<StatementTally>();

export function withStatementTally<T>(tally: StatementTally, fn: () => T): T {
  return storage.run(tally, fn);
}

/** MikroORM `onQuery` hook: sees every statement before it is sent. */
export function recordStatement(sql: string): string {
  const tally = storage.getStore();
  if (tally) {
    tally.count += 1;
    if (tally.statements.length < 200) tally.statements.push(sql);
  }
  return sql;
}
