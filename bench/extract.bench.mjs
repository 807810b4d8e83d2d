// Extraction throughput on one core: `npm run build && node bench/extract.bench.mjs [COUNT]`.
// Runs the compiled extractor (dist/) over COUNT (default 1000) synthetic readouts and checks
// that each extraction found what the generator put in, so the figure means something.
import { createRequire } from "node:module";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { dirname, join } from "node:path";
import { generateCase } from "./synthetic.mjs";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const entry = join(root, "dist", "extraction", "extract.js");
if (!existsSync(entry)) {
  console.error("extract.bench: dist/ not built; run `npm run build` first");
  process.exit(2);
}
const { extractReadout } = createRequire(import.meta.url)(entry);

const count = Number(process.argv[2] ?? 1000);
const cases = Array.from({ length: count }, (_, i) => generateCase(i));
const bytes = cases.reduce((n, c) => n + Buffer.byteLength(c.text, "utf8"), 0);

function check(c, x) {
  const problems = [];
  if (x.reports.length !== c.expected.subjects.length) problems.push(`${x.reports.length} reports`);
  x.reports.forEach((r, i) => {
    if (r.achievements.length === 0) problems.push(`no achievements for ${r.subject}`);
    if (r.shortcomings.length !== c.expected.shortcomings[i].length) problems.push(`shortcomings of ${r.subject}`);
  });
  if (x.meeting.date !== c.expected.date) problems.push(`date ${x.meeting.date}`);
  if (x.meeting.kind !== c.expected.kind) problems.push(`kind ${x.meeting.kind}`);
  if (x.directives.length !== c.expected.directives)
    problems.push(`${x.directives.length} of ${c.expected.directives} directives`);
  return problems;
}

// Warm-up on other readouts (lexicon load, JIT tiers), then the timed run: the figure is the
// steady throughput of a process that extracts many readouts, as ingestion does.
for (let i = 0; i < 300; i++) extractReadout(generateCase(20_000 + i).text);
const results = new Array(count);
const cpuStart = process.cpuUsage();
const start = process.hrtime.bigint();
for (let i = 0; i < count; i++) results[i] = extractReadout(cases[i].text);
const ms = Number(process.hrtime.bigint() - start) / 1e6;
const cpu = process.cpuUsage(cpuStart);
// CPU time of this process: the figure for one core even when the machine is busy with other work.
const cpuMs = (cpu.user + cpu.system) / 1000;

let failed = 0;
cases.forEach((c, i) => {
  const problems = check(c, results[i]);
  if (problems.length) {
    failed++;
    if (failed <= 5) console.error(`${c.name}: ${problems.join("; ")}`);
  }
});
const items = results.reduce(
  (n, x) => n + x.directives.length + x.reports.reduce((m, r) => m + r.achievements.length + r.shortcomings.length, 0),
  0,
);
const traditional = cases.filter((c) => c.expected.traditional).length;
console.log(
  `extract: ${count} readouts (avg ${(bytes / count / 1024).toFixed(1)} KB, ${traditional} in traditional script), ` +
    `${items} items in ${ms.toFixed(0)} ms wall: ${((count / ms) * 1000).toFixed(0)} readouts/s, ${(ms / count).toFixed(3)} ms per readout; ` +
    `CPU ${cpuMs.toFixed(0)} ms: ${((count / cpuMs) * 1000).toFixed(0)} readouts/s; ` +
    `${count - failed}/${count} extractions found what was generated`,
);
process.exit(failed ? 1 : 0);
