import { v7 as timeOrderedId } from 'uuid';
import type { Orm } from '../db/orm';
import { textLiteral } from '../db/read-sql';
import type { Queryable } from '../db/serial-connection';
import { currentTally, outsideAnyRequest, recordStatement, type StatementTally } from '../db/statement-counter';
import { beforeCommit, regionSetting, type RequestScope } from '../scope';
import type { ReadFact } from './audit.service';
import { mergeReads } from './merge-reads';

/** The reads one unit of work queued since the log last wrote, and who waits for them. */
interface QueuedReads {
  ctx: RequestScope;
  facts: ReadFact[];
  tally: StatementTally | undefined;
  written: Promise<void>;
  resolve: () => void;
  reject: (error: unknown) => void;
}

/** A connection of the log's own, as knex made it (the pool's `afterCreate` ran on it). */
type LogConnection = Queryable & { __knex__disposed?: unknown; end(): Promise<void> };

/**
 * The audit log of reads of personal data, for the whole process: the reads of every unit of work
 * served in the same turn of the event loop go in one INSERT, sent on a connection of the log's
 * own as one implicit transaction. Under load, requests finish in bunches: the coordinator's
 * expert page wrote its entries in about half as many messages as before, when each request sent
 * its own with its COMMIT. Each message wakes a PostgreSQL process, which on a busy machine costs
 * more than building the INSERT.
 *
 * A read is queued, not awaited by the field that reveals it: its unit of work waits for the
 * INSERT before it commits (`beforeCommit`), so a request still does not answer unless its reads
 * are in the log. The reads do not depend on the unit of work's outcome either: a mutation that
 * read personal data and then failed has still sent it, and its reads stay logged.
 *
 * One request's failure stays its own: if the INSERT of a bunch fails, each request's entries are
 * sent again alone. The connection is the log's, not the pool's, so that requests holding every
 * pooled connection while they wait for their entries cannot starve the log. A connection that
 * broke (a database restart) is replaced at the next write.
 */
export class ReadLog {
  private queued = new Map<RequestScope, QueuedReads>();
  private scheduled = false;
  private connection: LogConnection | null = null;
  private opening: Promise<LogConnection> | null = null;
  private closed = false;

  constructor(private readonly orm: Orm) {}

  /** Queues a read; written with the other reads of the same turn, before its unit of work commits. */
  record(ctx: RequestScope, fact: ReadFact): void {
    let queued = this.queued.get(ctx);
    if (!queued) {
      let resolve!: () => void;
      let reject!: (error: unknown) => void;
      const written = new Promise<void>((res, rej) => {
        resolve = res;
        reject = rej;
      });
      queued = { ctx, facts: [], tally: currentTally(), written, resolve, reject };
      this.queued.set(ctx, queued);
      beforeCommit(ctx, written);
    }
    queued.facts.push(fact);
    if (!this.scheduled) {
      this.scheduled = true;
      // After every resolver of this turn, of every request, has run; the message is counted in
      // each waiting request's tally below, not in that of the request that happened to schedule it.
      outsideAnyRequest(() => setImmediate(() => void this.write()));
    }
  }

  /** Closes the log's connection (at shutdown, after the last request). */
  async close(): Promise<void> {
    this.closed = true;
    await this.opening?.catch(() => null);
    const connection = this.connection;
    this.connection = null;
    await connection?.end().catch(() => undefined);
  }

  private async write(): Promise<void> {
    this.scheduled = false;
    const bunch = [...this.queued.values()];
    this.queued.clear();
    try {
      const entries = bunch.map((queued) => entriesOf(queued));
      try {
        await this.send(entries.flat(), bunch);
        for (const queued of bunch) queued.resolve();
      } catch (error) {
        if (bunch.length === 1) throw error;
        await Promise.all(
          bunch.map((queued, i) => this.send(entries[i]!, [queued]).then(queued.resolve, queued.reject)),
        );
      }
    } catch (error) {
      // Whatever went wrong, no request waits for ever (one already settled stays as it is).
      for (const queued of bunch) queued.reject(error);
    }
  }

  private async send(entries: readonly LogEntry[], waiting: readonly QueuedReads[]): Promise<void> {
    if (this.closed) throw new Error('the audit log is closed');
    const regions = [...new Set(entries.map((e) => e.r))];
    // One message of the simple protocol: the setting row-level security reads and the INSERT run
    // as one implicit transaction. Values go as quoted literals, since that message takes no parameters.
    const text = `select ${regionSetting(regions, textLiteral)};
    insert into audit_entry (id, region_id, at, actor_id, actor_name, "grant", action, subject_type, subject_id,
      fields, operation, request_id, reason)
    select r.i, r.r, r.t, r.a, r.n, r.g, 'READ', 'EXPERT', r.s, r.f, r.o, r.q, r.w
    from json_to_recordset(${textLiteral(JSON.stringify(entries))}::json)
      as r(i uuid, r text, t timestamptz, a text, n text, g text, s uuid, f text[], o text, q text, w text)`;
    for (const queued of waiting) recordStatement(queued.tally, text);
    const connection = await this.open();
    await new Promise<void>((resolve, reject) =>
      connection.query(text, (error: Error | null) => (error ? reject(error) : resolve())),
    );
  }

  /** The log's connection, opened on first use and again after it broke; one at a time. */
  private open(): Promise<LogConnection> {
    const current = this.connection;
    if (current && !current.__knex__disposed) return Promise.resolve(current);
    if (current) {
      this.connection = null;
      void current.end().catch(() => undefined);
    }
    this.opening ??= this.connect()
      .then((connection) => (this.connection = connection))
      .finally(() => (this.opening = null));
    return this.opening;
  }

  /** A connection as the pool makes one (knex's settings, then the pool's `afterCreate`: the role). */
  private async connect(): Promise<LogConnection> {
    const client = this.orm.em.getKnex().client as unknown as {
      acquireRawConnection(): Promise<LogConnection>;
      config: { pool?: { afterCreate?: (connection: unknown, done: (error: Error | null) => void) => void } };
    };
    const connection = await client.acquireRawConnection();
    const afterCreate = client.config.pool?.afterCreate;
    if (!afterCreate) return connection;
    return new Promise<LogConnection>((resolve, reject) =>
      afterCreate(connection, (error) => {
        if (!error) return resolve(connection);
        void connection.end().catch(() => undefined);
        reject(error);
      }),
    );
  }
}

/** An entry as it travels in the INSERT's JSON (short names: little is encoded per row). */
interface LogEntry {
  i: string;
  r: string;
  t: string;
  a: string;
  n: string | null;
  g: string;
  s: string;
  f: string[];
  o: string | null;
  q: string;
  w: string | null;
}

/** One entry per expert read in the same way, stamped with the time the unit of work reads. */
function entriesOf({ ctx, facts }: QueuedReads): LogEntry[] {
  const at = ctx.now().toISOString();
  return mergeReads(facts).map((read) => ({
    i: timeOrderedId(),
    r: read.r,
    t: at,
    a: ctx.viewer.id!,
    n: ctx.viewer.name ?? null,
    g: read.g,
    s: read.s,
    f: read.f,
    o: read.o,
    q: ctx.requestId,
    w: read.w,
  }));
}
