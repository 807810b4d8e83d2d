import "reflect-metadata";
import { logExtractorStatus, openDatabase, OpenDatabase, prepareDatabase } from "../bootstrap";
import { loadConfig } from "../config";
import { LocalNeo4jUnavailable } from "../db/local-neo4j/runtime";
import { startLocalNeo4j } from "../db/local-neo4j/local-neo4j";
import { RunningServer, startServer } from "./app";

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

async function main(): Promise<void> {
  const started = Date.now();
  const config = loadConfig();
  const open = await openDatabase(config, log);
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

  await prepareDatabase(open.db, { seed: config.seed }, log);
  await logExtractorStatus(open.db, log);
  superviseLocal(open, config);
  const server = await startServer(open.db, config, config.port, config.host);
  running.server = server;
  if (!config.curatorToken) {
    log("mutations are disabled (FORBIDDEN): set POLICYGRAPH_CURATOR_TOKEN to a secret to enable them for curators");
  }
  log(
    `GraphQL at ${server.url}/graphql, health at ${server.url}/health (ready in ${((Date.now() - started) / 1000).toFixed(1)} s)`,
  );
}

main().catch((error: unknown) => {
  const message = error instanceof Error ? error.message : String(error);
  console.error(`[policygraph] cannot start: ${message}`);
  if (!(error instanceof LocalNeo4jUnavailable) && error instanceof Error && error.stack) console.error(error.stack);
  process.exit(1);
});
