import { createHash } from 'node:crypto';
import { PipelinedQuery } from './pipelined-query';
import { currentTally, recordStatement, type StatementTally } from './statement-counter';

type Callback = (error: Error | null, result?: unknown) => void;

interface QueryConfig {
  text: string;
  values?: unknown[];
  [option: string]: unknown;
}

type QueryFn = (config: string | QueryConfig, values?: unknown, callback?: unknown) => unknown;

/** What of a pooled pg client this module touches. */
export interface Queryable {
  query: QueryFn;
}

type PipelinedConfig = ConstructorParameters<typeof PipelinedQuery>[1];

/** The transaction control statements knex sends, exactly as it spells them. */
const BEGIN = 'BEGIN;';
const COMMIT = 'COMMIT;';
const ENDS: ReadonlySet<string> = new Set([COMMIT, 'ROLLBACK']);

/**
 * Marks one statement without parameters, inside a transaction, whose answer nobody reads (a
 * transaction-local setting): it waits and goes in the same message as the transaction's next
 * statement. If the transaction ends before another statement, it is never sent; if it fails,
 * the next statement fails with its error.
 */
export const WITH_NEXT = '/* with next */ ';

/**
 * Statements with bind parameters are prepared once per connection under a name derived from
 * their text, so PostgreSQL parses and plans the same statement text once rather than on every
 * request (a page's statements spent as long in parse and bind as in execution). A connection
 * keeps at most this many; statements past it go unnamed, so an unbounded variety of texts cannot
 * grow a server process without end.
 */
const PREPARED_PER_CONNECTION = 500;
const namesByText = new Map<string, string>();

function statementName(text: string): string {
  let name = namesByText.get(text);
  if (!name) {
    name = `kp_${createHash('sha1').update(text).digest('hex').slice(0, 24)}`;
    // Texts come from the code's finite set of statements; the cap only guards against surprises.
    if (namesByText.size < 10_000) namesByText.set(text, name);
  }
  return name;
}

/** A statement with its semicolon, to be followed by another in the same message. */
function terminated(text: string): string {
  return text.trimEnd().endsWith(';') ? text : `${text};`;
}

/** What pg answers to BEGIN, COMMIT and ROLLBACK; knex reads nothing of it. */
function controlResult(command: string) {
  return { command, rowCount: null, rows: [], fields: [], oid: null };
}

/**
 * Marks a statement that only reads (the hand-written reads of read-sql.ts): in a transaction that
 * has not yet written, it runs as an implicit transaction of its own with the transaction's
 * settings ahead of it, and the transaction is not opened for it (see `serialiseConnection`).
 */
export const READS_ONLY = 'readsOnly';

/**
 * Sends one statement at a time on a pooled connection and saves the round trips of BEGIN, and of
 * COMMIT for a transaction that only read.
 *
 * One request's DataLoaders dispatch in the same tick, all on the request's transaction; pg 8
 * queues such calls with a deprecation warning and pg 9 refuses them. Here every call waits for
 * the one before it, so the driver never sees two at once.
 *
 * A transaction is opened on the server only by its first statement that is not marked
 * `READS_ONLY`: BEGIN and the settings marked `WITH_NEXT` (the region setting) go in that
 * statement's message. Until then, each read goes with the settings ahead of it in one message,
 * which PostgreSQL runs as one implicit transaction (a read committed transaction takes a new
 * snapshot per statement anyway, so nothing a read sees changes), and a transaction that wrote
 * nothing commits, or rolls back, without a round trip. Statements in a message go joined when
 * they take no bind parameters (the simple protocol carries several), and pipelined ahead of one
 * that does (`PipelinedQuery`). Each message sent is counted as one
 * statement in the request's tally: the count is the round trips a request costs.
 * Statements with parameters are prepared once per connection (`PREPARED_PER_CONNECTION`).
 */
