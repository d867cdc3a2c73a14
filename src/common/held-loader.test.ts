import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { HeldLoader, whenReady } from './held-loader';

/** A loader over a table of squares that records each batch it was asked for. */
function squares() {
  const batches: number[][] = [];
  const loader = new HeldLoader<number, number>((keys) => {
    batches.push([...keys]);
    return Promise.resolve(keys.map((k) => (k < 0 ? new Error(`no square for ${k}`) : k * k)));
  });
  return { loader, batches };
}

describe('HeldLoader', () => {
  it('when a key was primed, then get gives its value at once and no batch is asked for', () => {
    const { loader, batches } = squares();
    loader.prime(3, 9);
    expect(loader.get(3)).toBe(9);
    expect(batches).toEqual([]);
  });

  it('when a key is primed twice, then the first value stays, as DataLoader keeps it', () => {
    const { loader } = squares();
    loader.prime(3, 9).prime(3, 10);
    expect(loader.get(3)).toBe(9);
  });

  it('when keys are not held, then the gets of one turn go in one batch, and afterwards each is held', async () => {
    const { loader, batches } = squares();
    const pending = [loader.get(2), loader.get(3), loader.get(2)];
    expect(pending.every((p) => p instanceof Promise)).toBe(true);
    expect(await Promise.all(pending.map((p) => Promise.resolve(p)))).toEqual([4, 9, 4]);
    expect(batches).toEqual([[2, 3]]);
    expect(loader.get(3)).toBe(9);
    expect(batches).toHaveLength(1);
  });

  it('when a key fails to load, then its get rejects, it is not held, and loadMany returns the error in its place', async () => {
    const { loader } = squares();
    await expect(loader.get(-1)).rejects.toThrow('no square for -1');
    const again = loader.get(-1);
    expect(again).toBeInstanceOf(Promise);
    await expect(again).rejects.toThrow('no square for -1');
    const many = await loader.loadMany([4, -2]);
    expect(many[0]).toBe(16);
    expect(many[1]).toBeInstanceOf(Error);
  });

  it('whatever is primed or loaded, get and load give the same values', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uniqueArray(fc.nat(50)), fc.array(fc.nat(50), { minLength: 1 }), async (primed, asked) => {
        const { loader } = squares();
        for (const k of primed) loader.prime(k, k * k);
        const viaGet = await Promise.all(asked.map((k) => Promise.resolve(loader.get(k))));
        const viaLoad = await Promise.all(asked.map((k) => loader.load(k)));
        expect(viaGet).toEqual(asked.map((k) => k * k));
        expect(viaLoad).toEqual(viaGet);
      }),
    );
  });
});

describe('whenReady', () => {
  it('when the value is at hand, then the next step runs at once and gives a plain value', () => {
    expect(whenReady(2, (n) => n + 1)).toBe(3);
  });

  it('when the value is promised, then the next step runs once it arrives', async () => {
    const result = whenReady(Promise.resolve(2), (n) => n + 1);
    expect(result).toBeInstanceOf(Promise);
    expect(await result).toBe(3);
  });

  it('when steps are chained, then a promised step anywhere gives a promise of the last step', async () => {
    expect(whenReady(2, (n) => whenReady(n * 10, (m) => m + 1))).toBe(21);
    expect(await whenReady(2, (n) => whenReady(Promise.resolve(n * 10), (m) => m + 1))).toBe(21);
  });
});
