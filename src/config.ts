import { homedir } from "node:os";
import { join, resolve } from "node:path";

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
  curatorToken: string | undefined;
  readToken: string | undefined;
  complexityLimit: number;
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
    readToken: str(env, "POLICYGRAPH_READ_TOKEN"),
    complexityLimit: int(env, "QUERY_COMPLEXITY_LIMIT", 50_000),
    seed: str(env, "POLICYGRAPH_SEED") !== "false",
  };
}
