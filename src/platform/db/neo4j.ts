import neo4j, {
  Driver,
  ManagedTransaction,
  Neo4jError,
  Session,
  isDate,
  isDateTime,
  isLocalDateTime,
} from "neo4j-driver";
import { AppError, databaseUnavailable, ErrorCode } from "../errors";

const deadlinePassed = (ms: number) =>
  databaseUnavailable(`The graph database did not answer within the request's deadline (${Math.round(ms)} ms left).`);

export type Params = Record<string, unknown>;
export type Row = Record<string, unknown>;

/** How long one statement or transaction may take. */
export interface RunOptions {
  /**
   * Milliseconds until the caller stops waiting: Neo4j gets it as the transaction's timeout, and
   * the call gives up at it even when Neo4j does not answer at all (DATABASE_UNAVAILABLE).
   */
  timeoutMs?: number;
}

/** What repositories need from the database: parameterised reads and writes that return rows. */
export interface Queryable {
  read<T = Row>(cypher: string, params?: Params, options?: RunOptions): Promise<T[]>;
  write<T = Row>(cypher: string, params?: Params, options?: RunOptions): Promise<T[]>;
  /** Runs `work` in one write transaction; see Database.transaction. */
  transaction<T>(work: (tx: WriteTx) => Promise<T>, options?: RunOptions): Promise<T>;
}

/** A write transaction handed to a unit of work; statements in it commit or roll back together. */
export interface WriteTx {
  run<T = Row>(cypher: string, params?: Params): Promise<T[]>;
}

export interface ConnectionSettings {
  uri: string;
  user: string;
  password: string;
  database: string;
}

const UNAVAILABLE_CODES = new Set([
  "ServiceUnavailable",
  "SessionExpired",
  "Neo.TransientError.General.DatabaseUnavailable",
  // The transaction ran out of the time its request had left (RunOptions.timeoutMs).
  "Neo.ClientError.Transaction.TransactionTimedOutClientConfiguration",
  "Neo.ClientError.Transaction.TransactionTimedOut",
]);

/**
 * True for errors that mean "the database cannot be reached now" rather than "the query is wrong":
 * the driver's own, and the DATABASE_UNAVAILABLE error this module maps them to.
 */
export function isUnavailable(error: unknown): boolean {
  if (error instanceof AppError) return error.code === ErrorCode.DATABASE_UNAVAILABLE;
  if (error instanceof Neo4jError) {
    return UNAVAILABLE_CODES.has(error.code) || error.code.startsWith("Neo.TransientError.Database");
  }
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  return code === "ECONNREFUSED" || code === "ECONNRESET" || code === "EPIPE";
}

// The pool's "Connection acquisition timed out" carries no error code of its own.
const isAcquisitionTimeout = (error: unknown) =>
  error instanceof Neo4jError && error.message.startsWith("Connection acquisition timed out");

/**
 * The driver reports connection loss as several error types; this is the one place that turns
 * them into the API's DATABASE_UNAVAILABLE. Anything else stays an internal error.
 */
export function mapError(error: unknown): unknown {
  if (error instanceof AppError) return error;
  if (isUnavailable(error) || isAcquisitionTimeout(error)) return databaseUnavailable();
  return error;
}

// Results are plain JSON-able values: numbers (integers are small here), ISO date strings.
function plain(value: unknown): unknown {
  if (value === null || value === undefined) return null;
  if (Array.isArray(value)) return value.map(plain);
  if (neo4j.isInt(value)) return (value as { toNumber(): number }).toNumber();
  if (isDate(value as object) || isDateTime(value as object) || isLocalDateTime(value as object)) {
    return String(value);
  }
  if (typeof value === "object") {
    const out: Row = {};
    for (const [k, v] of Object.entries(value as Row)) out[k] = plain(v);
    return out;
  }
  return value;
}

// JavaScript numbers travel as floats; Cypher wants integers for SKIP/LIMIT, offsets and counts.
// Every parameter in this service that is a whole number means an integer.
function integers(value: unknown): unknown {
  if (typeof value === "number") return Number.isSafeInteger(value) ? neo4j.int(value) : value;
  if (Array.isArray(value)) return value.map(integers);
  if (value !== null && typeof value === "object" && Object.getPrototypeOf(value) === Object.prototype) {
    const out: Row = {};
    for (const [k, v] of Object.entries(value as Row)) out[k] = integers(v);
    return out;
  }
  return value;
}

async function runIn<T>(tx: ManagedTransaction, cypher: string, params: Params): Promise<T[]> {
  const result = await tx.run(cypher, integers(params) as Params);
  return result.records.map((r) => plain(r.toObject()) as T);
}

// A session given up on is closed once its work ends, whenever Neo4j answers again.
const closeLater = (session: Session) =>
  [() => session.close().catch(() => undefined), () => session.close().catch(() => undefined)] as const;

/** A view of `db` whose statements share one deadline (epoch ms): each runs with the time left, none starts after it. */
export function withDeadline(db: Queryable, deadline: number): Queryable {
  const left = (): RunOptions => {
    const ms = deadline - Date.now();
    if (ms <= 0) throw deadlinePassed(0);
    return { timeoutMs: ms };
  };
  return {
    read: (cypher, params) => db.read(cypher, params, left()),
    write: (cypher, params) => db.write(cypher, params, left()),
    transaction: (work) => db.transaction(work, left()),
  };
}

