import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { join } from "node:path";
import { loadConfig } from "../../src/platform/config";
import { ConnectionSettings } from "../../src/platform/db/neo4j";
import { projectRoot } from "../../src/platform/paths";

/**
 * The tests' own Neo4j: a local one in .policygraph/test (never npm start's data), or the server
 * named by POLICYGRAPH_TEST_NEO4J_URI — whose database the tests WIPE.
 */
export const TEST_HOME = process.env.POLICYGRAPH_TEST_HOME ?? join(projectRoot, ".policygraph", "test");
const CONNECTION_FILE = join(TEST_HOME, "connection.json");

/** A free TCP port on the loopback interface. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
  });
}

/** Local-mode settings for a test home (cache shared with npm start: the jars are the same). */
export function localSettings(home: string, boltPort: number) {
  const { local } = loadConfig({ ...process.env, POLICYGRAPH_HOME: home });
  return { ...local, home, boltPort };
}

export function saveConnection(settings: ConnectionSettings): void {
  mkdirSync(TEST_HOME, { recursive: true });
  writeFileSync(CONNECTION_FILE, JSON.stringify(settings), { mode: 0o600 });
}

/** How tests reach the database that the global setup prepared. */
export function testConnection(): ConnectionSettings {
  return JSON.parse(readFileSync(CONNECTION_FILE, "utf8")) as ConnectionSettings;
}

/** Points the CLI, which connects like the server, at the tests' Neo4j through NEO4J_URI. */
export function cliUsesTestNeo4j(): void {
  const conn = testConnection();
  Object.assign(process.env, {
    NEO4J_URI: conn.uri,
    NEO4J_USER: conn.user,
    NEO4J_PASSWORD: conn.password,
    NEO4J_DATABASE: conn.database,
  });
}
