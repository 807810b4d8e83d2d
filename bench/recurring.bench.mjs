// p50 latency of recurringShortcomingThemes over 200 sequential HTTP requests against the graph
// of POLICYGRAPH_HOME (or NEO4J_URI). Usage: npm run build && node bench/recurring.bench.mjs [N]
import { gql, report, serve, time } from "./lib.mjs";

const n = Number(process.argv[2] ?? 200);
const query = `{ recurringShortcomingThemes(minDepartments: 2) { theme { id } departmentCount departments { name } shortcomings { text } } }`;
const service = await serve();
try {
  const counts = await gql(service.url, `{ meetings(first: 0) { totalCount } shortcomings(first: 0) { totalCount } }`);
  console.log(`graph: ${counts.meetings.totalCount} meetings, ${counts.shortcomings.totalCount} shortcomings`);
  for (let i = 0; i < 10; i++) await gql(service.url, query); // warm-up: query plans, JIT
  const ms = [];
  for (let i = 0; i < n; i++) ms.push((await time(() => gql(service.url, query))).ms);
  report("recurringShortcomingThemes over HTTP", ms);
} finally {
  await service.close();
}
