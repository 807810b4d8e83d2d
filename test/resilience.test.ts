import { Database } from "../src/platform/db/neo4j";
import { seedIfEmpty } from "../src/pipeline/ingest/seed";
import { RunningServer } from "../src/server/app";
import { resetGraph, testDatabase } from "./support/graph";
import { gql, testServer } from "./support/server";
import { TcpProxy } from "./support/tcp-proxy";
import { testConnection } from "./support/test-neo4j";

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
  server = await testServer(viaProxy);
});

afterAll(async () => {
  await server.close();
  await viaProxy.close();
  await proxy.cut();
  await direct.close();
});

const health = async () => {
  const res = await fetch(`${server.url}/health`);
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
};

it("answers DATABASE_UNAVAILABLE and a 503 health while Neo4j is away, and recovers by itself", async () => {
  expect((await health()).status).toBe(200);
  expect((await gql(server, `{ departments { totalCount } }`)).data!.departments.totalCount).toBe(7);

  await proxy.cut();
  const down = await gql(server, `{ departments { totalCount } }`);
  expect(down.errors![0].extensions!.code).toBe("DATABASE_UNAVAILABLE");
  expect(down.errors![0].message).not.toMatch(/bolt|127\.0\.0\.1|Neo4jError|at /);
  const h = await health();
  expect(h.status).toBe(503);
  expect(h.body.status).toBe("unavailable");

  await proxy.open();
  const deadline = Date.now() + 20_000;
  let back = await gql(server, `{ departments { totalCount } }`);
  while (back.errors && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 500));
    back = await gql(server, `{ departments { totalCount } }`);
  }
  expect(back.data!.departments.totalCount).toBe(7);
  expect((await health()).status).toBe(200);
});
