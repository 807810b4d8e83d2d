import { Database, Queryable } from "../src/platform/db/neo4j";
import { seedIfEmpty } from "../src/pipeline/ingest/seed";
import { RunningServer } from "../src/server/app";
import { resetGraph, testDatabase } from "./support/graph";
import { DEFAULT_SETTINGS, testServer } from "./support/server";
import { TcpProxy } from "./support/tcp-proxy";
import { testConnection } from "./support/test-neo4j";

// Regression: with Neo4j paused, GraphQL requests hung for as long as it stayed paused. Every
// request has a deadline (REQUEST_TIMEOUT_MS): then it answers DATABASE_UNAVAILABLE with HTTP 503,
// and the service recovers by itself when Neo4j answers again. The proxy plays the paused Neo4j:
// connections stay open and nothing comes back.
const TIMEOUT_MS = 1500;
let direct: Database;
let viaProxy: Database;
let proxy: TcpProxy;
let server: RunningServer;

beforeAll(async () => {
  direct = testDatabase();
  await resetGraph(direct);
  await seedIfEmpty(direct);
  const conn = testConnection();
  const target = new URL(conn.uri.replace(/^\w+(\+\w+)?:/, "http:"));
  proxy = new TcpProxy(target.hostname, Number(target.port || 7687));
  await proxy.open();
  viaProxy = Database.connect({ ...conn, uri: `bolt://127.0.0.1:${proxy.port}` });
  server = await testServer(viaProxy, { limits: { ...DEFAULT_SETTINGS.limits, timeoutMs: TIMEOUT_MS } });
});

afterAll(async () => {
  proxy.resume();
  await server.close();
  await viaProxy.close();
  await proxy.cut();
  await direct.close();
});

async function timedGql(query: string) {
  const t0 = Date.now();
  const res = await fetch(`${server.url}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ query }),
  });
  const body = (await res.json()) as { data?: unknown; errors?: { extensions?: { code?: string; http?: unknown } }[] };
  return { ms: Date.now() - t0, status: res.status, body };
}

it("answers DATABASE_UNAVAILABLE (503) at the deadline while Neo4j answers nothing, and recovers when it does", async () => {
  const before = await timedGql(`{ departments { totalCount } }`);
  expect(before.body.errors).toBeUndefined();

  proxy.pause();
  const stuck = await Promise.all(
    [
      `{ departments { totalCount } }`,
      `{ themes { id } }`,
      `{ recurringShortcomingThemes { departmentCount } }`,
      `{ meetings(first: 5) { nodes { date reports { subject } } } }`,
      `{ search(query: "党建") { score } }`,
    ].map(timedGql),
  );
  for (const r of stuck) {
    expect(r.status).toBe(503);
    expect(r.body.errors?.[0]?.extensions?.code).toBe("DATABASE_UNAVAILABLE");
    expect(r.body.errors?.[0]?.extensions?.http).toBeUndefined();
    expect(r.ms).toBeGreaterThanOrEqual(TIMEOUT_MS - 100);
    expect(r.ms).toBeLessThan(TIMEOUT_MS + 1500);
  }
  // An entity page has the same deadline.
  const t0 = Date.now();
  const page = await fetch(`${server.url}/id/department/finance-bureau`, { headers: { accept: "text/turtle" } });
  expect(page.status).toBe(503);
  expect(Date.now() - t0).toBeLessThan(TIMEOUT_MS + 1500);

  proxy.resume();
  let after = await timedGql(`{ departments { totalCount } }`);
  for (let i = 0; i < 20 && after.body.errors; i++) {
    await new Promise((r) => setTimeout(r, 250));
    after = await timedGql(`{ departments { totalCount } }`);
  }
  expect(after.body.errors).toBeUndefined();
  expect(after.status).toBe(200);
}, 60_000);

it("runs nothing more for a client that has gone away", async () => {
  // A second server over the same proxy whose database view counts the statements it is given.
  let statements = 0;
  const counting: Queryable = {
    read: (cypher, params, options) => (statements++, viaProxy.read(cypher, params, options)),
    write: (cypher, params, options) => (statements++, viaProxy.write(cypher, params, options)),
    transaction: (work, options) => viaProxy.transaction(work, options),
  };
  const limits = { ...DEFAULT_SETTINGS.limits, timeoutMs: 20_000, dbConcurrency: 2 };
  const second = await testServer(counting as Database, { limits });
  try {
    proxy.pause();
    const controller = new AbortController();
    // Six root fields, two statements at a time: the first two hang on the paused Neo4j.
    const query = `{ ${Array.from({ length: 6 }, (_, i) => `a${i}: departments(contains: "${i}") { totalCount }`).join(" ")} }`;
    const gone = fetch(`${second.url}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ query }),
      signal: controller.signal,
    }).catch((e: Error) => e.name);
    for (let i = 0; i < 50 && statements < 2; i++) await new Promise((r) => setTimeout(r, 20));
    expect(statements).toBe(2);
    controller.abort();
    expect(await gone).toBe("AbortError");
    await new Promise((r) => setTimeout(r, 100));
    proxy.resume();
    // The two under way finish; the four waiting their turn never start.
    await new Promise((r) => setTimeout(r, 1000));
    expect(statements).toBe(2);
  } finally {
    proxy.resume();
    await second.close();
  }
});
