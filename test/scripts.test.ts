import { spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
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

  it("bench/run.mjs refuses an unknown benchmark with exit 2 and names the known ones", () => {
    const run = spawnSync(process.execPath, [join(root, "bench/run.mjs"), "no-such-bench"], { encoding: "utf8" });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain("unknown benchmark no-such-bench");
    expect(run.stderr).toContain("extract, ingest, recurring, patterns, peer, dump, load");
  });
});
