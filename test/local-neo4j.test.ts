import { mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { prepareDatabase } from "../src/bootstrap";
import { LocalNeo4j, startLocalNeo4j } from "../src/db/local-neo4j/local-neo4j";
import { Database } from "../src/db/neo4j";
import { graphCounts } from "./support/graph";
import { freePort, localSettings } from "./support/test-neo4j";

// A Neo4j of its own (not the suite's shared one): this test stops and restarts it.
const home = mkdtempSync(join(tmpdir(), "pg-local-"));
let first: LocalNeo4j | undefined;
let second: LocalNeo4j | undefined;

afterAll(async () => {
  await first?.stop();
  await second?.stop();
  rmSync(home, { recursive: true, force: true });
});

const connect = (n: LocalNeo4j) =>
  Database.connect({ uri: n.uri, user: n.user, password: n.password, database: "neo4j" });

it("keeps its data and password across a restart, and is reused while it runs", async () => {
  const settings = localSettings(home, await freePort());
  const quiet = { ...settings, log: () => undefined };
  first = await startLocalNeo4j(quiet);
  expect(first.owned).toBe(true);
  expect(statSync(join(home, "neo4j.password")).mode & 0o777).toBe(0o600);

  let db = connect(first);
  await prepareDatabase(db, { seed: true }, () => undefined);
  const before = await graphCounts(db);
  expect(before.Meeting).toBe(1);
  await db.close();

  const reused = await startLocalNeo4j(quiet);
  expect(reused.owned).toBe(false);
  expect(reused.pid).toBe(first.pid);
  expect(reused.uri).toBe(first.uri);

  await first.stop();
  second = await startLocalNeo4j(quiet);
  expect(second.owned).toBe(true);
  expect(second.pid).not.toBe(first.pid);
  db = connect(second);
  await prepareDatabase(db, { seed: true }, () => undefined);
  expect(await graphCounts(db)).toEqual(before);
  await db.close();
}, 180_000);
