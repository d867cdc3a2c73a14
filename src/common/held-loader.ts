import DataLoader from 'dataloader';

export type MaybePromise<T> = T | Promise<T>;

/**
 * `next` of a value at hand at once, or of a promised one once it arrives. A field whose data
 * came with its page then resolves without a promise: for a page of twenty rows and a handful of
 * such fields, the promises (and the microtasks that settle them) cost more than the fields' work.
 */
export function whenReady<T, R>(value: MaybePromise<T>, next: (value: T) => MaybePromise<R>): MaybePromise<R> {
  return value instanceof Promise ? value.then(next) : next(value);
}

/**
 * A DataLoader that answers at once for the keys whose values it holds: primed from a page's
 * statement, or loaded earlier in the request. `get` gives the value itself when held, else a
 * promise batched with the other loads of the same turn, as `load` always does.
 */
export class HeldLoader<K, V> {
  private readonly held = new Map<K, V>();
  private readonly loader: DataLoader<K, V>;

  constructor(batch: (keys: readonly K[]) => Promise<ArrayLike<V | Error>>) {
    this.loader = new DataLoader<K, V>(async (keys) => {
      const values = await batch(keys);
      keys.forEach((key, i) => {
        const value = values[i]!;
        if (!(value instanceof Error)) this.held.set(key, value);
      });
      return values;
    });
  }

  get(key: K): MaybePromise<V> {
    return this.held.has(key) ? (this.held.get(key) as V) : this.loader.load(key);
  }

  load(key: K): Promise<V> {
    return Promise.resolve(this.get(key));
  }

  loadMany(keys: readonly K[]): Promise<Array<V | Error>> {
    return Promise.all(keys.map((key) => this.load(key).catch((error: Error) => error)));
  }

  prime(key: K, value: V): this {
    if (!this.held.has(key)) this.held.set(key, value);
    return this;
  }
}
