// The read path side by side: `npm run build && node bench/peer.bench.mjs [MEETINGS] [RUNS]`.
//
// Over ONE running Neo4j and the synthetic graph of bench/synthetic-graph.mjs (MEETINGS, default
// 2,000, kept in .policygraph/bench-<MEETINGS>), the same five read operations against three
// systems, each behind HTTP on this machine:
//   service  this service (dist/), in this process, as patterns.bench.mjs serves it;
//   peer     the same graph served by @neo4j/graphql 7 (bench/peer-graphql.mjs);
//   raw      one hand-written Cypher statement per operation behind node:http (bench/peer-raw.mjs).
// Each operation's answers are first checked equal across the three (after normalising orders
// the systems may legitimately differ in); a difference fails the run. Then a warm-up, RUNS
// (default 30) interleaved sequential rounds (service, peer, raw for each operation in turn), and
// closed-loop throughput at each concurrency of PEER_CONCURRENCY (default 8,32), with every body
// checked for `errors`. Last, one request per operation and system through a byte-counting proxy
// in front of Bolt, for the bytes each system reads from Neo4j. Prints the tables of issue 25.
// PEER_WARMUP (3 rounds), PEER_LOAD_MS (3000: least time per load level) and PEER_LOAD_PER_CLIENT
// (2: least requests per client) tune the run; NEO4J_HEAP / NEO4J_PAGECACHE_MB size Neo4j.
import { createServer as createTcpServer, connect } from "node:net";
import { availableParallelism, loadavg } from "node:os";
import { createRequire } from "node:module";
import { isDeepStrictEqual } from "node:util";
import { Worker } from "node:worker_threads";
import { dist, stats } from "./lib.mjs";
import { servePeer } from "./peer-graphql.mjs";
import { serveRaw } from "./peer-raw.mjs";
import { openSyntheticGraph } from "./synthetic-graph.mjs";

const require = createRequire(import.meta.url);
const neo4j = require("neo4j-driver");

const meetings = Number(process.argv[2] ?? 2000);
const runs = Number(process.argv[3] ?? 30);
const warmup = Number(process.env.PEER_WARMUP ?? 3);
const levels = (process.env.PEER_CONCURRENCY ?? "8,32").split(",").map(Number);
const loadMs = Number(process.env.PEER_LOAD_MS ?? 3000);
const loadPerClient = Number(process.env.PEER_LOAD_PER_CLIENT ?? 2);
const SYSTEMS = ["service", "peer", "raw"];

// ---- the operations --------------------------------------------------------------------------
// The explorer's selections (web/src/ui.ts, web/src/views/items.ts).
const THEME = "id name nameEn";
const DEPARTMENT = "id name nameEn";
const MEETING = "id date title";
const ITEM = `id text themes { ${THEME} } evidence { start end sentence { start end text } }`;
const PEER_ITEM = `id text themesConnection(sort: [{ edge: { rank: ASC } }]) { edges { node { ${THEME} } } }
  start end sentenceStart sentenceEnd sentence`;

const nodesOf = (connection) => connection.edges.map((e) => e.node);
const kind = (stored) => stored.toUpperCase().replaceAll("-", "_");
const peerItem = (x) => ({
  id: x.id,
  text: x.text,
  themes: nodesOf(x.themesConnection),
  evidence: { start: x.start, end: x.end, sentence: { start: x.sentenceStart, end: x.sentenceEnd, text: x.sentence } },
});
// Newest first; reports of the same day in a fixed order (the service breaks ties by meeting id).
const byDateDesc = (date) => (a, b) =>
  date(b).localeCompare(date(a)) || JSON.stringify(a).localeCompare(JSON.stringify(b));
const sorted = (list, compare) => [...list].sort(compare);
const byId = (a, b) => a.id.localeCompare(b.id);

/**
 * Each operation: its GraphQL document for the service and for the peer, the raw endpoint's
 * parameters, `fromPeer` mapping the peer's answer onto the service's shape (the raw endpoint
 * answers in that shape already) and `normal` normalising what the systems may order differently.
 */
