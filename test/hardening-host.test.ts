import http from "node:http";
import { Parser } from "n3";
import { Database } from "../src/platform/db/neo4j";
import { seedIfEmpty } from "../src/pipeline/ingest/seed";
import { RunningServer } from "../src/server/app";
import { resetGraph, testDatabase } from "./support/graph";
import { testServer } from "./support/server";

// Issue 23 item 6: without PUBLIC_BASE_URL the IRIs of every answer are built from the Host
// header, which a client chooses. fetch() refuses odd Host values, so the requests go raw.

const DEPARTMENT = "/id/department/state-owned-assets-commission";
const INJECTION = 'x> <http://attacker/s> <http://attacker/p> "injected" . <http://y';

let db: Database;
let server: RunningServer;
let proxied: RunningServer;

interface Answer {
  status: number;
  type: string;
  body: string;
}

/** A request with exactly the Host header given (or none when `host` is null). */
function raw(
  target: RunningServer,
  path: string,
  host: string | null,
  headers: Record<string, string> = {},
  body?: string,
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: "127.0.0.1",
        port: target.port,
        path,
        method: body === undefined ? "GET" : "POST",
        setHost: false,
        agent: false,
        headers: { ...(host === null ? {} : { host }), ...headers },
      },
      (res) => {
        let text = "";
        res.setEncoding("utf8");
        res.on("data", (c: string) => (text += c));
        res.on("end", () =>
          resolve({ status: res.statusCode!, type: String(res.headers["content-type"]), body: text }),
        );
        res.on("error", reject);
      },
    );
    req.on("error", reject);
    req.end(body);
  });
}

const graphql = (target: RunningServer, host: string | null, query: string) =>
  raw(target, "/graphql", host, { "content-type": "application/json" }, JSON.stringify({ query }));

const IRI_QUERY = '{ department(id: "state-owned-assets-commission") { iri } }';

function expectBadHost(answer: Answer): void {
  expect(answer.status).toBe(400);
  expect(answer.type).toMatch(/^application\/json/);
  const body = JSON.parse(answer.body);
  expect(body.errors).toHaveLength(1);
  expect(body.errors[0].extensions.code).toBe("BAD_USER_INPUT");
  expect(body.errors[0].message).toMatch(/Host/);
  expect(answer.body).not.toContain("attacker");
}

beforeAll(async () => {
  db = testDatabase();
  await resetGraph(db);
  await seedIfEmpty(db);
  server = await testServer(db);
  proxied = await testServer(db, { publicBaseUrl: "https://data.example.org/pg" });
}, 120_000);

afterAll(async () => {
  await server.close();
  await proxied.close();
  await db.close();
});

describe("a malformed Host header is refused with 400 when IRIs would be built from it", () => {
  it("refuses the injection of the issue on entity IRIs in N-Triples, Turtle and JSON-LD", async () => {
    for (const accept of ["application/n-triples", "text/turtle", "application/ld+json"]) {
      expectBadHost(await raw(server, DEPARTMENT, INJECTION, { accept }));
    }
  });

  it("refuses it on the dumps, the theme scheme, the vocabulary and its context", async () => {
    for (const path of ["/dump.ttl", "/dump.jsonld", "/id/theme", "/ns", "/ns/context.jsonld"]) {
      expectBadHost(await raw(server, path, INJECTION, { accept: "text/turtle" }));
    }
  });

  it("refuses it on GraphQL, whose iri fields use the same base", async () => {
    expectBadHost(await graphql(server, INJECTION, IRI_QUERY));
  });

  it.each([
    "exa mple.org",
    "example.org/evil",
    "example.org:99999",
    "example.org:80:80",
    "-bad.example.org",
    "[::1",
    "[not-an-ip]:80",
    'a"b',
    "user@example.org",
    "",
  ])("refuses Host %j", async (host) => {
    expectBadHost(await raw(server, DEPARTMENT, host, { accept: "application/n-triples" }));
  });

  it("refuses a request without Host unless PUBLIC_BASE_URL names the base", async () => {
    expectBadHost(await raw(server, DEPARTMENT, null, { accept: "application/n-triples" }));
    const answer = await raw(proxied, DEPARTMENT, null, { accept: "application/n-triples" });
    expect(answer.status).toBe(200);
    expect(answer.body).toContain("<https://data.example.org/pg/id/department/state-owned-assets-commission>");
  });

  it("refuses a malformed Host even with PUBLIC_BASE_URL set (RFC 9112 §3.2)", async () => {
    expectBadHost(await raw(proxied, DEPARTMENT, INJECTION, { accept: "application/n-triples" }));
  });
});

describe("a valid Host still works", () => {
  it.each([
    ["data.example.org:8080", "http://data.example.org:8080"],
    ["Data.Example.ORG", "http://data.example.org"],
    ["192.0.2.7:4000", "http://192.0.2.7:4000"],
    ["[2001:db8::1]:4000", "http://[2001:db8::1]:4000"],
    ["localhost", "http://localhost"],
  ])("Host %j gives IRIs under %s", async (host, base) => {
    const answer = await raw(server, DEPARTMENT, host, { accept: "application/n-triples" });
    expect(answer.status).toBe(200);
    const quads = new Parser({ format: "application/n-triples" }).parse(answer.body);
    expect(quads.length).toBeGreaterThan(3);
    const own = quads.filter((q) => q.subject.value === `${base}${DEPARTMENT}`);
    expect(own.length).toBeGreaterThan(3);
    // One statement per line, each about an entity under this base: nothing else was slipped in.
    expect(answer.body.trimEnd().split("\n")).toHaveLength(quads.length);
    expect(quads.every((q) => q.subject.value.startsWith(`${base}/id/`))).toBe(true);
  });

  it("the Turtle dump under a valid Host parses and names only that base's entities", async () => {
    const answer = await raw(server, "/dump.ttl", "data.example.org:8080");
    expect(answer.status).toBe(200);
    const quads = new Parser({ format: "text/turtle" }).parse(answer.body);
    expect(quads.length).toBeGreaterThan(100);
    expect(quads.every((q) => q.subject.value.startsWith("http://data.example.org:8080/"))).toBe(true);
  });

  it("GraphQL iri fields use the valid Host", async () => {
    const answer = await graphql(server, "data.example.org:8080", IRI_QUERY);
    expect(answer.status).toBe(200);
    expect(JSON.parse(answer.body).data.department.iri).toBe(`http://data.example.org:8080${DEPARTMENT}`);
  });

  it("answers /health behind a valid Host", async () => {
    expect((await raw(server, "/health", "data.example.org")).status).toBe(200);
  });
});
