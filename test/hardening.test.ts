import neo4j from "neo4j-driver";
import { loadConfig } from "../src/platform/config";
import { Database, mapError, Queryable } from "../src/platform/db/neo4j";
import { AppError } from "../src/platform/errors";
import { seedIfEmpty } from "../src/pipeline/ingest/seed";
import { RunningServer, ServerSettings } from "../src/server/app";
import { resetGraph, testDatabase } from "./support/graph";
import { testConnection } from "./support/test-neo4j";
import { gql, testServer } from "./support/server";

// Regressions of issue 23 (hostile and heavy load): bounded documents, costs that fail closed,
// round trips and pool use bounded per request, and the right codes for what goes wrong.

const DEFAULTS = loadConfig({});
const READ_TOKEN = "reader-secret-for-tests";
// Refusals must come back within this, and must not hold an innocent request up by more.
const QUICK_MS = 100;

let db: Database;
let server: RunningServer;
const extra: RunningServer[] = [];
const measured: string[] = [];

async function serverWith(settings: Partial<ServerSettings>, over: Database = db): Promise<RunningServer> {
  const s = await testServer(over, settings);
  extra.push(s);
  return s;
}

// A server whose document limits let anything through, to reach the checks behind them.
const unbounded = (more: Partial<ServerSettings> = {}) =>
  serverWith({
    ...more,
    limits: { ...DEFAULTS.limits, tokens: 1e7, aliases: 1e7, cost: 1e12, ...more.limits },
  });

