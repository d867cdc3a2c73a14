import type { EntityManager } from '@mikro-orm/postgresql';

/**
 * Runs work in one transaction on a fork of its own: begun, flushed and committed, or rolled back
 * if anything fails. Not `em.transactional`, which also forks a second EntityManager and runs the
 * work in an AsyncLocalStorage context for code that reaches for the global EntityManager (nothing
 * here does; the ORM refuses it). Once any code has run in such a context, every promise the
 * process makes carries it, on every request after.
 */
export async function inTransaction<T>(em: EntityManager, work: (tx: EntityManager) => Promise<T>): Promise<T> {
  const tx = em.fork();
  await tx.begin();
  try {
    const result = await work(tx);
    await tx.commit();
    return result;
  } catch (error) {
    // A failed COMMIT leaves the transaction open in the ORM's eyes: it is rolled back like the rest.
    if (tx.isInTransaction()) await tx.rollback();
    throw error;
  }
}
