// `npm run bench [-- NAME…]`: builds, then runs the named benchmarks one after another (never two
// at once: they share the machine's two cores), each in its own process, printing its figures.
// Without names it runs the quick ones (extract, ingest, recurring); `patterns` loads a 5,000-meeting
// graph on its first run (minutes), `peer` a 2,000-meeting one to compare this service with
// @neo4j/graphql and raw Cypher, and `dump` streams the graph of POLICYGRAPH_HOME.
import { spawnSync } from "node:child_process";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const BENCHMARKS = {
  extract: "extract.bench.mjs",
  ingest: "ingest.bench.mjs",
  recurring: "recurring.bench.mjs",
  patterns: "patterns.bench.mjs",
  peer: "peer.bench.mjs",
  dump: "dump.bench.mjs",
  load: "load.bench.mjs",
};
const names = process.argv.slice(2);
const unknown = names.filter((n) => !(n in BENCHMARKS));
if (unknown.length) {
  console.error(`unknown benchmark ${unknown.join(", ")}: choose from ${Object.keys(BENCHMARKS).join(", ")}`);
  process.exit(2);
}
const here = dirname(fileURLToPath(import.meta.url));
for (const name of names.length ? names : ["extract", "ingest", "recurring"]) {
  console.log(`\n== ${name}`);
  const run = spawnSync(process.execPath, [join(here, BENCHMARKS[name])], { stdio: "inherit" });
  if (run.status !== 0) {
    console.error(`benchmark ${name} failed (exit ${run.status ?? run.signal})`);
    process.exit(1);
  }
}