function operations({ departmentId }) {
  return [
    {
      key: "nested",
      label: "nested: 20 departments → their reports' meeting date → shortcomings' text and themes",
      service: {
        query: `query Nested($first: Int!) { departments(first: $first) { nodes { id name
          reports { meeting { date } shortcomings { text themes { id name } } } } } }`,
        variables: { first: 20 },
      },
      peer: {
        query: `query Nested($first: Int!) {
          departments(limit: $first, sort: [{ reportCount: DESC }, { name: ASC }, { id: ASC }]) { id name
            reports(sort: [{ date: DESC }]) { meeting { date }
              shortcomings(sort: [{ position: ASC }]) { text
                themesConnection(sort: [{ edge: { rank: ASC } }]) { edges { node { id name } } } } } } }`,
        variables: { first: 20 },
      },
      raw: { first: 20 },
      fromPeer: (d) => ({
        departments: {
          nodes: d.departments.map((dep) => ({
            id: dep.id,
            name: dep.name,
            reports: dep.reports.map((r) => ({
              meeting: r.meeting,
              shortcomings: r.shortcomings.map((s) => ({ text: s.text, themes: nodesOf(s.themesConnection) })),
            })),
          })),
        },
      }),
      normal: (d) =>
        d.departments.nodes.map((dep) => ({
          ...dep,
          reports: sorted(
            dep.reports,
            byDateDesc((r) => r.meeting.date),
          ),
        })),
    },
    {
      key: "page",
      label: "page: shortcomings about party-building (with its child themes), first 20, newest first, totalCount",
      service: {
        query: `query Page($themeId: ID!, $first: Int!) { shortcomings(themeId: $themeId, first: $first) {
          totalCount nodes { id text meeting { id date } themes { id name } } } }`,
        variables: { themeId: "party-building", first: 20 },
      },
      peer: {
        query: `query Page($themeId: ID!, $first: Int!) {
          shortcomingsConnection(first: $first,
            where: { themes: { some: { OR: [{ id: { eq: $themeId } }, { broader: { id: { eq: $themeId } } }] } } },
            sort: [{ date: DESC }, { meetingId: ASC }, { position: ASC }]) {
            totalCount edges { node { id text report { meeting { id date } }
              themesConnection(sort: [{ edge: { rank: ASC } }]) { edges { node { id name } } } } } } }`,
        variables: { themeId: "party-building", first: 20 },
      },
      raw: { themeId: "party-building", first: 20 },
      fromPeer: (d) => ({
        shortcomings: {
          totalCount: d.shortcomingsConnection.totalCount,
          nodes: nodesOf(d.shortcomingsConnection).map((x) => ({
            id: x.id,
            text: x.text,
            meeting: x.report.meeting,
            themes: nodesOf(x.themesConnection),
          })),
        },
      }),
      normal: (d) => d,
    },
    {
      key: "recurring",
      label: "`recurringShortcomingThemes(minDepartments: 2) { theme { id name } departmentCount }`",
      service: {
        query: `query Recurring($min: Int!) { recurringShortcomingThemes(minDepartments: $min) {
          theme { id name } departmentCount } }`,
        variables: { min: 2 },
      },
      peer: {
        query: `query Recurring($min: Int!) { recurringShortcomingThemes(minDepartments: $min) {
          theme { id name } departmentCount } }`,
        variables: { min: 2 },
      },
      raw: { minDepartments: 2 },
      fromPeer: (d) => d,
      // Ties on departmentCount are broken by a count the document does not select.
      normal: (d) =>
        sorted(d.recurringShortcomingThemes, (a, b) => b.departmentCount - a.departmentCount || byId(a.theme, b.theme)),
    },
    {
      key: "department",
      label: "a department by id",
      service: {
        query: `query Department($id: ID!) { department(id: $id) { id name fullName nameEn kind } }`,
        variables: { id: departmentId },
      },
      peer: {
        query: `query Department($id: ID!) { departments(where: { id: { eq: $id } }) { id name fullName nameEn kind } }`,
        variables: { id: departmentId },
      },
      raw: { id: departmentId },
      fromPeer: (d) => ({
        department: d.departments[0] ? { ...d.departments[0], kind: kind(d.departments[0].kind) } : null,
      }),
      normal: (d) => d,
    },
    {
      key: "departmentPage",
      label: "the explorer's department page (web/src/views/department.ts)",
      // web/src/views/department.ts QUERY, its selections expanded.
      service: {
        query: `query Department($id: ID!) {
  department(id: $id) {
    ${DEPARTMENT} fullName aliases kind curated parent { ${DEPARTMENT} } parts { ${DEPARTMENT} } themes { ${THEME} }
    reports { id order meeting { ${MEETING} } achievements { ${ITEM} } shortcomings { ${ITEM} } }
  }
  persistentShortcomings(departmentId: $id, minMeetings: 2) {
    theme { ${THEME} } meetingCount shortcomingCount
  }
  similarDepartments(id: $id, first: 5) { score department { ${DEPARTMENT} } sharedThemes { ${THEME} } }
}`,
        variables: { id: departmentId },
      },
      peer: {
        query: `query Department($id: ID!) {
  departments(where: { id: { eq: $id } }) {
    ${DEPARTMENT} fullName aliases kind curated parent { ${DEPARTMENT} }
    parts(sort: [{ name: ASC }, { id: ASC }]) { ${DEPARTMENT} } themes { ${THEME} }
    reports(sort: [{ date: DESC }]) { id order meeting { ${MEETING} }
      achievements(sort: [{ position: ASC }]) { ${PEER_ITEM} }
      shortcomings(sort: [{ position: ASC }]) { ${PEER_ITEM} } }
  }
  persistentShortcomings(departmentId: $id, minMeetings: 2) { theme { ${THEME} } meetingCount shortcomingCount }
  similarDepartments(id: $id, first: 5) { score department { ${DEPARTMENT} } sharedThemes { ${THEME} } }
}`,
        variables: { id: departmentId },
      },
      raw: { id: departmentId, minMeetings: 2, similar: 5 },
      fromPeer: (d) => {
        const [dep] = d.departments;
        return {
          department: dep && {
            ...dep,
            kind: kind(dep.kind),
            reports: dep.reports.map((r) => ({
              ...r,
              achievements: r.achievements.map(peerItem),
              shortcomings: r.shortcomings.map(peerItem),
            })),
          },
          persistentShortcomings: d.persistentShortcomings,
          similarDepartments: d.similarDepartments,
        };
      },
      normal: (d) => ({
        department: d.department && {
          ...d.department,
          reports: sorted(
            d.department.reports,
            byDateDesc((r) => r.meeting.date),
          ),
        },
        persistentShortcomings: d.persistentShortcomings,
        // The shared themes come in whatever order the sets were built.
        similarDepartments: d.similarDepartments.map((s) => ({
          ...s,
          score: Number(s.score.toPrecision(12)),
          sharedThemes: sorted(s.sharedThemes, byId),
        })),
      }),
    },
  ];
}

