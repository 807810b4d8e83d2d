import { homedir } from "node:os";
import { join, resolve } from "node:path";

/** Bounds on one GraphQL operation, each checked before any Cypher runs; see "Limits" in README. */
export interface QueryLimits {
  /** Tokens in the document: the parser stops reading past this. */
  tokens: number;
  /** Aliased fields (other than of __typename) in an operation. */
  aliases: number;
  /** Nesting of fields in an operation. */
  depth: number;
  /** Directives in an operation. */
  directives: number;
  /** graphql-armor's static cost of an operation (a field 1, an object 2, ×1.5 a level, × a literal `first`). */
  cost: number;
  /** Cypher round trips one operation may make. */
  roundTrips: number;
  /** Cypher statements of one operation that may be under way at once. */
  dbConcurrency: number;
  /** Milliseconds a request may take (REQUEST_TIMEOUT_MS): then it answers DATABASE_UNAVAILABLE (503). */
  timeoutMs: number;
}

/** A curator's bearer token and the name its corrections are signed with. */
export interface CuratorToken {
  name: string;
  token: string;
}

/** Settings read from the environment once at start-up; see the configuration table in README. */
export interface Config {
  port: number;
  host: string | undefined;
  publicBaseUrl: string | undefined;
  neo4j: {
    /** Unset means: run (or reuse) the local Neo4j of `home`. */
    uri: string | undefined;
    user: string;
    password: string | undefined;
    database: string;
    /** How long to wait for a NEO4J_URI server to answer at start-up. */
    connectTimeoutMs: number;
  };
  local: {
    home: string;
    boltPort: number;
    cacheDir: string;
    heap: string;
    pageCacheMiB: number;
    /** Extra JVM options for the local Neo4j, space-separated. */
    javaOptions: string[];
  };
  /** POLICYGRAPH_CURATOR_TOKEN: the one unnamed curator token (its corrections are signed `curator`). */
  curatorToken: string | undefined;
  /** POLICYGRAPH_CURATOR_TOKENS: named curators, each with a token of their own. */
  curatorTokens: CuratorToken[];
  readToken: string | undefined;
  complexityLimit: number;
  limits: QueryLimits;
  seed: boolean;
}

function int(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === "") return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0) throw new Error(`${name} must be a non-negative integer, got "${raw}"`);
  return value;
}

function str(env: NodeJS.ProcessEnv, name: string): string | undefined {
  const raw = env[name];
  return raw === undefined || raw.trim() === "" ? undefined : raw.trim();
}

// The base of every IRI the service writes: an absolute http(s) URL, no query or fragment, and
// nothing an IRI cannot hold (a typo with a space would otherwise break every Turtle answer).
function baseUrl(env: NodeJS.ProcessEnv, name: string): string | undefined {
  const raw = str(env, name)?.replace(/\/+$/, "");
  if (raw !== undefined && !/^https?:\/\/[^\s<>"{}|\\^`?#]+$/i.test(raw))
    throw new Error(`${name} must be an absolute http(s) URL without query or fragment, got "${raw}"`);
  return raw;
}

/** What a curator's name may be: letters and digits, then also . _ - and spaces (64 at most). */
export const CURATOR_NAME = /^[\p{L}\p{N}][\p{L}\p{N}._ -]{0,63}$/u;

/**
 * Parses POLICYGRAPH_CURATOR_TOKENS ("name:token,…"). Errors name the entry by its position and
 * never quote it: an entry holds a secret.
 */
export function parseCuratorTokens(raw: string | undefined, single?: string): CuratorToken[] {
  const out: CuratorToken[] = [];
  const entries = (raw ?? "").split(",").map((e) => e.trim());
  entries.forEach((entry, i) => {
    if (!entry) return;
    const where = `POLICYGRAPH_CURATOR_TOKENS entry ${i + 1}`;
    const colon = entry.indexOf(":");
    if (colon < 0) throw new Error(`${where} is not name:token`);
    const name = entry.slice(0, colon).trim();
    const token = entry.slice(colon + 1).trim();
    if (!CURATOR_NAME.test(name)) {
      throw new Error(`${where}: the name must be 1 to 64 letters, digits, spaces, '.', '_' or '-'`);
    }
    if (!token) throw new Error(`${where} (${name}) has an empty token`);
    out.push({ name, token });
  });
  // A token names one curator: otherwise a correction's author would depend on the order of a list.
  const all = [...out, ...(single ? [{ name: "curator", token: single }] : [])];
  all.forEach((a, i) => {
    const other = all.findIndex((b, j) => j < i && b.token === a.token);
    if (other >= 0 && all[other].name !== a.name) {
      throw new Error(`curator tokens: ${all[other].name} and ${a.name} have the same token`);
    }
  });
  return out;
}

/** Reads the configuration from an environment (process.env by default). */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const cacheRoot = str(env, "XDG_CACHE_HOME") ?? join(homedir(), ".cache");
  return {
    port: int(env, "PORT", 4000),
    host: str(env, "HOST"),
    publicBaseUrl: baseUrl(env, "PUBLIC_BASE_URL"),
    neo4j: {
      uri: str(env, "NEO4J_URI"),
      user: str(env, "NEO4J_USER") ?? "neo4j",
      password: str(env, "NEO4J_PASSWORD"),
      database: str(env, "NEO4J_DATABASE") ?? "neo4j",
      connectTimeoutMs: int(env, "NEO4J_CONNECT_TIMEOUT", 60) * 1000,
    },
    local: {
      home: resolve(str(env, "POLICYGRAPH_HOME") ?? ".policygraph"),
      boltPort: int(env, "NEO4J_BOLT_PORT", 7687),
      cacheDir: resolve(str(env, "POLICYGRAPH_CACHE") ?? join(cacheRoot, "policygraph")),
      heap: str(env, "NEO4J_HEAP") ?? "1g",
      pageCacheMiB: int(env, "NEO4J_PAGECACHE_MB", 512),
      javaOptions: (str(env, "NEO4J_JAVA_OPTS") ?? "").split(/\s+/).filter(Boolean),
    },
    curatorToken: str(env, "POLICYGRAPH_CURATOR_TOKEN"),
    curatorTokens: parseCuratorTokens(env.POLICYGRAPH_CURATOR_TOKENS, str(env, "POLICYGRAPH_CURATOR_TOKEN")),
    readToken: str(env, "POLICYGRAPH_READ_TOKEN"),
    complexityLimit: int(env, "QUERY_COMPLEXITY_LIMIT", 50_000),
    // Defaults: a few times what the largest query of examples/ and of the explorer needs (219
    // tokens, 2 aliases, depth 6, no directive, cost 8,420, 13 round trips). The token limit also
    // bounds validation, whose worst case grows with the square of the document (~75 ms at 800).
    limits: {
      tokens: int(env, "QUERY_MAX_TOKENS", 800),
      aliases: int(env, "QUERY_MAX_ALIASES", 15),
      depth: int(env, "QUERY_MAX_DEPTH", 10),
      directives: int(env, "QUERY_MAX_DIRECTIVES", 20),
      cost: int(env, "QUERY_MAX_COST", 20_000),
      roundTrips: int(env, "QUERY_MAX_ROUND_TRIPS", 50),
      dbConcurrency: Math.max(1, int(env, "QUERY_DB_CONCURRENCY", 4)),
      timeoutMs: Math.max(1, int(env, "REQUEST_TIMEOUT_MS", 30_000)),
    },
    seed: str(env, "POLICYGRAPH_SEED") !== "false",
  };
}
