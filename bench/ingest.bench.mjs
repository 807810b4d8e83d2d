// Ingestion throughput: `npm run build && node bench/ingest.bench.mjs [COUNT] [SINGLE]`.
// Generates COUNT (default 1000) synthetic readouts, then, into an emptied local Neo4j
// (.policygraph/bench):
// 1. bulk: ingests them as `policygraph ingest` does (ingestMany: GROUP, default 16, new documents
//    per transaction, derivation of inferred links and tallies in batches beside the writes), timed
//    until the last batch is derived and searchable;
// 2. again: the same COUNT once more (every one `unchanged`);
// 3. single: SINGLE (default 200) further readouts one at a time as the API's mutation writes them
//    (document and derivation in one transaction each).
// Extraction is part of every figure; the texts are generated before the clocks start, and WARMUP
// (default 300) other readouts are ingested first. Neo4j's JIT compiler keeps working for the
// first several thousand readouts a fresh JVM sees (the CPU line shows its share): WARMUP=8000
// gives the figure of a long-running Neo4j.
// CONCURRENCY (default 1) workers write at once during the bulk phase.
// Before the bulk phase it times FLOOR (default 200) empty write transactions (RETURN 1): the cost
// of a transaction on this machine, whatever it writes, to compare figures across machines.
import { readdirSync, readFileSync } from "node:fs";
import { generateReadout } from "./synthetic.mjs";
import { benchDatabase, dist, time } from "./lib.mjs";

const { ingestMany } = dist("pipeline/ingest/ingest.bulk.js");
const { ingestReadoutText } = dist("pipeline/ingest/ingest.service.js");
const count = Number(process.argv[2] ?? 1000);
const single = Number(process.argv[3] ?? 200);
const encoder = new TextEncoder();
const bytes = Array.from({ length: count }, (_, i) => encoder.encode(generateReadout(i)));
const singles = Array.from({ length: single }, (_, i) => generateReadout(20_000 + i));
const warmUp = Array.from({ length: Number(process.env.WARMUP ?? 300) }, (_, i) =>
  encoder.encode(generateReadout(50_000 + i)),
);

// CPU of this process and of the local Neo4j (Linux /proc), to show where the time goes.
const neo4jPid = () => {
  try {
    const pid = readFileSync(".policygraph/bench/neo4j.state.json", "utf8").match(/"pid":\s*(\d+)/)?.[1];
    return pid && readFileSync(`/proc/${pid}/stat`, "utf8") ? pid : null;
  } catch {
    return null;
  }
};
const ticks = (stat) => {
  const fields = stat.slice(stat.lastIndexOf(") ") + 2).split(" ");
  return (Number(fields[11]) + Number(fields[12])) * 10; // clock ticks of 10 ms
};
const cpuOf = (pid) => (pid ? ticks(readFileSync(`/proc/${pid}/stat`, "utf8")) : NaN);
// The CPU of Neo4j's JIT compiler threads (HotSpot names them "C1/C2 CompilerThread<n>").
const jitCpuOf = (pid) => {
  if (!pid) return NaN;
  let sum = 0;
  for (const task of readdirSync(`/proc/${pid}/task`)) {
    try {
      const stat = readFileSync(`/proc/${pid}/task/${task}/stat`, "utf8");
      if (/^\d+ \(C\d CompilerThre/.test(stat)) sum += ticks(stat);
    } catch {
      // the thread ended meanwhile
    }
  }
  return sum;
};

// Milliseconds for all of `inputs`, and of those the tail: what was still to derive (and index for
// search) after the last document committed.
async function bulk(inputs, expected) {
  const statuses = new Map();
  let failure;
  let lastResult = 0;
  const t0 = performance.now();
  await ingestMany(
    open.db,
    inputs,
    (b) => b,
    { concurrency: Number(process.env.CONCURRENCY ?? 1), groupEvery: process.env.GROUP && Number(process.env.GROUP) },
    (_, r) => {
      const status = r.outcome?.status ?? "failed";
      statuses.set(status, (statuses.get(status) ?? 0) + 1);
      failure ??= r.error;
      lastResult = performance.now();
    },
  );
  const ms = performance.now() - t0;
  if (statuses.get(expected) !== inputs.length)
    throw new Error(`expected all ${expected}: ${[...statuses]} ${failure ?? ""}`);
  return { ms, tail: performance.now() - lastResult };
}

const open = await benchDatabase({ fresh: true });
try {
  const pid = neo4jPid();
  const warmJit0 = jitCpuOf(pid);
  const warmMs = warmUp.length ? (await bulk(warmUp, "created")).ms : 0;
  const warmJit = jitCpuOf(pid) - warmJit0;
  const floor = Number(process.env.FLOOR ?? 200);
  const floorDb0 = cpuOf(pid);
  const { ms: floorMs } = await time(async () => {
    for (let i = 0; i < floor; i++) await open.db.write("RETURN 1");
  });
  const floorDbCpu = cpuOf(pid) - floorDb0;
  const cpu0 = process.cpuUsage();
  const db0 = cpuOf(pid);
  const jit0 = jitCpuOf(pid);
  const { ms, tail } = await bulk(bytes, "created");
  const nodeCpu = process.cpuUsage(cpu0);
  const dbCpu = cpuOf(pid) - db0;
  const jitCpu = jitCpuOf(pid) - jit0;
  const { ms: againMs } = await bulk(bytes, "unchanged");
  const t0 = performance.now();
  for (const text of singles) {
    if ((await ingestReadoutText(open.db, text)).status !== "created") throw new Error("expected created");
  }
  const singleMs = performance.now() - t0;
  const [{ items, links }] = await open.db.read(
    `MATCH (x) WHERE x:Achievement OR x:Shortcoming OR x:Directive WITH count(x) AS items
     MATCH ()-[a:ADDRESSES]->() RETURN items, count(a) AS links`,
  );
  const per = (n, total) => `${((n / total) * 1000).toFixed(1)} readouts/s (${(total / n).toFixed(1)} ms each)`;
  if (floor) {
    console.log(
      `an empty write transaction (RETURN 1, ${floor} times): ${(floorMs / floor).toFixed(1)} ms each` +
        (pid ? `, Neo4j CPU ${(floorDbCpu / floor).toFixed(1)} ms` : ""),
    );
  }
  if (warmUp.length) {
    console.log(
      `warm-up, ${warmUp.length} other readouts first: ${per(warmUp.length, warmMs)}` +
        (pid ? `; its JIT compiler took ${(warmJit / 1000).toFixed(1)} s of CPU` : ""),
    );
  }
  console.log(
    `bulk ingest of ${count} readouts: ${per(count, ms)}; the last ${(tail / 1000).toFixed(1)} s after the last commit`,
  );
  if (pid) {
    const node = (nodeCpu.user + nodeCpu.system) / 1000;
    console.log(
      `  CPU per readout: Neo4j ${(dbCpu / count).toFixed(1)} ms (its JIT compiler ${(jitCpu / count).toFixed(1)} ms), ` +
        `this process ${(node / count).toFixed(1)} ms`,
    );
  }
  console.log(`the same ${count} again: ${per(count, againMs)}, all unchanged`);
  if (single) {
    console.log(
      `one at a time (document and derivation in one transaction, as the API writes): ${per(single, singleMs)}`,
    );
  }
  console.log(`graph now: ${items} items, ${links} inferred links`);
} finally {
  await open.close();
}