// ---- requests --------------------------------------------------------------------------------
/** The HTTP request of one operation on one system: { url, body }. */
function requestOf(op, system, urls) {
  if (system === "raw") return { url: `${urls.raw}/${op.key}`, body: JSON.stringify(op.raw) };
  const { query, variables } = op[system];
  return { url: `${urls[system]}/graphql`, body: JSON.stringify({ query, variables }) };
}

// Times one request to its last byte; the body is parsed afterwards, outside the time.
async function timed({ url, body }) {
  const t0 = performance.now();
  const res = await fetch(url, { method: "POST", headers: { "content-type": "application/json" }, body });
  const bytes = Buffer.from(await res.arrayBuffer());
  const ms = performance.now() - t0;
  return { ms, bytes: bytes.length, status: res.status, text: bytes.toString("utf8") };
}

// Fails loudly: a figure of an answer that is wrong or an error means nothing.
function answerOf(name, { status, text }) {
  let answer;
  try {
    answer = JSON.parse(text);
  } catch {
    throw new Error(`${name}: HTTP ${status}, not JSON: ${text.slice(0, 300)}`);
  }
  if (answer.errors || status !== 200 || !answer.data) {
    throw new Error(`${name}: HTTP ${status}: ${JSON.stringify(answer.errors ?? answer).slice(0, 500)}`);
  }
  return answer.data;
}

// The first path at which two values differ, for the failure message.
function firstDifference(a, b, path = "") {
  if (isDeepStrictEqual(a, b)) return null;
  if (a && b && typeof a === "object" && typeof b === "object") {
    if (Array.isArray(a) && Array.isArray(b) && a.length !== b.length) {
      return `${path || "."}: ${a.length} entries against ${b.length}`;
    }
    for (const k of new Set([...Object.keys(a), ...Object.keys(b)])) {
      const d = firstDifference(a[k], b[k], `${path}${Array.isArray(a) ? `[${k}]` : `.${k}`}`);
      if (d) return d;
    }
  }
  return `${path || "."}: ${JSON.stringify(a)?.slice(0, 200)} against ${JSON.stringify(b)?.slice(0, 200)}`;
}

/** Checks that the three systems answer `op` alike once normalised; throws where they differ. */
function checkEqual(op, answers) {
  const normal = {
    service: op.normal(answers.service),
    peer: op.normal(op.fromPeer(answers.peer)),
    raw: op.normal(answers.raw),
  };
  for (const other of ["peer", "raw"]) {
    const d = firstDifference(normal.service, normal[other]);
    if (d) throw new Error(`${op.key}: the ${other} answer differs from the service's at ${d}`);
  }
}

