import { Temporal } from '@js-temporal/polyfill';
import { Kind, parse, visit, BREAK } from 'graphql';
import { LRUCache } from 'lru-cache';
import { rootQueryFields } from './framing';

/**
 * Whole answers to public queries of region rules (`regions`, `region`), kept in the process:
 * every caller without a token gets the same bytes, and building them again (execution of a few
 * hundred fields, JSON) costs far more than the lookup.
 *
 * An answer is used only while it would still be the same:
 * - it is keyed by the document, the operation name, the variables (locales and `at` among
 *   them) and the Accept header (the response's media type);
 * - it is keyed by the generation of the published-revision cache, which every publish changes,
 *   on this instance at commit and on the others through LISTEN/NOTIFY; answers are kept only while
 *   that cache is trusted and holds every region;
 * - it lies in a window of time in which the rules in force cannot change: from the latest of the
 *   day's start (in each region's time zone) and the last revision that took effect, to the
 *   earliest of the next midnight and the next revision to take effect;
 * - the caller sent no Authorization header at all: an authenticated caller (or a rejected
 *   token) always gets an answer made for it;
 * - the document asks for nothing that names the present instant (`rulesAt`).
 */
export interface PublicAnswer {
  status: number;
  headers: Array<[string, string]>;
  body: string;
  /** The window (epoch ms, [from, until)) in which the answer holds. */
  from: number;
  until: number;
}

/** What the cache needs to know of the region rules. */
export interface RulesState {
  /** Changes with every publish (see PublishedRevisionCache). */
  generation(): number;
  /** Every region's published revisions are in memory and kept up to date. */
  complete(): boolean;
  /** Effective instants (ms) of the published revisions. */
  effectiveInstants(): number[];
  /** The regions' time zones. */
  timeZones(): string[];
}

/** Root fields whose answer depends only on the rules in force, the arguments and the locale. */
const CACHEABLE_ROOTS: ReadonlySet<string> = new Set(['regions', 'region', '__typename']);
/** Fields whose value is the present instant (the default of `at`). */
const INSTANT_FIELDS: ReadonlySet<string> = new Set(['rulesAt']);

export class PublicAnswers {
  private readonly answers = new LRUCache<string, PublicAnswer>({
    maxSize: 20_000_000,
    sizeCalculation: (answer, key) => answer.body.length + key.length,
  });
  /** Per document: whether it names no instant field anywhere. */
  private readonly timeless = new LRUCache<string, boolean>({
    maxSize: 4_000_000,
    sizeCalculation: (_value, query) => Math.max(1, query.length),
  });

  constructor(private readonly rules: RulesState) {}

  /**
   * The key of a request whose answer may be shared, or undefined. `body` is the parsed JSON body
   * of a POST; `generation` is taken now, before the request runs.
   */
  keyOf(request: {
    method: string | undefined;
    authorization: string | undefined;
    body: unknown;
    /** Apollo chooses the response's media type from it. */
    accept: string | undefined;
  }): { key: string; generation: number } | undefined {
    if (request.method !== 'POST' || request.authorization !== undefined) return undefined;
    if (!request.body || typeof request.body !== 'object') return undefined;
    const { query, operationName, variables, extensions, ...rest } = request.body as Record<string, unknown>;
    if (typeof query !== 'string' || extensions !== undefined || Object.keys(rest).length) return undefined;
    if (operationName !== undefined && operationName !== null && typeof operationName !== 'string') return undefined;
    if (variables !== undefined && variables !== null && (typeof variables !== 'object' || Array.isArray(variables)))
      return undefined;
    if (!this.rules.complete()) return undefined;
    const roots = rootQueryFields(query, operationName ?? undefined);
    // `{ __typename }` alone is left to run: it costs next to nothing and shows the stack's floor.
    if (!roots?.every((field) => CACHEABLE_ROOTS.has(field)) || roots.every((field) => field === '__typename'))
      return undefined;
    if (!this.isTimeless(query)) return undefined;
    const generation = this.rules.generation();
    const key = JSON.stringify([generation, request.accept ?? null, query, operationName ?? null, variables ?? null]);
    return { key, generation };
  }

  get(key: string, nowMs: number): PublicAnswer | undefined {
    const answer = this.answers.get(key);
    return answer && answer.from <= nowMs && nowMs < answer.until ? answer : undefined;
  }

  /** Keeps a successful answer, unless the rules changed while it was made. */
  put(
    key: { key: string; generation: number },
    answer: Omit<PublicAnswer, 'from' | 'until'>,
    startedMs: number,
    nowMs: number,
  ): void {
    if (answer.status !== 200 || answer.body.includes('"errors"')) return;
    if (!this.rules.complete() || this.rules.generation() !== key.generation) return;
    const { from, until } = this.window(startedMs);
    // Made across a boundary (midnight, a revision taking effect): it may mix both sides.
    if (nowMs >= until) return;
    this.answers.set(key.key, { ...answer, from, until });
  }

  /** The span around `atMs` in which no rule in force can change. */
  private window(atMs: number): { from: number; until: number } {
    let from = -Infinity;
    let until = Infinity;
    for (const zone of new Set(this.rules.timeZones())) {
      const day = Temporal.Instant.fromEpochMilliseconds(atMs).toZonedDateTimeISO(zone).toPlainDate();
      from = Math.max(from, day.toZonedDateTime(zone).epochMilliseconds);
      until = Math.min(until, day.add({ days: 1 }).toZonedDateTime(zone).epochMilliseconds);
    }
    for (const instant of this.rules.effectiveInstants()) {
      if (instant <= atMs) from = Math.max(from, instant);
      else until = Math.min(until, instant);
    }
    return { from, until };
  }

  private isTimeless(query: string): boolean {
    const known = this.timeless.get(query);
    if (known !== undefined) return known;
    let timeless = true;
    try {
      visit(parse(query, { noLocation: true }), {
        [Kind.FIELD](node) {
          if (!INSTANT_FIELDS.has(node.name.value)) return undefined;
          timeless = false;
          return BREAK;
        },
      });
    } catch {
      timeless = false;
    }
    this.timeless.set(query, timeless);
    return timeless;
  }
}
