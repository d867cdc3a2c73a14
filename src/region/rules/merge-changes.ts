/**
 * How a revision's `changes` apply to a config: plain objects merge key by key, arrays and
 * scalars replace wholesale (a fee table's rows are replaced as a list, never patched by index,
 * so a revision always states the whole list it means). Kept apart from revisions.ts so that
 * validate.ts can use it without an import cycle.
 */

export class RevisionChangeError extends Error {
  constructor(
    readonly path: (string | number)[],
    readonly reason: string,
  ) {
    super(`${path.length > 0 ? path.join('.') + ': ' : ''}${reason}`);
    this.name = 'RevisionChangeError';
  }
}

/** Keys that would reach Object.prototype when merged into a plain object. */
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/**
 * Deep-merges `changes` into `base` without touching either. The region id is the module's
 * identity, so a revision cannot change it (repeating the same id is harmless).
 */
export function mergeChanges(base: object, changes: Record<string, unknown>): unknown {
  if (!isPlainObject(changes)) throw new RevisionChangeError([], 'changes must be an object');
  const baseId = (base as { id?: unknown }).id;
  if ('id' in changes && changes.id !== baseId) {
    throw new RevisionChangeError(['id'], 'the region id cannot be changed by a revision');
  }
  return mergeInto(base as Record<string, unknown>, changes, []);
}

function mergeInto(
  base: Record<string, unknown>,
  changes: Record<string, unknown>,
  path: string[],
): Record<string, unknown> {
  const result: Record<string, unknown> = { ...base };
  for (const [key, change] of Object.entries(changes)) {
    if (FORBIDDEN_KEYS.has(key)) throw new RevisionChangeError([...path, key], 'key not allowed');
    const current = result[key];
    result[key] =
      isPlainObject(change) && isPlainObject(current)
        ? mergeInto(current, change, [...path, key])
        : structuredClone(change);
  }
  return result;
}
