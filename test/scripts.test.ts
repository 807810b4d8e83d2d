import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

const root = join(__dirname, "..");
const scripts = (JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as { scripts: Record<string, string> })
  .scripts;

describe("package.json scripts", () => {
  // Regression: `npm run bench` once pointed at a bench/run.mjs that did not exist.
  it("point `node` at files that exist (build output aside)", () => {
    const targets = Object.values(scripts)
      .flatMap((line) => [...line.matchAll(/\bnode (?:--\S+ )*(\S+\.m?js)\b/g)].map((m) => m[1]))
      .filter((path) => !path.startsWith("dist/"));
    expect(targets).toContain("bench/run.mjs");
    for (const path of targets) expect(existsSync(join(root, path))).toBe(true);
  });

  // Regression: moving src/ into layers left the benchmarks loading dist/ paths of the old layout
  // (a stale dist/ still had them, so they ran old code).
  it("point at compiled modules whose sources exist, in package.json and bench/", () => {
    const lines = [
      ...Object.values(scripts),
      ...readdirSync(join(root, "bench"))
        .filter((f) => f.endsWith(".mjs"))
        .map((f) => readFileSync(join(root, "bench", f), "utf8")),
    ];
    const compiled = lines.flatMap((text) => [
      ...[...text.matchAll(/\bdist\/([\w/.-]+)\.js\b/g)].map((m) => m[1]),
      ...[...text.matchAll(/\bdist\("([\w/.-]+)\.js"\)/g)].map((m) => m[1]),
      ...[...text.matchAll(/join\(root, "dist", ((?:"[\w.-]+", )*"[\w.-]+")\)/g)].map((m) =>
        m[1].replace(/"/g, "").split(", ").join("/").replace(/\.js$/, ""),
      ),
    ]);
    expect(compiled.length).toBeGreaterThan(10);
    const missing = compiled.filter((path) => !existsSync(join(root, "src", `${path}.ts`)));
    expect(missing).toEqual([]);
  });

  it("bench/run.mjs refuses an unknown benchmark with exit 2 and names the known ones", () => {
    const run = spawnSync(process.execPath, [join(root, "bench/run.mjs"), "no-such-bench"], { encoding: "utf8" });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain("unknown benchmark no-such-bench");
    expect(run.stderr).toContain("extract, ingest, recurring, patterns, peer, dump, load");
  });
});