export function serialiseConnection(client: Queryable): void {
  const send = client.query.bind(client) as (config: QueryConfig, callback: Callback) => void;
  let busy = false;
  const waiting: Array<() => void> = [];
  /**
   * A transaction not yet opened on the server, with the tally of the request that began it and
   * its settings (`WITH_NEXT`), which go ahead of each of its reads and of the statement opening it.
   */
  let unopened: { tally: StatementTally | undefined; settings: string[] } | null = null;
  /** Statements marked `WITH_NEXT` in an opened transaction, for its next statement. */
  let held: { tally: StatementTally | undefined; texts: string[] } | null = null;
  /** Whether a transaction is open (begun, opened on the server or not). */
  let inTransaction = false;
  const prepared = new Set<string>();
  const named = (config: QueryConfig): QueryConfig => {
    if (!config.values?.length || config.name !== undefined) return config;
    const name = statementName(config.text);
    if (!prepared.has(name)) {
      if (prepared.size >= PREPARED_PER_CONNECTION) return config;
      prepared.add(name);
    }
    return { ...config, name };
  };

  const next = () => {
    const job = waiting.shift();
    if (job) job();
    else busy = false;
  };
  const schedule = (job: () => void) => {
    if (busy) waiting.push(job);
    else {
      busy = true;
      job();
    }
  };
  /** Sends a statement, or a query object that brings its own callback (`PipelinedQuery`). */
  const transmit = (tally: StatementTally | undefined, config: QueryConfig | PipelinedQuery, callback: Callback) => {
    recordStatement(tally, config.text);
    try {
      send(config as QueryConfig, callback);
    } catch (error) {
      callback(error as Error);
    }
  };

  client.query = (configOrText, values, callback) => {
    const config: QueryConfig = named(
      typeof configOrText === 'string'
        ? { text: configOrText, ...(Array.isArray(values) ? { values: values as unknown[] } : {}) }
        : configOrText,
    );
    const done = (typeof values === 'function' ? values : callback) as Callback | undefined;
    let resolve: (value: unknown) => void = () => undefined;
    let reject: (error: Error) => void = () => undefined;
    const promise = done
      ? undefined
      : new Promise((res, rej) => {
          resolve = res;
          reject = rej;
        });
    const answer: Callback = (error, result) => {
      if (done) done(error, result);
      else if (error) reject(error);
      else resolve(result);
    };
    const tally = currentTally();
    const unbound = !config.values?.length;

    if (config.text.startsWith(WITH_NEXT) && unbound && inTransaction) {
      const text = config.text.slice(WITH_NEXT.length);
      if (unopened) unopened.settings.push(text);
      else (held ??= { tally, texts: [] }).texts.push(text);
      queueMicrotask(() => answer(null, controlResult('HELD')));
      return promise;
    }
    const starts = config.text === BEGIN && unbound;
    const ends = ENDS.has(config.text) && unbound;
    let ahead: { tally: StatementTally | undefined; texts: readonly string[] } | null = null;
    if (starts) {
      inTransaction = true;
      unopened = { tally, settings: [] };
      held = null;
      queueMicrotask(() => answer(null, controlResult('BEGIN')));
      return promise;
    }
    if (unopened) {
      const { settings } = unopened;
      if (ends) {
        // Nothing was written: there is no transaction on the server to end.
        inTransaction = false;
        unopened = null;
        queueMicrotask(() => answer(null, controlResult(config.text === COMMIT ? 'COMMIT' : 'ROLLBACK')));
        return promise;
      }
      if (config[READS_ONLY] === true) {
        // A read: the settings go ahead of it each time, and lapse with its implicit transaction.
        // (A copy: a setting added while the read waits for the connection is not its.)
        ahead = settings.length ? { tally: unopened.tally, texts: [...settings] } : null;
      } else {
        ahead = { tally: unopened.tally, texts: [BEGIN, ...settings] };
        unopened = null;
      }
    } else {
      ahead = held;
      held = null;
      if (ends) {
        inTransaction = false;
        // Statements held for the next one are transaction-local: with the transaction they lapse.
        ahead = null;
      }
    }
    schedule(() => {
      const finish: Callback = (error, result) => {
        next();
        answer(error, result);
      };
      if (!ahead) return transmit(tally, config, finish);
      const skip = ahead.texts.length;
      if (unbound) {
        // One message, several results: the first ones are those of the statements held.
        return transmit(
          ahead.tally,
          { ...config, text: [...ahead.texts.map(terminated), config.text].join(' ') },
          (error, result) => {
            const own = Array.isArray(result) ? result.slice(skip) : result;
            finish(error, Array.isArray(own) && own.length === 1 ? own[0] : own);
          },
        );
      }
      transmit(ahead.tally, new PipelinedQuery(ahead.texts, config as PipelinedConfig, finish), finish);
    });
    return promise;
  };
}
