// Closed-loop load from a worker thread (bench/peer.bench.mjs): `concurrency` clients POST the same
// body, each as soon as its previous answer is read, until every client has sent `minPerClient`
// requests and `minMs` have passed. Every body is read and checked (HTTP status, JSON, `errors`),
// off the main thread, where the servers run. Posts back { requests, failed, ms, sample }.
import { parentPort, workerData } from "node:worker_threads";

const { url, body, concurrency, minPerClient, minMs } = workerData;

let requests = 0;
let failed = 0;
let sample = null;
const t0 = performance.now();

async function client() {
  for (let sent = 0; sent < minPerClient || performance.now() - t0 < minMs; sent++) {
    let problem = null;
    try {
      const res = await fetch(url, { method: "POST", headers: { "content-type": "application/json" }, body });
      const text = await res.text();
      let answer = null;
      try {
        answer = JSON.parse(text);
      } catch {
        problem = `HTTP ${res.status}, not JSON: ${text.slice(0, 200)}`;
      }
      if (answer && (answer.errors || res.status !== 200 || !answer.data)) {
        problem = `HTTP ${res.status}: ${JSON.stringify(answer.errors ?? answer).slice(0, 300)}`;
      }
    } catch (e) {
      problem = String(e.cause?.code ?? e.message ?? e);
    }
    requests++;
    if (problem) {
      failed++;
      sample ??= problem;
    }
  }
}

await Promise.all(Array.from({ length: concurrency }, client));
parentPort.postMessage({ requests, failed, ms: performance.now() - t0, sample });