function load(request, concurrency) {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL("./load-worker.mjs", import.meta.url), {
      workerData: { ...request, concurrency, minPerClient: loadPerClient, minMs: loadMs },
    });
    worker.once("message", resolve);
    worker.once("error", reject);
  });
}

// A TCP proxy in front of Bolt counting the bytes Neo4j sends: what a system reads from it.
async function countingProxy(target) {
  const { hostname, port } = new URL(target.replace(/^bolt:/, "http:"));
  const counter = { fromNeo4j: 0 };
  const server = createTcpServer((client) => {
    const upstream = connect(Number(port), hostname);
    upstream.on("data", (chunk) => (counter.fromNeo4j += chunk.length));
    client.pipe(upstream).pipe(client);
    const end = () => {
      client.destroy();
      upstream.destroy();
    };
    client.on("error", end).on("close", end);
    upstream.on("error", end).on("close", end);
  });
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { uri: `bolt://127.0.0.1:${server.address().port}`, counter, close: () => server.close() };
}

// ---- the systems -----------------------------------------------------------------------------
// The three servers over one Bolt address (the service's Database, a driver each for the others).
async function startSystems(bolt, config, serviceDb) {
  const { Database } = dist("platform/db/neo4j.js");
  const { startServer } = dist("server/app.js");
  const auth = neo4j.auth.basic(bolt.user, bolt.password);
  const ownDb = !serviceDb;
  const db =
    serviceDb ?? Database.connect({ uri: bolt.uri, user: bolt.user, password: bolt.password, database: bolt.database });
  const service = await startServer(db, { ...config, complexityLimit: 1e9 }, 0, "127.0.0.1");
  // The library converts Neo4j integers itself: its driver keeps the default integer type.
  const peerDriver = neo4j.driver(bolt.uri, auth);
  const peer = await servePeer(peerDriver);
  const rawDriver = neo4j.driver(bolt.uri, auth, { disableLosslessIntegers: true });
  const raw = await serveRaw(rawDriver, bolt.database);
  return {
    urls: { service: service.url, peer: peer.url, raw: raw.url },
    close: async () => {
      await Promise.all([service.close(), peer.close(), raw.close()]);
      await Promise.all([peerDriver.close(), rawDriver.close(), ownDb ? db.close() : null]);
    },
  };
}

// ---- the run ---------------------------------------------------------------------------------
const log = (line) => console.error(`[bench] ${line}`);
// Other work on the machine moves every figure: the load it carried is printed with the tables.
const loadAtStart = loadavg()[0];
const { open, config } = await openSyntheticGraph(meetings, log);
const bolt = open.local
  ? { uri: open.local.uri, user: open.local.user, password: open.local.password, database: "neo4j" }
  : { ...config.neo4j };
let systems;
try {
  const [{ id: departmentId }] = await open.db.read(
    "MATCH (d:Department) WITH d, COUNT { (d)-[:GAVE]->(:Report) } AS n ORDER BY n DESC, d.name, d.id LIMIT 1 RETURN d.id AS id",
  );
  const ops = operations({ departmentId });
  systems = await startSystems(bolt, config, open.db);
  const requests = Object.fromEntries(
    ops.map((op) => [op.key, Object.fromEntries(SYSTEMS.map((s) => [s, requestOf(op, s, systems.urls)]))]),
  );

  log(`checking answers (department ${departmentId} for the department operations)…`);
  const bytes = {};
  for (const op of ops) {
    const answers = {};
    bytes[op.key] = {};
    for (const s of SYSTEMS) {
      const r = await timed(requests[op.key][s]);
      answers[s] = answerOf(`${op.key} on ${s}`, r);
      bytes[op.key][s] = r.bytes;
    }
    checkEqual(op, answers);
  }
  log(`answers equal; warm-up (${warmup} rounds)…`);
  for (let i = 0; i < warmup; i++) {
    for (const op of ops) for (const s of SYSTEMS) answerOf(`${op.key} on ${s}`, await timed(requests[op.key][s]));
  }

  log(`${runs} interleaved sequential rounds…`);
  const ms = Object.fromEntries(ops.map((op) => [op.key, { service: [], peer: [], raw: [] }]));
  for (let i = 0; i < runs; i++) {
    for (const op of ops) {
      for (const s of SYSTEMS) {
        const r = await timed(requests[op.key][s]);
        answerOf(`${op.key} on ${s}`, r);
        ms[op.key][s].push(r.ms);
      }
    }
  }

  const throughput = {};
  for (const op of ops) {
    throughput[op.key] = {};
    for (const c of levels) {
      for (const s of SYSTEMS) {
        log(`${op.key}: ${s} at concurrency ${c}…`);
        const r = await load(requests[op.key][s], c);
        (throughput[op.key][s] ??= {})[c] = r;
        if (r.failed) log(`  ${r.failed} of ${r.requests} failed, e.g. ${r.sample}`);
      }
    }
  }

  const fromNeo4j = {};
  if (/^bolt:\/\//.test(bolt.uri)) {
    log("bytes read from Neo4j, through a counting proxy…");
    const proxy = await countingProxy(bolt.uri);
    const counted = await startSystems({ ...bolt, uri: proxy.uri }, config, null);
    try {
      for (const op of ops) {
        fromNeo4j[op.key] = {};
        for (const s of SYSTEMS) {
          const request = requestOf(op, s, counted.urls);
          answerOf(`${op.key} on ${s}`, await timed(request)); // opens the pool's connections first
          const before = proxy.counter.fromNeo4j;
          answerOf(`${op.key} on ${s}`, await timed(request));
          fromNeo4j[op.key][s] = proxy.counter.fromNeo4j - before;
        }
      }
    } finally {
      await counted.close();
      proxy.close();
    }
  }

  printTables({ ops, ms, bytes, throughput, fromNeo4j });
} finally {
  await systems?.close();
  await open.close();
}

