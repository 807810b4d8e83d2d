import "reflect-metadata";
import { logExtractorStatus, openDatabase, OpenDatabase, prepareDatabase } from "../pipeline/bootstrap/bootstrap";
import { loadConfig } from "../platform/config";
import { LocalNeo4jUnavailable } from "../platform/db/local-neo4j/runtime";
import { startLocalNeo4j } from "../platform/db/local-neo4j/local-neo4j";
import { RunningServer, startServer } from "./app";
import { mutationsEnabled } from "../platform/http/auth";

const log = (line: string) => console.log(`[policygraph] ${line}`);

// In local mode this process owns Neo4j: if it dies, start it again (the driver reconnects).
function superviseLocal(open: OpenDatabase, config: ReturnType<typeof loadConfig>): void {
  const local = open.local;
  if (!local?.owned) return;
  local.onUnexpectedExit((code) => {
    log(`the local Neo4j exited unexpectedly (code ${code}); restarting it in 2 s`);
    setTimeout(() => {
      startLocalNeo4j({ ...config.local, log: (line) => log(`[neo4j] ${line}`) }).then(
        (again) => {
          open.local = again;
          superviseLocal(open, config);
        },
        (e: Error) => log(`could not restart the local Neo4j: ${e.message}`),
      );
    }, 2000);
  });
}

/** Times the start-up's phases, for the one line that says where the seconds went. */
function phaseClock() {
  // Node's own start (loading the modules of this process) counts too: it is part of the wait.
  const origin = Date.now() - process.uptime() * 1000;
  let last = origin;
  const phases: string[] = [`node ${((Date.now() - origin) / 1000).toFixed(1)} s`];
  last = Date.now();
  return {
    mark(name: string) {
      const now = Date.now();
      phases.push(`${name} ${((now - last) / 1000).toFixed(1)} s`);
      last = now;
    },
    summary: () => `${phases.join(", ")}; ready in ${((Date.now() - origin) / 1000).toFixed(1)} s`,
  };
}

async function main(): Promise<void> {
  const clock = phaseClock();
  const config = loadConfig();
  const open = await openDatabase(config, log);
  clock.mark(open.local ? (open.local.owned ? "neo4j start" : "neo4j reuse") : "neo4j connect");
  // Signals may arrive before the HTTP server exists: shutdown closes whatever is running then.
  const running: { server?: RunningServer } = {};
  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log(`${signal}: shutting down`);
    await running.server?.close().catch(() => undefined);
    await open.close().catch(() => undefined);
    process.exit(0);
  };
  process.on("SIGINT", () => void shutdown("SIGINT"));
  process.on("SIGTERM", () => void shutdown("SIGTERM"));

  // A start that fails from here on stops the Neo4j it started: it would be left behind otherwise.
  const steps = await prepareDatabase(open.db, { seed: config.seed }, log).catch(async (e: unknown) => {
    await open.close().catch(() => undefined);
    throw e;
  });
  clock.mark(
    `prepare (${Object.entries(steps)
      .map(([name, ms]) => `${name} ${(ms / 1000).toFixed(1)}`)
      .join(", ")})`,
  );
  await logExtractorStatus(open.db, log);
  superviseLocal(open, config);
  const server = await startServer(open.db, config, config.port, config.host);
  clock.mark("http server");
  running.server = server;
  if (!mutationsEnabled(config)) {
    log(
      "mutations are disabled (FORBIDDEN): set POLICYGRAPH_CURATOR_TOKENS=name:secret,… (or POLICYGRAPH_CURATOR_TOKEN) to enable them for curators",
    );
  } else {
    // Names only: a token is never logged.
    const names = [
      ...new Set([...config.curatorTokens.map((c) => c.name), ...(config.curatorToken ? ["curator"] : [])]),
    ];
    log(`mutations enabled for ${names.length} curator name(s): ${names.join(", ")}`);
  }
  log(`GraphQL at ${server.url}/graphql, health at ${server.url}/health`);
  log(`start-up: ${clock.summary()}`);
}

main().catch((error: unknown) => {
  const message = error instanceof Error ? error.message : String(error);
  console.error(`[policygraph] cannot start: ${message}`);
  if (!(error instanceof LocalNeo4jUnavailable) && error instanceof Error && error.stack) console.error(error.stack);
  process.exit(1);
});
