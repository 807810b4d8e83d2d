// Service under load: `npm run build && node bench/load.bench.mjs [READOUTS] [SECONDS]`.
// Into an emptied local Neo4j (.policygraph/bench) it loads the seed and READOUTS (default 300)
// synthetic readouts, serves the API in this process with the settings `npm start` uses (the
// environment's limits), then:
// 1. load: the queries of examples/ in a round-robin mix at concurrency 16 and then 64, each for
//    SECONDS (default 15); every body is checked for `errors` (counted, never retried); prints
//    req/s, p50/p99 and the error count per level;
// 2. hostile: a 10,000-field document, a 50,000-__typename document, a 1,000-alias document of
//    recurringShortcomingThemes and a 2,000-field search, each sent while an innocent client polls
//    /health every 20 ms: prints how long each took to be answered (and with which code) and the
//    slowest /health answer meanwhile against the quiet baseline.
// The client runs in the same process as the server (the machine has two cores: a second process
// would take one from Neo4j); its share of the CPU is part of every figure.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { generateReadout } from "./synthetic.mjs";
import { benchDatabase, dist, stats } from "./lib.mjs";

const readouts = Number(process.argv[2] ?? 300);
const seconds = Number(process.argv[3] ?? 15);
const { ingestMany } = dist("pipeline/ingest/ingest.bulk.js");
const { seedIfEmpty } = dist("pipeline/ingest/seed.js");
const { startServer } = dist("server/app.js");
const { loadConfig } = dist("platform/config.js");

const examplesDir = new URL("../examples/", import.meta.url).pathname;
const examples = readdirSync(examplesDir)
  .filter((f) => f.endsWith(".graphql"))
  .map((f) => ({ name: f.replace(/\.graphql$/, ""), query: readFileSync(join(examplesDir, f), "utf8") }));

const { db, close } = await benchDatabase({ fresh: true });
await seedIfEmpty(db);
const encoder = new TextEncoder();
const inputs = Array.from({ length: readouts }, (_, i) => encoder.encode(generateReadout(i)));
await ingestMany(
  db,
  inputs,
  (b) => b,
  {},
  () => undefined,
);
const config = loadConfig();
const server = await startServer(db, config, 0, "127.0.0.1");
console.log(`graph: seed + ${readouts} synthetic readouts; ${examples.length} example queries in the mix`);

async function post(query) {
  const t0 = performance.now();
  const res = await fetch(`${server.url}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ query }),
  });
  const body = await res.json().catch(() => ({ errors: [{ extensions: { code: `HTTP ${res.status}` } }] }));
  return { ms: performance.now() - t0, status: res.status, body };
}

async function load(concurrency) {
  const latencies = [];
  const errors = new Map();
  let next = 0;
  const until = performance.now() + seconds * 1000;
  const client = async () => {
    while (performance.now() < until) {
      const { query } = examples[next++ % examples.length];
      const r = await post(query);
      latencies.push(r.ms);
      for (const e of r.body.errors ?? []) {
        const code = e.extensions?.code ?? "?";
        errors.set(code, (errors.get(code) ?? 0) + 1);
      }
    }
  };
  const t0 = performance.now();
  await Promise.all(Array.from({ length: concurrency }, client));
  const elapsed = (performance.now() - t0) / 1000;
  const st = stats(latencies);
  const errorCount = [...errors.values()].reduce((a, b) => a + b, 0);
  console.log(
    `load c=${concurrency}: ${latencies.length} requests in ${elapsed.toFixed(1)} s = ${(latencies.length / elapsed).toFixed(1)} req/s; p50 ${st.p50.toFixed(1)} ms p99 ${st.p99.toFixed(1)} ms; errors ${errorCount}${errorCount ? ` (${[...errors].map(([c, n]) => `${c} ${n}`).join(", ")})` : ""}`,
  );
}

// Warm-up: each example a few times (plans cached, JIT warm).
for (let i = 0; i < 3; i++) for (const e of examples) await post(e.query);
await load(16);
await load(64);

async function healthWhile(work) {
  const waits = [];
  let running = true;
  const poll = (async () => {
    while (running) {
      const t0 = performance.now();
      await fetch(`${server.url}/health`).then((r) => r.arrayBuffer());
      waits.push(performance.now() - t0);
      await new Promise((r) => setTimeout(r, 20));
    }
  })();
  const result = await work();
  running = false;
  await poll;
  return { result, worstHealth: Math.max(...waits), healthSamples: waits.length };
}

const quiet = await healthWhile(() => new Promise((r) => setTimeout(r, 500)));
console.log(`health alone: worst ${quiet.worstHealth.toFixed(1)} ms over ${quiet.healthSamples} polls`);
const hostile = [
  [
    "10,000 fields after a costly query",
    `{ shortcomings(first: 100) { nodes { report { meeting { reports { shortcomings { themes { children { id } } } } } } } } ${"__typename ".repeat(10_000)}}`,
  ],
  ["50,000 __typename", `{ ${"__typename ".repeat(50_000)}}`],
  [
    "1,000 aliases",
    `{ ${Array.from({ length: 1000 }, (_, i) => `a${i}: recurringShortcomingThemes { departmentCount }`).join(" ")} }`,
  ],
  [
    "2,000 search fields",
    `{ ${Array.from({ length: 2000 }, (_, i) => `s${i}: search(query: "党建${i}") { score }`).join(" ")} }`,
  ],
  ["10,000 repeated fields", `{ themes { ${"id ".repeat(10_000)}} }`],
];
for (const [name, query] of hostile) {
  const { result, worstHealth } = await healthWhile(() => post(query));
  const codes = [...new Set((result.body.errors ?? []).map((e) => e.extensions?.code))].join(",") || "answered";
  console.log(
    `hostile ${name} (${(query.length / 1024).toFixed(0)} KB): HTTP ${result.status} ${codes} in ${result.ms.toFixed(1)} ms; worst /health meanwhile ${worstHealth.toFixed(1)} ms`,
  );
}
await server.close();
await close();
