// Ingestion throughput: `npm run build && node bench/ingest.bench.mjs [COUNT]`.
// Extracts and writes COUNT (default 1000) synthetic readouts, one transaction each, into an
// emptied local Neo4j (.policygraph/bench), then ingests them all again (all `unchanged`).
import { generateReadout } from "./synthetic.mjs";
import { benchDatabase, dist } from "./lib.mjs";

const { ingestReadoutText } = dist("ingest/ingest.service.js");
const { extractReadout } = dist("extraction/extract.js");
const count = Number(process.argv[2] ?? 1000);
const texts = Array.from({ length: count }, (_, i) => generateReadout(i));

const open = await benchDatabase({ fresh: true });
try {
  for (let i = 0; i < 20; i++) await ingestReadoutText(open.db, generateReadout(50_000 + i)); // warm-up
  const t0 = performance.now();
  let items = 0;
  for (const text of texts) {
    const outcome = await ingestReadoutText(open.db, text);
    if (outcome.status !== "created") throw new Error(`expected created, got ${outcome.status}`);
    items += outcome.rows.achievements.length + outcome.rows.shortcomings.length + outcome.rows.directives.length;
  }
  const ms = performance.now() - t0;
  const t1 = performance.now();
  for (const text of texts) extractReadout(text);
  const extractMs = performance.now() - t1;
  const t2 = performance.now();
  for (const text of texts) {
    if ((await ingestReadoutText(open.db, text)).status !== "unchanged") throw new Error("re-ingest changed the graph");
  }
  const againMs = performance.now() - t2;
  const [{ nodes }] = await open.db.read("MATCH (n) RETURN count(n) AS nodes");
  console.log(
    `ingest: ${count} readouts (${items} items) extracted and written in ${(ms / 1000).toFixed(1)} s: ` +
      `${((count / ms) * 1000).toFixed(0)} readouts/s, ${(ms / count).toFixed(1)} ms each ` +
      `(extraction alone ${(extractMs / count).toFixed(2)} ms); graph now ${nodes} nodes`,
  );
  console.log(`re-ingest of the same ${count}: ${((count / againMs) * 1000).toFixed(0)} readouts/s, all unchanged`);
} finally {
  await open.close();
}
