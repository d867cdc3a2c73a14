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
 * Marks a statement without parameters that is to go with the transaction's COMMIT, in the same
 * message, rather than now (see `sendWithCommit` in read-sql.ts). If the statement fails, the
 * transaction does not commit; if the transaction rolls back, the statement is never sent.
 */
export const WITH_COMMIT = '/* with commit */ ';

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
 * Sends one statement at a time on a pooled connection and saves the round trip of BEGIN.
 *
 * One request's DataLoaders dispatch in the same tick, all on the request's transaction; pg 8
 * queues such calls with a deprecation warning and pg 9 refuses them. Here every call waits for
 * the one before it, so the driver never sees two at once.
 *
 * BEGIN, and statements marked `WITH_NEXT` (the region setting), are held back and sent in the
 * message of the transaction's next statement: joined to it when it takes no bind parameters (the
 * simple protocol carries several statements), pipelined ahead of it when it does
 * (`PipelinedQuery`). A transaction that sent nothing commits without a round trip. Each message
 * sent is counted as one statement in the request's tally: the count is the round trips a
 * request costs.
 * Statements with parameters are prepared once per connection (`PREPARED_PER_CONNECTION`), and
 * statements marked `WITH_COMMIT` wait for the transaction's COMMIT and go in its message.
 */
export function serialiseConnection(client: Queryable): void {
  const send = client.query.bind(client) as (config: QueryConfig, callback: Callback) => void;
  let busy = false;
  const waiting: Array<() => void> = [];
  /**
   * Statements not yet sent (BEGIN, and those marked `WITH_NEXT`), with the tally of the request
   * that asked for them; `begins` when BEGIN is among them, i.e. nothing of the transaction has
   * reached the server.
   */
  let held: { tally: StatementTally | undefined; texts: string[]; begins: boolean } | null = null;
  /** Whether a transaction is open (its BEGIN sent or held), and the statements for its COMMIT. */
  let inTransaction = false;
  let withCommit: string[] = [];
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
    let config: QueryConfig = named(
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

    if (config.text.startsWith(WITH_COMMIT) && unbound) {
      if (inTransaction) {
        withCommit.push(config.text.slice(WITH_COMMIT.length));
        queueMicrotask(() => answer(null, controlResult('HELD')));
        return promise;
      }
      // Outside a transaction the statement is its own commit: sent now.
    }
    if (config.text.startsWith(WITH_NEXT) && unbound && inTransaction) {
      held ??= { tally, texts: [], begins: false };
      held.texts.push(config.text.slice(WITH_NEXT.length));
      queueMicrotask(() => answer(null, controlResult('HELD')));
      return promise;
    }
    const starts = config.text === BEGIN && unbound;
    const ends = ENDS.has(config.text) && unbound;
    const commits = ends && config.text === COMMIT;
    let committingHeld = false;
    if (starts) {
      inTransaction = true;
      withCommit = [];
    } else if (ends) {
      inTransaction = false;
      committingHeld = commits && withCommit.length > 0;
      if (committingHeld) config = { ...config, text: [...withCommit, COMMIT].join('; ') };
      withCommit = [];
    }
    if (starts && !held) {
      held = { tally, texts: [BEGIN], begins: true };
      queueMicrotask(() => answer(null, controlResult('BEGIN')));
      return promise;
    }
    let ahead = held;
    held = null;
    if (ahead && ends && !committingHeld) {
      // Statements held for the next one are transaction-local: with the transaction they lapse.
      if (ahead.begins) {
        // Nothing was sent in the transaction: there is nothing to commit or roll back.
        queueMicrotask(() => answer(null, controlResult(commits ? 'COMMIT' : 'ROLLBACK')));
        return promise;
      }
      ahead = null;
    }
    schedule(() => {
      const finish: Callback = (error, result) => {
        if (error && committingHeld) {
          // A held statement failed: the transaction is aborted, not ended, until rolled back.
          committingHeld = false;
          return send({ text: 'ROLLBACK' }, () => finish(error));
        }
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
