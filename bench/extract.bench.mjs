// Extraction throughput on one core: `npm run build && node bench/extract.bench.mjs [COUNT]`.
// Runs the compiled extractor (dist/) over COUNT (default 1000) synthetic readouts of the three
// families of bench/synthetic.mjs (city, district, other-locality), overall and per family, and
// checks that each extraction found what the generator put in, so the figures mean something:
// found / generated per part and family, and the phrasings (forms) whose parts were missed, each
// with a sample sentence. Exits 1 when any extraction missed something.
import { createRequire } from "node:module";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { dirname, join } from "node:path";
import { Converter } from "opencc-js";
import { FAMILIES, generateCase } from "./synthetic.mjs";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const entry = join(root, "dist", "pipeline", "extraction", "extract.js");
if (!existsSync(entry)) {
  console.error("extract.bench: dist/ not built; run `npm run build` first");
  process.exit(2);
}
const require = createRequire(import.meta.url);
const { extractReadout } = require(entry);
const { toSimplified } = require(join(root, "dist", "platform", "text", "chinese.js"));
const toTraditional = Converter({ from: "cn", to: "hk" });

const count = Number(process.argv[2] ?? 1000);
const cases = Array.from({ length: count }, (_, i) => generateCase(i));
const families = Object.keys(FAMILIES);
const bytesOf = (list) => list.reduce((n, c) => n + Buffer.byteLength(c.text, "utf8"), 0);

// ---- timing ---------------------------------------------------------------------------------------
/** CPU time of this process (the figure for one core even when the machine is busy) and wall time. */
function timed(texts, minCpuMs = 0) {
  const cpu0 = process.cpuUsage();
  const t0 = process.hrtime.bigint();
  let runs = 0;
  let results;
  let cpuMs = 0;
  do {
    results = texts.map((text) => extractReadout(text));
    runs++;
    const cpu = process.cpuUsage(cpu0);
    cpuMs = (cpu.user + cpu.system) / 1000;
  } while (cpuMs < minCpuMs);
  const wallMs = Number(process.hrtime.bigint() - t0) / 1e6;
  return { results, readouts: texts.length * runs, cpuMs, wallMs };
}

const rate = (n, ms) => `${((n / ms) * 1000).toFixed(0)} readouts/s`;

// Warm-up on other readouts (lexicon load, JIT tiers), then the timed run over the mix as it comes:
// the steady throughput of a process that extracts many readouts, as ingestion does.
for (let i = 0; i < 300; i++) extractReadout(generateCase(20_000 + i).text);
const overall = timed(cases.map((c) => c.text));
// Each family on its own, repeated to at least 300 ms of CPU so that a small share still gives a
// steady figure.
const perFamily = Object.fromEntries(
  families.map((f) => {
    const mine = cases.filter((c) => c.expected.family === f);
    return [
      f,
      {
        cases: mine,
        ...(mine.length
          ? timed(
              mine.map((c) => c.text),
              300,
            )
          : {}),
      },
    ];
  }),
);

// ---- sanity: what the extractor found of what was generated ---------------------------------------
// Texts compare in simplified script; a traditional readout's are first taken through the
// generator's conversion, so that variant forms (衞, 衛) compare equal.
let traditionalCase = false;
const key = (text) => toSimplified(traditionalCase ? toTraditional(text) : text);
const tally = () => ({ found: 0, generated: 0, extra: 0 });
const sanity = Object.fromEntries(
  families.map((f) => [
    f,
    {
      ok: 0,
      cases: 0,
      subjects: tally(),
      achievements: tally(),
      shortcomings: tally(),
      directives: tally(),
      meeting: { date: 0, host: 0, chair: 0, kind: 0, attendees: 0 },
    },
  ]),
);
/** Per part and form: how many items were written so, how many were missed, one example. */
const forms = new Map();

function noteForm(part, form, missed, sample, got) {
  const id = `${part}\u0000${form}`;
  const entry = forms.get(id) ?? { part, form, total: 0, missed: 0, sample: null };
  entry.total++;
  if (missed) {
    entry.missed++;
    entry.sample ??= { sample, got };
  }
  forms.set(id, entry);
}

// Matches generated items against found ones by text (simplified script); returns how many of
// the generated were found and how many found were not generated.
function match(generated, found) {
  const left = found.map((i) => key(i.text));
  const hits = generated.map((text) => {
    const at = left.indexOf(key(text));
    if (at >= 0) left.splice(at, 1);
    return at >= 0;
  });
  return { hits, extra: left.length };
}