/** POSTs a raw GraphQL request and times it. */
async function timedPost(url: string, query: string, headers: Record<string, string> = {}) {
  const started = performance.now();
  const res = await fetch(`${url}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: JSON.stringify({ query }),
  });
  const body = (await res.json()) as {
    data?: unknown;
    errors?: { message: string; extensions: any }[];
    extensions?: any;
  };
  return { status: res.status, body, ms: performance.now() - started };
}

async function timedHealth(url: string) {
  const started = performance.now();
  const res = await fetch(`${url}/health`);
  await res.text();
  return { status: res.status, ms: performance.now() - started };
}

const aliased = (n: number, field = "recurringShortcomingThemes { departmentCount }") =>
  `{ ${Array.from({ length: n }, (_, i) => `a${i}: ${field}`).join(" ")} }`;
const COSTLY = `shortcomings(first: 100) { nodes { report { meeting { reports { shortcomings { themes { children { id } } } } } } } }`;

beforeAll(async () => {
  db = testDatabase();
  await resetGraph(db);
  await seedIfEmpty(db);
  server = await testServer(db);
  // Warm up the path every measured request takes (JIT, schema, the pool's first connection).
  await timedPost(server.url, `{ themes { id } }`);
  await timedHealth(server.url);
});

afterAll(async () => {
  for (const s of extra) await s.close();
  await server.close();
  await db.close();
  if (measured.length) process.stdout.write(`\n[hardening] measured:\n  ${measured.join("\n  ")}\n`);
});

describe("a cost that cannot be estimated is refused, never counted as 0", () => {
  it("refuses the costly query, and the same followed by 10,000 __typename", async () => {
    const alone = await timedPost(server.url, `{ ${COSTLY} }`);
    expect(alone.status).toBe(400);
    expect(alone.body.errors![0].extensions).toMatchObject({
      code: "QUERY_TOO_COMPLEX",
      setting: "QUERY_COMPLEXITY_LIMIT",
    });

    const padded = `{ ${COSTLY} ${"__typename ".repeat(10_000)} }`;
    const byDefault = await timedPost(server.url, padded);
    expect(byDefault.status).toBe(400);
    expect(byDefault.body.errors![0].extensions.code).toBe("QUERY_TOO_COMPLEX");
    expect(byDefault.body.data).toBeUndefined();

    // With the document limits out of the way, the complexity estimate itself gives up (too many
    // nodes): that must refuse too.
    const open = await unbounded();
    const res = await timedPost(open.url, padded);
    expect(res.status).toBe(400);
    expect(res.body.data).toBeUndefined();
    expect(res.body.errors![0].extensions).toMatchObject({
      code: "QUERY_TOO_COMPLEX",
      setting: "QUERY_COMPLEXITY_LIMIT",
    });
    expect(res.body.errors![0].message).toMatch(/could not be estimated/);
    expect(res.body.extensions.cost.dbRoundTrips).toBe(0);
  });
});

describe("documents are bounded before validation", () => {
  it.each([
    ["a 10,000-field document", `{ themes { ${"id ".repeat(10_000)} } }`, "QUERY_MAX_TOKENS"],
    ["a 50,000 __typename document", `{ ${"__typename ".repeat(50_000)} }`, "QUERY_MAX_TOKENS"],
    [
      "2,000 differently-argued search fields",
      `{ ${Array.from({ length: 2_000 }, (_, i) => `search(query: "q${i}") { score }`).join(" ")} }`,
      "QUERY_MAX_TOKENS",
    ],
    ["1,000 aliased recurringShortcomingThemes", aliased(1_000), "QUERY_MAX_TOKENS"],
    ["16 aliases", aliased(16, "themes { id }"), "QUERY_MAX_ALIASES"],
    ["fields nested 11 deep", `{ themes { ${"children { ".repeat(10)}id${" }".repeat(10)} } }`, "QUERY_MAX_DEPTH"],
    ["21 directives", `{ themes { ${"id @skip(if: false) ".repeat(21)} } }`, "QUERY_MAX_DIRECTIVES"],
    [
      "a static cost over the limit",
      `{ departments(first: 100) { nodes { reports { meeting { reports { achievements { id text themes { id name children { id name } } } shortcomings { id text themes { id name } } } } } } } }`,
      "QUERY_MAX_COST",
    ],
  ])("refuses %s with QUERY_TOO_COMPLEX, HTTP 400, quickly", async (name, query, setting) => {
    const res = await timedPost(server.url, query);
    measured.push(`${name} (${Math.round(query.length / 1024)} KB): HTTP ${res.status} in ${res.ms.toFixed(1)} ms`);
    expect(res.status).toBe(400);
    expect(res.body.data).toBeUndefined();
    expect(res.body.errors).toHaveLength(1);
    expect(res.body.errors![0].extensions).toMatchObject({ code: "QUERY_TOO_COMPLEX", setting });
    expect(res.body.errors![0].message).toMatch(/^The query is too complex: /);
    expect(res.ms).toBeLessThan(QUICK_MS);
  });

  it("does not hold up an unrelated /health while refusing", async () => {
    const baseline = Math.min(...(await Promise.all([1, 2, 3].map(() => timedHealth(server.url)))).map((h) => h.ms));
    const heavy = [`{ themes { ${"id ".repeat(10_000)} } }`, `{ ${"__typename ".repeat(50_000)} }`];
    for (const query of heavy) {
      const [refused, health] = await Promise.all([timedPost(server.url, query), timedHealth(server.url)]);
      expect(refused.status).toBe(400);
      expect(health.status).toBe(200);
      measured.push(
        `/health beside a refused ${Math.round(query.length / 1024)} KB document: ${health.ms.toFixed(1)} ms (alone ${baseline.toFixed(1)} ms)`,
      );
      expect(health.ms - baseline).toBeLessThan(QUICK_MS);
    }
  });

  it("lets the explorer's largest queries through (the neighbourhood's, with its fragments)", async () => {
    const label = `__typename id ... on Department { name nameEn } ... on Meeting { date title } ... on Report { date subject order }
      ... on Achievement { text } ... on Shortcoming { text } ... on Directive { text } ... on PolicyTheme { name themeNameEn: nameEn }
      ... on Document { title } ... on Person { name nameEn }`;
    const res = await gql(
      server,
      `query($id: ID!) { neighborhood(id: $id, depth: 2, first: 40) { truncated center { ${label} } nodes { ${label} } edges { source target type } } }`,
      { id: "finance-bureau" },
    );
    expect(res.errors).toBeUndefined();
    expect(res.data!.neighborhood.nodes.length).toBeGreaterThan(1);
  });
});

describe("one request cannot exhaust the round trips or the pool", () => {
  it("costs each aliased root field its round trip: 1,000 cheap ones are over the complexity limit", async () => {
    const open = await unbounded();
    const res = await timedPost(open.url, aliased(1_000));
    measured.push(
      `1,000 aliased recurringShortcomingThemes past the document limits: HTTP ${res.status} in ${res.ms.toFixed(1)} ms`,
    );
    expect(res.status).toBe(400);
    expect(res.body.errors![0].extensions).toMatchObject({
      code: "QUERY_TOO_COMPLEX",
      setting: "QUERY_COMPLEXITY_LIMIT",
    });
    expect(res.body.errors![0].extensions.complexity).toBeGreaterThan(100_000);
    // No time bound here: past the document limits, graphql-js validates all 1,000 fields first.
    expect(res.body.extensions.cost.dbRoundTrips).toBe(0);
  });

  it("refuses up front more root fields than the round-trip limit", async () => {
    const open = await unbounded({ complexityLimit: 1e9 });
    const res = await timedPost(open.url, aliased(1_000));
    expect(res.status).toBe(400);
    expect(res.body.errors![0].extensions).toMatchObject({
      code: "QUERY_TOO_COMPLEX",
      setting: "QUERY_MAX_ROUND_TRIPS",
      limit: DEFAULTS.limits.roundTrips,
      roundTrips: 1_000,
    });
    expect(res.body.extensions.cost.dbRoundTrips).toBe(0);
  });

  it("stops an operation at run time when it reaches the round-trip limit", async () => {
    // One root field, but its nested lists need a round trip per level: 4 in all.
    const query = `{ departments(first: 5) { nodes { reports { meeting { date } achievements { id } } } } }`;
    const free = await gql(server, query);
    expect(free.errors).toBeUndefined();
    expect(free.extensions!.cost!.dbRoundTrips).toBeGreaterThan(2);
    const tight = await serverWith({ limits: { ...DEFAULTS.limits, roundTrips: 2 } });
    const res = await gql(tight, query);
    expect(res.errors!.length).toBeGreaterThan(0);
    for (const e of res.errors!)
      expect(e.extensions).toMatchObject({ code: "QUERY_TOO_COMPLEX", setting: "QUERY_MAX_ROUND_TRIPS" });
    expect(res.extensions!.cost!.dbRoundTrips).toBe(2);
  });

  it("runs at most QUERY_DB_CONCURRENCY of one request's statements at once; /health still answers", async () => {
    let active = 0;
    let most = 0;
    const counting = (run: () => Promise<unknown>) => {
      active++;
      most = Math.max(most, active);
      return run().finally(() => active--);
    };
    // The service's database, watched: how many of its statements are under way at once.
    const watched = new Proxy(db, {
      get(target, prop, receiver) {
        const value = Reflect.get(target, prop, receiver);
        if (prop !== "read" && prop !== "write") return typeof value === "function" ? value.bind(target) : value;
        return (...args: Parameters<Queryable["read"]>) =>
          counting(() => (value as Queryable["read"]).apply(target, args));
      },
    });
    const open = await serverWith(
      { complexityLimit: 1e9, limits: { ...DEFAULTS.limits, tokens: 1e7, aliases: 1e7, cost: 1e12, roundTrips: 1e6 } },
      watched,
    );
    const [res, health] = await Promise.all([
      timedPost(open.url, aliased(200)),
      new Promise((r) => setTimeout(r, 30)).then(() => timedHealth(open.url)),
    ]);
    expect(res.status).toBe(200);
    expect(res.body.errors).toBeUndefined();
    expect(res.body.extensions.cost.dbRoundTrips).toBe(200);
    expect(most).toBe(DEFAULTS.limits.dbConcurrency);
    expect(health.status).toBe(200);
    measured.push(
      `200 aliased root fields at QUERY_DB_CONCURRENCY=${DEFAULTS.limits.dbConcurrency}: ${res.ms.toFixed(0)} ms; /health meanwhile ${health.ms.toFixed(1)} ms`,
    );
  });
});

describe("the right codes", () => {
  it("maps the pool's acquisition timeout to DATABASE_UNAVAILABLE", async () => {
    const c = testConnection();
    const driver = neo4j.driver(c.uri, neo4j.auth.basic(c.user, c.password), {
      maxConnectionPoolSize: 1,
      connectionAcquisitionTimeout: 300,
    });
    const holder = driver.session({ database: c.database });
    const tx = await holder.beginTransaction();
    try {
      await tx.run("RETURN 1");
      const other = driver.session({ database: c.database });
      const error = await other.run("RETURN 1").then(
        () => undefined,
        (e: unknown) => e,
      );
      await other.close();
      expect((error as Error).message).toMatch(/^Connection acquisition timed out/);
      const mapped = mapError(error);
      expect(mapped).toBeInstanceOf(AppError);
      expect((mapped as AppError).code).toBe("DATABASE_UNAVAILABLE");
    } finally {
      await tx.rollback();
      await holder.close();
      await driver.close();
    }
  });

  it("answers a GraphQL request without the read token with 401 UNAUTHENTICATED, a counted warning only", async () => {
    const guarded = await serverWith({ readToken: READ_TOKEN });
    const errors = jest.spyOn(console, "error").mockImplementation(() => undefined);
    const warnings = jest.spyOn(console, "warn").mockImplementation(() => undefined);
    try {
      for (let i = 0; i < 12; i++) {
        const headers: Record<string, string> = i % 2 ? { authorization: "Bearer wrong" } : {};
        const res = await fetch(`${guarded.url}/graphql`, {
          method: "POST",
          headers: { "content-type": "application/json", ...headers },
          body: JSON.stringify({ query: "{ themes { id } }" }),
        });
        expect(res.status).toBe(401);
        expect(res.headers.get("www-authenticate")).toBe('Bearer realm="policygraph"');
        const body = (await res.json()) as any;
        expect(body.data).toBeUndefined();
        expect(body.errors).toEqual([
          { message: expect.stringMatching(/read token/), extensions: { code: "UNAUTHENTICATED" } },
        ]);
      }
      expect(errors).not.toHaveBeenCalled();
      // The 1st and the 10th refusal, not each of the 12.
      expect(warnings).toHaveBeenCalledTimes(2);
      expect(String(warnings.mock.calls[1][0])).toMatch(/10 .*UNAUTHENTICATED/);
    } finally {
      errors.mockRestore();
      warnings.mockRestore();
    }
    const ok = await gql(guarded, "{ themes { id } }", {}, { authorization: `Bearer ${READ_TOKEN}` });
    expect(ok.errors).toBeUndefined();
  });

  it("answers a crafted cursor with BAD_USER_INPUT", async () => {
    for (const after of ["bzoxZTMwMA", Buffer.from("o:1.5").toString("base64url")]) {
      const res = await gql(server, `query($a: String) { meetings(after: $a) { totalCount } }`, { a: after });
      expect(res.errors![0].extensions!.code).toBe("BAD_USER_INPUT");
      expect(res.errors![0].message).toMatch(/not a cursor/);
    }
  });

  it("answers an address that is not percent-encoded UTF-8 with 400", async () => {
    const errors = jest.spyOn(console, "error").mockImplementation(() => undefined);
    try {
      const res = await fetch(`${server.url}/id/department/%ff%fe`);
      expect(res.status).toBe(400);
      const body = (await res.json()) as any;
      expect(body.errors[0].extensions.code).toBe("BAD_USER_INPUT");
      expect(errors).not.toHaveBeenCalled();
    } finally {
      errors.mockRestore();
    }
  });

  it("says only up or down on /health without the read token, when one is set", async () => {
    const guarded = await serverWith({ readToken: READ_TOKEN });
    const anonymous = await fetch(`${guarded.url}/health`);
    expect(anonymous.status).toBe(200);
    expect(await anonymous.json()).toEqual({ status: "ok" });
    const reader = await fetch(`${guarded.url}/health`, { headers: { authorization: `Bearer ${READ_TOKEN}` } });
    const detail = (await reader.json()) as any;
    expect(detail.status).toBe("ok");
    expect(detail.neo4j.version).toMatch(/^5\./);
    // Without a read token, reads are open and so is the detail.
    const open = (await (await fetch(`${server.url}/health`)).json()) as any;
    expect(open.neo4j.version).toMatch(/^5\./);
  });
});
