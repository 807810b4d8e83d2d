import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { extractReadout } from "../src/pipeline/extraction/extract";

const root = join(__dirname, "..");

interface SyntheticCase {
  text: string;
  expected: {
    family: string;
    traditional: boolean;
    host: string;
    subjects: string[];
    shortcomings: string[][];
    achievements: string[][];
  };
}

// bench/synthetic.mjs is an ES module, which this CommonJS test cannot import: a child process
// prints its cases.
function generate(seeds: number[], family: string): SyntheticCase[] {
  const script = `import { generateCase } from "./bench/synthetic.mjs";
    console.log(JSON.stringify(${JSON.stringify(seeds)}.map((s) => generateCase(s, { family: ${JSON.stringify(family)} }))));`;
  const run = spawnSync(process.execPath, ["--input-type=module", "-e", script], { cwd: root, encoding: "utf8" });
  if (run.status !== 0) throw new Error(run.stderr);
  return JSON.parse(run.stdout) as SyntheticCase[];
}

describe("bench/synthetic.mjs", () => {
  it.each(["district", "other-locality", "city"])(
    "writes %s readouts whose host, subjects and items the extractor finds",
    (family) => {
      // Bureaus and towns named with their 党委/党组书记, gaps as plain clauses after 但/同时, lists
      // mixing "、" and "，", achievements joined by "，", other cities' 述职评议会 dated 今天/昨天 …
      const cases = generate(
        Array.from({ length: 40 }, (_, i) => i),
        family,
      );
      // A traditional-script readout's items are published in its script; the generator states them simplified.
      for (const c of cases.filter((k) => !k.expected.traditional)) {
        expect(c.expected.family).toBe(family);
        const x = extractReadout(c.text);
        const got = {
          host: x.meeting.host,
          subjects: x.reports.map((r) => r.subject),
          shortcomings: x.reports.map((r) => r.shortcomings.map((s) => s.text)),
          achievements: x.reports.map((r) => r.achievements.map((a) => a.text)),
        };
        const { host, subjects, shortcomings, achievements } = c.expected;
        expect(got).toEqual({ host, subjects, shortcomings, achievements });
      }
      if (family === "district")
        expect(cases.some((c) => /同时，[^。]*(?:还需加强|不够深入|有欠缺)/.test(c.text))).toBe(true);
    },
  );

  it("gives the same short name (区科委) to bodies of several districts, and is deterministic", () => {
    const seeds = Array.from({ length: 60 }, (_, i) => i);
    const cases = generate(seeds, "district");
    const hostsOf = (name: string) =>
      new Set(cases.filter((c) => c.expected.subjects.includes(name)).map((c) => c.expected.host));
    expect(hostsOf("区科委").size).toBeGreaterThanOrEqual(2);
    expect(generate(seeds.slice(0, 3), "district").map((c) => c.text)).toEqual(cases.slice(0, 3).map((c) => c.text));
  });

  it("mixes the three families over the seeds", () => {
    const script = `import { familyOf } from "./bench/synthetic.mjs";
      console.log(JSON.stringify(Array.from({ length: 200 }, (_, i) => familyOf(i))));`;
    const run = spawnSync(process.execPath, ["--input-type=module", "-e", script], { cwd: root, encoding: "utf8" });
    const families = new Set(JSON.parse(run.stdout) as string[]);
    expect([...families].sort()).toEqual(["city", "district", "other-locality"]);
  });
});
