// Pattern queries on a large synthetic graph: `npm run build && node bench/patterns.bench.mjs [MEETINGS] [RUNS]`.
//
// Loads MEETINGS (default 5,000) synthetic readouts (bench/synthetic.mjs) through the ingestion
// writer into the local Neo4j of POLICYGRAPH_HOME (bench/synthetic-graph.mjs: default
// .policygraph/bench-5000; kept, so a second run skips loading), then times each pattern query RUNS times (default 30) over HTTP
// after a warm-up and prints p50/p99 per query. Set NEO4J_HEAP / NEO4J_PAGECACHE_MB to size Neo4j.
import { openSyntheticGraph } from "./synthetic-graph.mjs";
import { dist, gql, report, time } from "./lib.mjs";

const meetings = Number(process.argv[2] ?? 5000);
const runs = Number(process.argv[3] ?? 30);

const { startServer } = dist("server/app.js");

const { open, config } = await openSyntheticGraph(meetings);
try {
  const server = await startServer(open.db, { ...config, complexityLimit: 1e9 }, 0, "127.0.0.1");
  try {
    const [dept] = await open.db.read(
      "MATCH (d:Department)-[:GAVE]->(r) WITH d, count(r) AS n ORDER BY n DESC LIMIT 1 RETURN d.id AS id",
    );
    const [other] = await open.db.read(
      "MATCH (d:Department)-[:GAVE]->(r) WITH d, count(r) AS n ORDER BY n ASC LIMIT 1 RETURN d.id AS id",
    );
    const [gap] = await open.db.read("MATCH (s:Shortcoming)<-[:ADDRESSES]-() RETURN s.id AS id LIMIT 1");
    const queries = {
      recurringShortcomingThemes: `{ recurringShortcomingThemes(minDepartments: 5) { theme { id } departmentCount meetingCount shortcomingCount } }`,
      "recurringShortcomingThemes (1 year)": `{ recurringShortcomingThemes(from: "2015-01-01", to: "2015-12-31") { theme { id } departmentCount } }`,
      persistentShortcomings: `{ persistentShortcomings(minMeetings: 3, themeId: "party-building") { department { id } meetingCount } }`,
      "persistentShortcomings (department)": `{ persistentShortcomings(departmentId: "${dept.id}") { theme { id } meetingCount } }`,
      themeMatrix: `{ themeMatrix { rows { department { id } achievements shortcomings directives cells { shortcomings } } } }`,
      "themeMatrix (1 year)": `{ themeMatrix(from: "2015-01-01", to: "2015-12-31") { rows { department { id } shortcomings } } }`,
      similarDepartments: `{ similarDepartments(id: "${dept.id}") { department { id } score } }`,
      directiveCoverage: `{ directiveCoverage { theme { id } shortcomingCount directiveCount uncoveredShortcomings } }`,
      "directiveCoverage (1 year)": `{ directiveCoverage(from: "2015-01-01", to: "2015-12-31") { theme { id } uncoveredShortcomings } }`,
      "timeline (theme)": `{ timeline(themeId: "party-building") { date shortcomings } }`,
      "timeline (department)": `{ timeline(departmentId: "${dept.id}") { date shortcomings } }`,
      "shortcomings (theme, page)": `{ shortcomings(themeId: "party-building", first: 20) { totalCount nodes { text department { name } } } }`,
      addressedBy: `{ node(id: "${gap.id}") { ... on Shortcoming { addressedBy { rules directive { text } } } } }`,
      neighborhood: `{ neighborhood(id: "${dept.id}", depth: 2, first: 100) { nodes { id } edges { type } } }`,
      paths: `{ paths(from: "${dept.id}", to: "${other.id}", maxHops: 4) { length } }`,
      search: `{ search(query: "全面从严治党", first: 20) { score node { id } } }`,
    };
    const figures = {};
    for (const [name, query] of Object.entries(queries)) {
      for (let i = 0; i < 3; i++) await gql(server.url, query); // warm-up: plans, caches
      const ms = [];
      for (let i = 0; i < runs; i++) ms.push((await time(() => gql(server.url, query))).ms);
      figures[name] = report(name.padEnd(38), ms);
    }
    const over = Object.entries(figures).filter(([, st]) => st.p50 > 300);
    console.log(over.length ? `p50 over 300 ms: ${over.map(([n]) => n).join(", ")}` : "every p50 ≤ 300 ms");
  } finally {
    await server.close();
  }
} finally {
  await open.close();
}
