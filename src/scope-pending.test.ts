import { describe, expect, it } from 'vitest';
import { beforeCommit, settlePending, type RequestScope } from './scope';

const scopeWith = (outcome: RequestScope['outcome']) => ({ outcome }) as RequestScope;

describe('work that must finish before a request commits', () => {
  it('when every piece succeeds, then settling waits for all of them', async () => {
    const outcome: RequestScope['outcome'] = { mutationFailed: false, afterRollback: [] };
    const done: number[] = [];
    beforeCommit(scopeWith(outcome), new Promise((resolve) => setTimeout(() => resolve(done.push(1)), 10)));
    beforeCommit(scopeWith(outcome), Promise.resolve(done.push(2)));
    await settlePending(outcome);
    expect(done.sort()).toEqual([1, 2]);
  });

  it('when a piece fails, then settling throws its error, and the failure was never an unhandled rejection', async () => {
    const unhandled: unknown[] = [];
    const listener = (reason: unknown) => unhandled.push(reason);
    process.on('unhandledRejection', listener);
    try {
      const outcome: RequestScope['outcome'] = { mutationFailed: false, afterRollback: [] };
      beforeCommit(scopeWith(outcome), Promise.reject(new Error('audit insert failed')));
      // Long enough for Node to have reported an unhandled rejection.
      await new Promise((resolve) => setTimeout(resolve, 20));
      await expect(settlePending(outcome)).rejects.toThrow('audit insert failed');
      expect(unhandled).toEqual([]);
    } finally {
      process.off('unhandledRejection', listener);
    }
  });

  it('when a piece adds another while it runs, then settling waits for that one too', async () => {
    const outcome: RequestScope['outcome'] = { mutationFailed: false, afterRollback: [] };
    let inner = false;
    beforeCommit(
      scopeWith(outcome),
      Promise.resolve().then(() =>
        beforeCommit(scopeWith(outcome), new Promise((resolve) => setTimeout(() => resolve((inner = true)), 10))),
      ),
    );
    await settlePending(outcome);
    expect(inner).toBe(true);
  });
});
