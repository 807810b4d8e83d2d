import neo4j, { Driver, ManagedTransaction, Neo4jError, isDate, isDateTime, isLocalDateTime } from "neo4j-driver";
import { AppError, databaseUnavailable, ErrorCode } from "../errors";

export type Params = Record<string, unknown>;
export type Row = Record<string, unknown>;

/** What repositories need from the database: parameterised reads and writes that return rows. */
export interface Queryable {
  read<T = Row>(cypher: string, params?: Params): Promise<T[]>;
  write<T = Row>(cypher: string, params?: Params): Promise<T[]>;
  /** Runs `work` in one write transaction; see Database.transaction. */
  transaction<T>(work: (tx: WriteTx) => Promise<T>): Promise<T>;
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

  async read<T = Row>(cypher: string, params: Params = {}): Promise<T[]> {
    const session = this.driver.session({ database: this.name, defaultAccessMode: neo4j.session.READ });
    try {
      return await session.executeRead((tx) => runIn<T>(tx, cypher, params));
    } catch (e) {
      throw mapError(e);
    } finally {
      await session.close();
    }
  }

  async write<T = Row>(cypher: string, params: Params = {}): Promise<T[]> {
    return this.transaction((tx) => tx.run<T>(cypher, params));
  }

  /**
   * Runs `work` in one write transaction (retried on transient errors, so `work` must be
   * idempotent); all its statements commit together or not at all.
   */
  async transaction<T>(work: (tx: WriteTx) => Promise<T>): Promise<T> {
    const session = this.driver.session({ database: this.name, defaultAccessMode: neo4j.session.WRITE });
    try {
      return await session.executeWrite((tx) => work({ run: (cypher, params = {}) => runIn(tx, cypher, params) }));
    } catch (e) {
      throw mapError(e);
    } finally {
      await session.close();
    }
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
