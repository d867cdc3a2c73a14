import pg from 'pg';

type Callback = (error: Error | null, result?: unknown) => void;

/** What of pg's Query (not in its type declarations) a pipelined statement builds on. */
interface QueryInternals {
  handleDataRow(message: unknown): void;
  handleCommandComplete(message: unknown, connection: pg.Connection): void;
  handleError(error: Error, connection: pg.Connection): void;
  handleReadyForQuery(connection: pg.Connection): void;
}

type ParsedStatements = Record<string, string | undefined>;

const base = pg.Query.prototype as unknown as QueryInternals;

/**
 * A statement with bind parameters sent in the same message as statements without parameters
 * that go before it and whose answers nobody reads (a transaction's BEGIN and its region
 * setting): one round trip instead of two.
 *
 * The extended protocol lets a client send several statements before the Sync that asks for the
 * answers; pg's client sends one per Sync, so this query writes the others' Parse, Bind and
 * Execute messages ahead of its own and skips their results. They run in order on the server, and
 * if one fails, PostgreSQL skips the rest up to the Sync and the error is this query's.
 */
export class PipelinedQuery extends pg.Query {
  // Set by pg's Query from the config; its type declarations leave them out.
  declare readonly text: string;
  declare readonly name: string | undefined;
  /** Results still to skip: one per statement sent ahead. */
  private toSkip: number;
  /** Whether this statement's own Parse is in the message, and the ParseCompletes seen so far. */
  private parsing = false;
  private parses = 0;
  private readonly countParse = () => {
    this.parses += 1;
  };
  private connection: pg.Connection | null = null;

  constructor(
    /** The statements sent ahead of this one, in order. */
    readonly ahead: readonly string[],
    config: { text: string; values: unknown[]; name?: string },
    callback: Callback,
  ) {
    super(config, (error, result) => callback(error ?? null, result));
    this.toSkip = ahead.length;
  }

  override submit = (connection: pg.Connection): Error | null => {
    const parsed = (connection as unknown as { parsedStatements: ParsedStatements }).parsedStatements;
    if (this.name && parsed[this.name] !== undefined && parsed[this.name] !== this.text)
      return new Error(`Prepared statements must be unique - '${this.name}' was used for a different statement`);
    this.parsing = !!this.name && parsed[this.name] === undefined;
    if (this.parsing) {
      this.connection = connection;
      connection.on('parseComplete', this.countParse);
    }
    connection.stream.cork();
    try {
      for (const text of this.ahead) {
        connection.parse({ text, name: '', types: [] }, true);
        connection.bind({ portal: '', statement: '', values: [] }, true);
        connection.execute({ portal: '' }, true);
      }
      // pg's own submit: Parse (once per connection for a named statement), Bind, Describe, Execute, Sync.
      return (pg.Query.prototype as unknown as { submit(c: pg.Connection): Error | null }).submit.call(
        this,
        connection,
      );
    } finally {
      connection.stream.uncork();
    }
  };

  /** The rows of the statements sent ahead come without a description; nobody reads them. */
  handleDataRow(message: unknown): void {
    if (this.toSkip > 0) return;
    base.handleDataRow.call(this, message);
  }

  handleCommandComplete(message: unknown, connection: pg.Connection): void {
    if (this.toSkip > 0) {
      this.toSkip -= 1;
      return;
    }
    base.handleCommandComplete.call(this, message, connection);
  }

  handleError(error: Error, connection: pg.Connection): void {
    // pg records a named statement as parsed at the first ParseComplete, which may have been that
    // of a statement sent ahead; if one of those failed, this one's Parse was skipped.
    if (this.parsing && this.name && this.parses <= this.ahead.length)
      delete (connection as unknown as { parsedStatements: ParsedStatements }).parsedStatements[this.name];
    this.stopCounting();
    base.handleError.call(this, error, connection);
  }

  handleReadyForQuery(connection: pg.Connection): void {
    this.stopCounting();
    base.handleReadyForQuery.call(this, connection);
  }

  private stopCounting(): void {
    this.connection?.off('parseComplete', this.countParse);
    this.connection = null;
  }
}