// ---- the tables ------------------------------------------------------------------------------
function printTables({ ops, ms, bytes, throughput, fromNeo4j }) {
  const st = (key, s) => stats(ms[key][s]);
  const t = (x) => (x >= 100 ? `${x.toFixed(0)} ms` : x >= 10 ? `${x.toFixed(1)} ms` : `${x.toFixed(2)} ms`);
  const rate = (r) => {
    const perSecond = (r.requests / r.ms) * 1000;
    return perSecond >= 100 ? perSecond.toFixed(0) : perSecond >= 10 ? perSecond.toFixed(1) : perSecond.toFixed(2);
  };
  const rates = (key, s) => {
    const rs = levels.map((c) => throughput[key][s][c]);
    const failed = rs
      .map((r, i) => r.failed && `${r.failed} of ${r.requests} answers failed at c=${levels[i]}`)
      .filter(Boolean);
    return `${rs.map(rate).join(" / ")}${failed.length ? ` (${failed.join("; ")})` : ""}`;
  };
  const kb = (n) => (n >= 1e6 ? `${(n / 1e6).toFixed(2)} MB` : n >= 1e3 ? `${(n / 1e3).toFixed(1)} KB` : `${n} B`);
  const ratio = (a, b) => `${(a / b).toFixed(2)}×`;
  const c = levels.join(" / c=");
  console.log(`\nsequential p50 over ${runs} interleaved rounds; throughput: closed loop, req/s at c=${c}`);
  console.log(
    `machine: ${availableParallelism()} cores, load average (1 min) ${loadAtStart.toFixed(1)} at the start, ${loadavg()[0].toFixed(1)} at the end\n`,
  );
  console.log(
    `| operation | this service p50 | @neo4j/graphql p50 | raw p50 | this service req/s c=${c} | peer req/s c=${c} |`,
  );
  console.log("|---|---:|---:|---:|---:|---:|");
  for (const op of ops) {
    const raw = op.key === "recurring" ? " (from the tallies)" : "";
    console.log(
      `| ${op.label} | ${t(st(op.key, "service").p50)} | ${t(st(op.key, "peer").p50)} | ${t(st(op.key, "raw").p50)}${raw} | ${rates(op.key, "service")} | ${rates(op.key, "peer")} |`,
    );
  }
  console.log(
    `\n| operation | p99 service / peer / raw | service/peer p50 | service/raw p50 | raw req/s c=${c} | answer bytes service / peer / raw | bytes from Neo4j service / peer / raw |`,
  );
  console.log("|---|---:|---:|---:|---:|---:|---:|");
  for (const op of ops) {
    const [s, p, r] = SYSTEMS.map((x) => st(op.key, x));
    const neo = fromNeo4j[op.key] ? SYSTEMS.map((x) => kb(fromNeo4j[op.key][x])).join(" / ") : "n/a";
    console.log(
      `| ${op.key} | ${[s, p, r].map((x) => t(x.p99)).join(" / ")} | ${ratio(s.p50, p.p50)} | ${ratio(s.p50, r.p50)} | ${rates(op.key, "raw")} | ${SYSTEMS.map((x) => kb(bytes[op.key][x])).join(" / ")} | ${neo} |`,
    );
  }
}
