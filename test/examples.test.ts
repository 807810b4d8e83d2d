import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { Database } from "../src/platform/db/neo4j";
import { seedIfEmpty } from "../src/pipeline/ingest/seed";
import { projectRoot } from "../src/platform/paths";
import { RunningServer } from "../src/server/app";
import { resetGraph, testDatabase } from "./support/graph";
import { gql, testServer } from "./support/server";

// Every examples/*.graphql runs against the seeded graph and must give examples/*.result.json, so
// the answers the README quotes stay true. UPDATE_EXAMPLES=1 rewrites the results after a change.
const dir = join(projectRoot, "examples");
const names = readdirSync(dir)
  .filter((f) => f.endsWith(".graphql"))
  .map((f) => f.replace(/\.graphql$/, ""));

let db: Database;
let server: RunningServer;

beforeAll(async () => {
  db = testDatabase();
  await resetGraph(db);
  await seedIfEmpty(db);
  server = await testServer(db);
});

afterAll(async () => {
  await server.close();
  await db.close();
});

it("has examples", () => {
  expect(names.length).toBeGreaterThanOrEqual(5);
});

it.each(names)("examples/%s.graphql gives its committed result", async (name) => {
  const res = await gql(server, readFileSync(join(dir, `${name}.graphql`), "utf8"));
  expect(res.errors).toBeUndefined();
  const file = join(dir, `${name}.result.json`);
  if (process.env.UPDATE_EXAMPLES) writeFileSync(file, JSON.stringify({ data: res.data }, null, 2) + "\n");
  expect({ data: res.data }).toEqual(JSON.parse(readFileSync(file, "utf8")));
});