/** Owns the driver: every session, transaction and error mapping of the service goes through here. */
export class Database implements Queryable {
  private constructor(
    private readonly driver: Driver,
    readonly name: string,
  ) {}

  /** Creates the one driver of this process; it connects lazily. */
  static connect(settings: ConnectionSettings): Database {
    const driver = neo4j.driver(settings.uri, neo4j.auth.basic(settings.user, settings.password), {
      disableLosslessIntegers: true,
      // Fail fast while Neo4j is away (DATABASE_UNAVAILABLE) instead of holding requests for 30 s.
      connectionTimeout: 5_000,
      // Waiting for a free pooled connection is queueing behind a busy but healthy database, not
      // an outage (an unreachable one fails at connectionTimeout): the driver's own 60 s.
      connectionAcquisitionTimeout: 60_000,
      maxTransactionRetryTime: 3_000,
      userAgent: "policygraph",
    });
    return new Database(driver, settings.database);
  }

  read<T = Row>(cypher: string, params: Params = {}, options: RunOptions = {}): Promise<T[]> {
    return this.inSession(neo4j.session.READ, options, (session, config) =>
      session.executeRead((tx) => runIn<T>(tx, cypher, params), config),
    );
  }

  write<T = Row>(cypher: string, params: Params = {}, options: RunOptions = {}): Promise<T[]> {
    return this.transaction((tx) => tx.run<T>(cypher, params), options);
  }

  /**
   * Runs `work` in one write transaction (retried on transient errors, so `work` must be
   * idempotent); all its statements commit together or not at all.
   */
  transaction<T>(work: (tx: WriteTx) => Promise<T>, options: RunOptions = {}): Promise<T> {
    return this.inSession(neo4j.session.WRITE, options, (session, config) =>
      session.executeWrite((tx) => work({ run: (cypher, params = {}) => runIn(tx, cypher, params) }), config),
    );
  }

  // One session per call, closed afterwards. With a timeout, Neo4j bounds the transaction and this
  // side stops waiting at the same moment: a Neo4j that is paused or cut off answers nothing, and
  // the request must not wait for it (the session is then closed in the background, when it can be).
  private async inSession<T>(
    mode: typeof neo4j.session.READ,
    options: RunOptions,
    run: (session: Session, config: { timeout?: number }) => Promise<T>,
  ): Promise<T> {
    const session = this.driver.session({ database: this.name, defaultAccessMode: mode });
    const timeoutMs = options.timeoutMs;
    if (timeoutMs === undefined) {
      try {
        return await run(session, {});
      } catch (e) {
        throw mapError(e);
      } finally {
        await session.close();
      }
    }
    let timer: NodeJS.Timeout | undefined;
    const gaveUp = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(deadlinePassed(timeoutMs)), Math.max(0, timeoutMs));
    });
    let settled = false;
    const work = run(session, { timeout: Math.max(1, Math.ceil(timeoutMs)) }).finally(() => {
      settled = true;
    });
    try {
      return await Promise.race([work, gaveUp]);
    } catch (e) {
      throw mapError(e);
    } finally {
      clearTimeout(timer);
      if (settled) await session.close();
      else void work.then(...closeLater(session));
    }
  }

  /**
   * Has Neo4j plan `cypher` without running it (EXPLAIN, in a write session so that writes plan
   * too): the plan's operators, root first, and the codes of its notifications (missing
   * parameters, cartesian products, deprecations …). Fails as `read` does on an invalid statement.
   */
  explain(cypher: string, params: Params = {}): Promise<{ operators: string[]; notifications: string[] }> {
    return this.inSession(neo4j.session.WRITE, {}, async (session) => {
      const { summary } = await session.run(`EXPLAIN ${cypher}`, integers(params) as Params);
      const operators: string[] = [];
      const walk = (p: { operatorType: string; children: unknown[] } | false) => {
        if (!p) return;
        operators.push(p.operatorType);
        for (const c of p.children) walk(c as { operatorType: string; children: unknown[] });
      };
      walk(summary.plan);
      return { operators, notifications: summary.notifications.map((n) => n.code) };
    });
  }

  /** Checks that the database answers; resolves with its server agent and version. */
  async ping(): Promise<{ agent: string; version: string; edition: string }> {
    try {
      const info = await this.driver.getServerInfo({ database: this.name });
      const [component] = await this.read<{ version: string; edition: string }>(
        "CALL dbms.components() YIELD versions, edition RETURN versions[0] AS version, edition",
      );
      return { agent: info.agent ?? "neo4j", version: component?.version ?? "", edition: component?.edition ?? "" };
    } catch (e) {
      throw mapError(e);
    }
  }

  /** Waits until the database answers, retrying for up to `timeoutMs` (Neo4j may still be starting). */
  async waitUntilAvailable(timeoutMs: number, log: (line: string) => void): Promise<void> {
    const started = Date.now();
    let lastReport = 0;
    for (;;) {
      try {
        await this.driver.verifyConnectivity({ database: this.name });
        return;
      } catch (e) {
        if (!isUnavailable(e) || Date.now() - started > timeoutMs) throw mapError(e);
        if (Date.now() - lastReport > 10_000) {
          log(`waiting for Neo4j to answer (${(e as Error).message.split("\n")[0]})`);
          lastReport = Date.now();
        }
        await new Promise((r) => setTimeout(r, 1000));
      }
    }
  }

  async close(): Promise<void> {
    await this.driver.close();
  }
}