function check(c, x) {
  const e = c.expected;
  const s = sanity[e.family];
  const problems = [];
  s.cases++;
  traditionalCase = e.traditional;
  const speakerForm = e.forms.speakers;
  e.subjects.forEach((subject, i) => {
    const named = x.reports.find((r) => key(r.subject) === key(subject));
    s.subjects.generated++;
    if (named) s.subjects.found++;
    else problems.push(`subject ${subject}`);
    const got = x.reports.map((r) => r.subject).join("、");
    noteForm("subjects", speakerForm.form, !named, speakerForm.sentence, `subjects ${got}`);
    // A subject named otherwise (cut, or not extended) still has its items: the report in its place.
    const report = named ?? (x.reports.length === e.subjects.length ? x.reports[i] : null);
    const assessment = e.forms.assessments[i];
    for (const part of ["achievements", "shortcomings"]) {
      const generated = e[part][i];
      const found = report?.[part] ?? [];
      const m = match(generated, found);
      s[part].generated += generated.length;
      s[part].found += m.hits.filter(Boolean).length;
      s[part].extra += m.extra;
      if (m.hits.some((h) => !h) || m.extra) problems.push(`${part} of ${subject}`);
      if (!assessment) continue;
      const gotText = `${part} ${JSON.stringify(found.map((f) => f.text))}`;
      if (part === "achievements") {
        noteForm(part, assessment.achievements, m.hits.some((h) => !h) || m.extra > 0, assessment.text, gotText);
      } else {
        m.hits.forEach((hit, k) => noteForm(part, assessment.shortcomings[k], !hit, assessment.text, gotText));
      }
    }
  });
  s.directives.generated += e.directives;
  s.directives.found += Math.min(e.directives, x.directives.length);
  s.directives.extra += Math.max(0, x.directives.length - e.directives);
  if (x.directives.length !== e.directives) problems.push(`${x.directives.length} of ${e.directives} directives`);
  const meeting = {
    date: x.meeting.date === e.date,
    host: x.meeting.host === e.host,
    chair: key(x.meeting.chair ?? "") === key(e.chair),
    kind: x.meeting.kind === e.kind,
    attendees: JSON.stringify(x.meeting.attendees.map(key)) === JSON.stringify(e.attendees.map(key)),
  };
  for (const [field, right] of Object.entries(meeting)) {
    if (right) s.meeting[field]++;
    else problems.push(`${field} ${JSON.stringify(x.meeting[field])} (expected ${JSON.stringify(e[field])})`);
  }
  if (!problems.length) s.ok++;
  return problems;
}

let failed = 0;
cases.forEach((c, i) => {
  const problems = check(c, overall.results[i]);
  if (problems.length) {
    failed++;
    if (failed <= 5) console.error(`${c.name} (${c.expected.family}): ${problems.join("; ")}`);
  }
});

// ---- report ---------------------------------------------------------------------------------------
const items = overall.results.reduce(
  (n, x) => n + x.directives.length + x.reports.reduce((m, r) => m + r.achievements.length + r.shortcomings.length, 0),
  0,
);
const traditional = cases.filter((c) => c.expected.traditional).length;
console.log(
  `extract: ${count} readouts (avg ${(bytesOf(cases) / count / 1024).toFixed(1)} KB, ${traditional} in traditional script), ` +
    `${items} items; CPU ${overall.cpuMs.toFixed(0)} ms: ${rate(count, overall.cpuMs)} on one core ` +
    `(${(overall.cpuMs / count).toFixed(3)} ms per readout); wall ${overall.wallMs.toFixed(0)} ms: ${rate(count, overall.wallMs)}`,
);
for (const f of families) {
  const p = perFamily[f];
  if (!p.cases.length) continue;
  console.log(
    `  ${f.padEnd(15)} ${String(p.cases.length).padStart(5)} readouts (avg ${(bytesOf(p.cases) / p.cases.length / 1024).toFixed(1)} KB): ` +
      `CPU ${rate(p.readouts, p.cpuMs)} (${(p.cpuMs / p.readouts).toFixed(3)} ms each), wall ${rate(p.readouts, p.wallMs)}`,
  );
}
const ratio = (t) => `${t.found}/${t.generated}${t.extra ? ` +${t.extra} extra` : ""}`;
console.log("found / generated (+ found but not generated):");
for (const f of families) {
  const s = sanity[f];
  if (!s.cases) continue;
  const m = Object.entries(s.meeting)
    .map(([field, n]) => `${field} ${n}/${s.cases}`)
    .join(", ");
  console.log(
    `  ${f.padEnd(15)} readouts read in full ${s.ok}/${s.cases}; subjects ${ratio(s.subjects)}, ` +
      `shortcomings ${ratio(s.shortcomings)}, achievements ${ratio(s.achievements)}, directives ${ratio(s.directives)}; ${m}`,
  );
}
const missed = [...forms.values()].filter((f) => f.missed).sort((a, b) => b.missed / b.total - a.missed / a.total);
if (missed.length) {
  console.log("forms with misses (missed / written), each with one sample:");
  for (const f of missed) {
    console.log(`  ${f.part}: ${f.form}: ${f.missed}/${f.total}`);
    console.log(`      ${f.sample.sample}`);
    console.log(`      → ${f.sample.got}`);
  }
}
console.log(`${count - failed}/${count} extractions found what was generated`);
process.exit(failed ? 1 : 0);
