import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * Counts the SQL statements issued while serving one request, so that tests can prove that the
 * number of statements does not grow with the length of a list (no N+1). A production server does
 * not count (src/app.ts says why); its tallies stay at zero.
 */
export interface StatementTally {
  count: number;
  statements: string[];
}

const storage = new AsyncLocalStorage<StatementTally>();

export function withStatementTally<T>(tally: StatementTally, fn: () => T): T {
  return storage.run(tally, fn);
}

/** Runs `fn` outside any request's tally: what it starts is counted where it says, not by inheritance. */
export function outsideAnyRequest<T>(fn: () => T): T {
  return storage.exit(fn);
}

/** The tally of the request being served here, if any. */
export function currentTally(): StatementTally | undefined {
  return storage.getStore();
}

/** Sees every message the driver sends (transaction control included), in the tally of the request that sent it. */
export function recordStatement(tally: StatementTally | undefined, sql: string): void {
  if (tally) {
    tally.count += 1;
    if (tally.statements.length < 200) tally.statements.push(sql);
  }
}
