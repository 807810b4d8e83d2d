// The large synthetic graph of the read benchmarks (patterns, peer): MEETINGS synthetic readouts
// (bench/synthetic.mjs) loaded through the ingestion writer into the local Neo4j of
// POLICYGRAPH_HOME (default .policygraph/bench-<MEETINGS>, on Bolt port 7696 unless NEO4J_BOLT_PORT
// says otherwise). The store is kept, so a second run only tops it up to MEETINGS.
import { dist } from "./lib.mjs";

/**
 * Opens (starting when needed) the Neo4j holding the synthetic graph of `meetings` readouts, loads
 * what is missing and prints the graph's size. Returns { open, config } (bootstrap's OpenDatabase
 * and the service's configuration); the caller closes `open`.
 */
export async function openSyntheticGraph(meetings, log = (line) => console.error(`[bench] ${line}`)) {
  process.env.POLICYGRAPH_HOME ??= `.policygraph/bench-${meetings}`;
  process.env.NEO4J_BOLT_PORT ??= "7696";
  const { loadConfig } = dist("platform/config.js");
  const { openDatabase, prepareDatabase } = dist("pipeline/bootstrap/bootstrap.js");
  const config = loadConfig();
  const open = await openDatabase(config, log);
  try {
    await prepareDatabase(open.db, { seed: false }, log);
    await loadSynthetic(open.db, meetings, log);
    await printSize(open.db);
  } catch (e) {
    await open.close();
    throw e;
  }
  return { open, config };
}

// As `policygraph ingest` loads files: a transaction per readout, derivation in batches.
async function loadSynthetic(db, meetings, log) {
  const { generateReadout } = await import("./synthetic.mjs");
  const { ingestMany } = dist("pipeline/ingest/ingest.bulk.js");
  const [{ have }] = await db.read("MATCH (m:Meeting) RETURN count(m) AS have");
  if (have >= meetings) return;
  log(`loading ${meetings - have} synthetic readouts (${have} already there)…`);
  const t0 = performance.now();
  let items = 0;
  let done = 0;
  const seeds = Array.from({ length: meetings }, (_, i) => i);
  const encoder = new TextEncoder();
  await ingestMany(
    db,
    seeds,
    (i) => encoder.encode(generateReadout(i)),
    {},
    (_, r) => {
      if (r.error) throw r.error;
      if (r.outcome.status === "created") {
        const { rows } = r.outcome;
        items += rows.achievements.length + rows.shortcomings.length + rows.directives.length;
      }
      if (++done % 500 === 0) {
        const s = (performance.now() - t0) / 1000;
        log(`${done}/${meetings} readouts in ${s.toFixed(0)} s (${((done - have) / s).toFixed(1)} readouts/s)`);
      }
    },
  );
  const s = (performance.now() - t0) / 1000;
  console.log(
    `loaded ${meetings - have} readouts (${items} items) in ${s.toFixed(0)} s: ${((meetings - have) / s).toFixed(1)} readouts/s`,
  );
}

async function printSize(db) {
  const [size] = await db.read(`
    CALL { MATCH (m:Meeting) RETURN count(m) AS meetings }
    CALL { MATCH (x) WHERE x:Achievement OR x:Shortcoming OR x:Directive RETURN count(x) AS items }
    CALL { MATCH (d:Department) RETURN count(d) AS departments }
    CALL { MATCH ()-[a:ADDRESSES]->() RETURN count(a) AS inferred }
    RETURN meetings, items, departments, inferred`);
  console.log(
    `graph: ${size.meetings} meetings, ${size.items} items, ${size.departments} departments, ${size.inferred} inferred ADDRESSES links`,
  );
}
