import { Params, Queryable, Row, RunOptions, WriteTx } from "../../platform/db/neo4j";
import { AppError, databaseUnavailable, ErrorCode } from "../../platform/errors";

/** How much of the database one request may use. */
export interface RequestDbLimits {
  /** Cypher round trips in all; past this every further statement fails with QUERY_TOO_COMPLEX. */
  roundTrips: number;
  /** Statements (or write transactions) under way at once; the others wait their turn. */
  concurrency: number;
  /** When the request gives up (epoch ms): every statement runs with the time left, none starts after it. */
  deadline?: number;
  /** Aborted when the client has gone away: statements not yet started are not run. */
  signal?: AbortSignal;
}

/** The error of a request whose client went away: nobody reads it, but the work stops. */
export const clientGone = () => new AppError(ErrorCode.BAD_USER_INPUT, "The client closed the request.");

/**
 * A per-request view of the database: counts its Cypher round trips (reported in
 * extensions.cost), stops the request past its round-trip limit, and lets only a few of its
 * statements hold a pooled connection at once, so that one request cannot take the whole pool.
 */
export class RequestDb implements Queryable {
  roundTrips = 0;
  private running = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(
    private readonly db: Queryable,
    private readonly limits: RequestDbLimits,
  ) {}

  read<T = Row>(cypher: string, params?: Params): Promise<T[]> {
    return this.readAs(true, cypher, params);
  }

  write<T = Row>(cypher: string, params?: Params): Promise<T[]> {
    return this.writeAs(true, cypher, params);
  }

  transaction<T>(work: (tx: WriteTx) => Promise<T>): Promise<T> {
    return this.transactionAs(true, work);
  }

  /** When the request gives up (epoch ms); undefined when it has no deadline. */
  get deadline(): number | undefined {
    return this.limits.deadline;
  }

  /**
   * The request's database for a curator's maintenance work (re-extraction), whose statements grow
   * with the graph rather than with the query: its deadline, cancellation and concurrency hold, the
   * round-trip limit does not (the statements are still counted).
   */
  maintenance(): Queryable {
    return {
      read: (cypher, params) => this.readAs(false, cypher, params),
      write: (cypher, params) => this.writeAs(false, cypher, params),
      transaction: (work) => this.transactionAs(false, work),
    };
  }

  private async readAs<T>(limited: boolean, cypher: string, params?: Params): Promise<T[]> {
    this.count(limited);
    return this.inTurn(() => this.db.read<T>(cypher, params, this.timeLeft()));
  }

  private async writeAs<T>(limited: boolean, cypher: string, params?: Params): Promise<T[]> {
    this.count(limited);
    return this.inTurn(() => this.db.write<T>(cypher, params, this.timeLeft()));
  }

  private transactionAs<T>(limited: boolean, work: (tx: WriteTx) => Promise<T>): Promise<T> {
    return this.inTurn(() =>
      this.db.transaction(
        (tx) =>
          work({
            run: async (cypher, params) => {
              this.count(limited);
              return tx.run(cypher, params);
            },
          }),
        this.timeLeft(),
      ),
    );
  }

  // Checked when a statement is about to start (after waiting its turn): a request past its
  // deadline or whose client left starts nothing more.
  private timeLeft(): RunOptions {
    if (this.limits.signal?.aborted) throw clientGone();
    if (this.limits.deadline === undefined) return {};
    const left = this.limits.deadline - Date.now();
    if (left <= 0)
      throw databaseUnavailable("The request ran out of time (REQUEST_TIMEOUT_MS) before the database answered.");
    return { timeoutMs: left };
  }

  private count(limited: boolean): void {
    if (limited && this.roundTrips >= this.limits.roundTrips) {
      throw new AppError(
        ErrorCode.QUERY_TOO_COMPLEX,
        `The query is too complex: it needed more than ${this.limits.roundTrips} database round trips.`,
        { setting: "QUERY_MAX_ROUND_TRIPS", limit: this.limits.roundTrips },
      );
    }
    this.roundTrips++;
  }

  private async inTurn<T>(run: () => Promise<T>): Promise<T> {
    if (this.running >= this.limits.concurrency) await new Promise<void>((resolve) => this.waiting.push(resolve));
    else this.running++;
    try {
      return await run();
    } finally {
      // The slot passes straight to the next waiter, so `running` stays as it is then.
      const next = this.waiting.shift();
      if (next) next();
      else this.running--;
    }
  }
}
