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

/** Sees every statement the driver sends, transaction control included. */
export function recordStatement(sql: string): void {
  const tally = storage.getStore();
  if (tally) {
    tally.count += 1;
    if (tally.statements.length < 200) tally.statements.push(sql);
  }
}
