// Streamed dumps: `npm run build && node bench/dump.bench.mjs`.
// Serves the graph of POLICYGRAPH_HOME (or NEO4J_URI) in this process, streams /dump.ttl and
// /dump.jsonld to a client in a child process (so the client's parsing and buffers are not
// counted here), and reports bytes, seconds, triples/s and this process's resident memory
// sampled during each stream: a flat peak whatever the graph's size is the point. A first,
// unmeasured-for-throughput pass warms Neo4j's page cache and query plans (its time is shown).
// `node --max-old-space-size=96 bench/dump.bench.mjs` shows the dumps fit in a small fixed heap.
// The Turtle client parses the stream with n3 and counts its triples; the JSON-LD client counts
// bytes and checks the document's frame (the JSON-LD dump states the same triples).
import { spawn } from "node:child_process";
import { once } from "node:events";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";

const MiB = 1024 * 1024;

async function client(url, format) {
  const t0 = performance.now();
  const res = await fetch(url);
  if (!res.ok) throw new Error(`${url}: HTTP ${res.status}`);
  let bytes = 0;
  let triples = 0;
  if (format === "ttl") {
    const { StreamParser } = createRequire(import.meta.url)("n3");
    const parser = new StreamParser();
    parser.on("data", () => triples++);
    const done = new Promise((resolve, reject) => {
      parser.on("end", resolve);
      parser.on("error", reject);
    });
    for await (const chunk of res.body) {
      bytes += chunk.length;
      if (!parser.write(chunk)) await once(parser, "drain");
    }
    parser.end();
    await done;
  } else {
    let head = "";
    let tail = "";
    const decoder = new TextDecoder();
    for await (const chunk of res.body) {
      bytes += chunk.length;
      const text = decoder.decode(chunk, { stream: true });
      if (head.length < 16) head += text.slice(0, 16);
      tail = (tail + text).slice(-8);
    }
    if (!head.startsWith('{"@context"') || !tail.trimEnd().endsWith("]}")) throw new Error("not one JSON-LD document");
  }
  return { bytes, seconds: (performance.now() - t0) / 1000, triples };
}

// Child mode: stream one dump and print the figures as JSON.
if (process.argv[2] === "--client") {
  const result = await client(process.argv[3], process.argv[4]);
  process.stdout.write(JSON.stringify(result));
  process.exit(0);
}

function runClient(url, format) {
  const child = spawn(process.execPath, [fileURLToPath(import.meta.url), "--client", url, format], {
    stdio: ["ignore", "pipe", "inherit"],
  });
  let out = "";
  child.stdout.on("data", (d) => (out += d));
  return new Promise((resolve, reject) => {
    child.on("error", reject);
    child.on("close", (code) => (code === 0 ? resolve(JSON.parse(out)) : reject(new Error(`client exited ${code}`))));
  });
}

const { gql, serve } = await import("./lib.mjs");
const service = await serve();
try {
  const counts = await gql(
    service.url,
    `{ meetings(first: 0) { totalCount } achievements(first: 0) { totalCount } shortcomings(first: 0) { totalCount } directives(first: 0) { totalCount } }`,
  );
  console.log(
    `graph: ${counts.meetings.totalCount} meetings, ${counts.achievements.totalCount} achievements, ` +
      `${counts.shortcomings.totalCount} shortcomings, ${counts.directives.totalCount} directives`,
  );
  const cold = await runClient(`${service.url}/dump.jsonld`, "jsonld");
  console.log(`warm-up: /dump.jsonld read once in ${cold.seconds.toFixed(2)} s (cold page cache)`);
  let triples = 0;
  for (const format of ["ttl", "jsonld"]) {
    globalThis.gc?.();
    const before = process.memoryUsage.rss();
    let peak = before;
    const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage.rss())), 25);
    const result = await runClient(`${service.url}/dump.${format}`, format);
    clearInterval(timer);
    peak = Math.max(peak, process.memoryUsage.rss());
    if (format === "ttl") triples = result.triples;
    console.log(
      `/dump.${format}: ${(result.bytes / MiB).toFixed(1)} MiB in ${result.seconds.toFixed(2)} s ` +
        `(${(result.bytes / MiB / result.seconds).toFixed(1)} MiB/s), ${triples} triples` +
        `${format === "ttl" ? "" : " (as counted in Turtle)"}, ${Math.round(triples / result.seconds)} triples/s; ` +
        `service RSS ${(before / MiB).toFixed(0)} MiB before, peak ${(peak / MiB).toFixed(0)} MiB during the stream`,
    );
  }
} finally {
  await service.close();
}
