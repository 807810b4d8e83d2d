// Shared helpers of the benchmarks: they run against the compiled service (npm run build first).
import { existsSync, readFileSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { performance } from "node:perf_hooks";

const require = createRequire(import.meta.url);
require("reflect-metadata");

/** Loads a compiled module of the service from dist/. */
export const dist = (path) => require(`../dist/${path}`);

/** p50/p90/p99/mean/max of a list of milliseconds. */
export function stats(ms) {
  const s = [...ms].sort((a, b) => a - b);
  const at = (q) => s[Math.min(s.length - 1, Math.floor(q * s.length))];
  const mean = s.reduce((a, b) => a + b, 0) / s.length;
  return { n: s.length, p50: at(0.5), p90: at(0.9), p99: at(0.99), mean, max: s.at(-1) };
}

export const fmt = (x) => `${x.toFixed(1)} ms`;

/** Prints one line of latency figures. */
export function report(name, ms) {
  const st = stats(ms);
  console.log(
    `${name}: n=${st.n} p50 ${fmt(st.p50)} p90 ${fmt(st.p90)} p99 ${fmt(st.p99)} mean ${fmt(st.mean)} max ${fmt(st.max)}`,
  );
  return st;
}

/** Times one async call in milliseconds. */
export async function time(fn) {
  const t0 = performance.now();
  const value = await fn();
  return { ms: performance.now() - t0, value };
}

/**
 * Opens a database for a benchmark that writes: the local Neo4j of POLICYGRAPH_HOME, which
 * defaults here to .policygraph/bench (never npm start's data) on Bolt port 7697, started on an
 * empty store when `fresh` (a store emptied by deleting leaves its freed ids to be scanned on
 * every write, which slows writes down). NEO4J_URI is emptied by deleting everything, and refused
 * unless BENCH_ALLOW_WIPE=1.
 */
export async function benchDatabase({ fresh = true } = {}) {
  const { loadConfig } = dist("platform/config.js");
  const { openDatabase, prepareDatabase } = dist("pipeline/bootstrap/bootstrap.js");
  if (process.env.NEO4J_URI && fresh && process.env.BENCH_ALLOW_WIPE !== "1") {
    throw new Error("NEO4J_URI is set and this benchmark empties its database: set BENCH_ALLOW_WIPE=1 to allow that");
  }
  const config = loadConfig({
    ...process.env,
    POLICYGRAPH_HOME: process.env.POLICYGRAPH_HOME ?? ".policygraph/bench",
    NEO4J_BOLT_PORT: process.env.NEO4J_BOLT_PORT ?? "7697",
  });
  const log = (line) => console.error(`[bench] ${line}`);
  if (fresh && !process.env.NEO4J_URI) await emptyLocalStore(config.local.home, log);
  const open = await openDatabase(config, log);
  if (fresh && process.env.NEO4J_URI) {
    // Relationships first, then nodes, in bounded transactions (a directive has hundreds of
    // inferred links: deleting nodes with theirs overran the transaction memory limit).
    for (const statement of [
      "MATCH ()-[r]->() WITH r LIMIT 50000 DELETE r RETURN count(*) AS deleted",
      "MATCH (n) WITH n LIMIT 20000 DETACH DELETE n RETURN count(*) AS deleted",
    ]) {
      for (;;) {
        const [{ deleted }] = await open.db.write(statement);
        if (deleted === 0) break;
      }
    }
  }
  await prepareDatabase(open.db, { seed: false }, log);
  return open;
}

// Stops a Neo4j still running for the bench home (one left by an interrupted run) and removes its
// store; the next start makes a new one.
async function emptyLocalStore(home, log) {
  const stateFile = join(home, "neo4j.state.json");
  const pid = existsSync(stateFile) ? JSON.parse(readFileSync(stateFile, "utf8")).pid : null;
  const alive = (p) => {
    try {
      process.kill(p, 0);
      return true;
    } catch {
      return false;
    }
  };
  if (pid && alive(pid)) {
    log(`stopping the Neo4j left running for ${home} (pid ${pid})`);
    process.kill(pid, "SIGTERM");
    for (let i = 0; i < 600 && alive(pid); i++) await new Promise((r) => setTimeout(r, 100));
  }
  rmSync(join(home, "neo4j"), { recursive: true, force: true });
}

/**
 * Opens the database as the service would (NEO4J_URI, or the local Neo4j of POLICYGRAPH_HOME),
 * prepares it and serves the API on a free port. Returns { url, db, close }.
 */
export async function serve({ seed = true } = {}) {
  const { loadConfig } = dist("platform/config.js");
  const { openDatabase, prepareDatabase } = dist("pipeline/bootstrap/bootstrap.js");
  const { startServer } = dist("server/app.js");
  const config = loadConfig();
  const log = (line) => console.error(`[bench] ${line}`);
  const open = await openDatabase(config, log);
  await prepareDatabase(open.db, { seed }, log);
  const server = await startServer(open.db, { ...config, complexityLimit: 1e9 }, 0, "127.0.0.1");
  return {
    url: server.url,
    db: open.db,
    close: async () => {
      await server.close();
      await open.close();
    },
  };
}

/** POSTs one GraphQL operation and fails loudly on errors (a benchmark of errors means nothing). */
export async function gql(url, query, variables = {}) {
  const res = await fetch(`${url}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ query, variables }),
  });
  const body = await res.json();
  if (body.errors) throw new Error(`GraphQL error: ${JSON.stringify(body.errors).slice(0, 300)}`);
  return body.data;
}
