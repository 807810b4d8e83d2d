import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { extractReadout } from "../src/extraction/extract";

const root = join(__dirname, "..");

interface SyntheticCase {
  text: string;
  expected: {
    family: string;
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
  it("writes a district readout whose district subjects, host and new-form items the extractor finds", () => {
    // Seed 0 of the district family: bureaus and towns named with their 党委/党组书记, gaps as plain
    // clauses after 同时 and 但也要看到, a list mixing "、" and "，", achievements joined by "，".
    const [c] = generate([0], "district");
    expect(c.expected.family).toBe("district");
    expect(c.text).toMatch(/同时，[^。]*(?:还需加强|不够深入)/);
    expect(c.expected.subjects.some((s) => s.startsWith("区"))).toBe(true);
    expect(c.expected.subjects.some((s) => /(?:镇|乡|街道)$/.test(s))).toBe(true);

    const x = extractReadout(c.text);
    expect(x.meeting.host).toBe(c.expected.host);
    expect(x.reports.map((r) => r.subject)).toEqual(c.expected.subjects);
    expect(x.reports.map((r) => r.shortcomings.map((s) => s.text))).toEqual(c.expected.shortcomings);
    expect(x.reports.map((r) => r.achievements.map((a) => a.text))).toEqual(c.expected.achievements);
  });

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
