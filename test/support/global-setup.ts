import "reflect-metadata";
import { startLocalNeo4j } from "../../src/platform/db/local-neo4j/local-neo4j";
import { freePort, localSettings, saveConnection, TEST_HOME } from "./test-neo4j";

/** Starts (or reuses) the tests' Neo4j once for the whole run; global-teardown stops it. */
export default async function globalSetup(): Promise<void> {
  const remote = process.env.POLICYGRAPH_TEST_NEO4J_URI;
  if (remote) {
    saveConnection({
      uri: remote,
      user: process.env.POLICYGRAPH_TEST_NEO4J_USER ?? "neo4j",
      password: process.env.POLICYGRAPH_TEST_NEO4J_PASSWORD ?? "",
      database: process.env.POLICYGRAPH_TEST_NEO4J_DATABASE ?? "neo4j",
    });
    return;
  }
  const port = Number(process.env.NEO4J_TEST_BOLT_PORT) || (await freePort());
  const local = await startLocalNeo4j({
    ...localSettings(TEST_HOME, port),
    log: (l) => process.stderr.write(`\n[test neo4j] ${l}`),
  });
  saveConnection({ uri: local.uri, user: local.user, password: local.password, database: "neo4j" });
  (globalThis as { __testNeo4j?: typeof local }).__testNeo4j = local;
}
