import { mkdtempSync, rmSync, writeFileSync, copyFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { runIngest } from "../src/cli/ingest.command";
import { Database } from "../src/db/neo4j";
import { graphCounts, resetGraph, testDatabase } from "./support/graph";
import { READOUTS, readoutPath } from "./support/readouts";
import { testConnection } from "./support/test-neo4j";
import { captureOutput } from "./support/output";

let db: Database;
let dir: string;
const output = captureOutput();
const savedEnv = { ...process.env };

beforeAll(async () => {
  db = testDatabase();
  await resetGraph(db);
  const conn = testConnection();
  // The CLI connects like the server: here, to the tests' Neo4j through NEO4J_URI.
  Object.assign(process.env, {
    NEO4J_URI: conn.uri,
    NEO4J_USER: conn.user,
    NEO4J_PASSWORD: conn.password,
    NEO4J_DATABASE: conn.database,
  });
  dir = mkdtempSync(join(tmpdir(), "pg-cli-"));
  for (const name of READOUTS) copyFileSync(readoutPath(name), join(dir, `${name}.txt`));
  writeFileSync(join(dir, "weather.txt"), "今天白天晴转多云，北风二三级。");
  writeFileSync(join(dir, "notes.md"), "not a .txt file: skipped");
});

afterAll(async () => {
  process.env = savedEnv;
  rmSync(dir, { recursive: true, force: true });
  await db.close();
});

describe("policygraph ingest", () => {
  it("writes nothing on --dry-run", async () => {
    const before = await graphCounts(db);
    expect(await runIngest([join(dir, "2021-06-30-districts.txt"), "--dry-run", "--json"])).toBe(0);
    expect(JSON.parse(output.out)).toEqual([
      {
        file: join(dir, "2021-06-30-districts.txt"),
        status: "dry-run",
        meeting: expect.stringMatching(/^2021-06-30-districts-/),
        reports: 2,
        unclassified: 0,
        error: null,
      },
    ]);
    expect(await graphCounts(db)).toEqual(before);
  });

  it("ingests a directory, reports each file, exits 1 when one failed and keeps the others", async () => {
    expect(await runIngest([dir, "--json"])).toBe(1);
    const results = JSON.parse(output.out);
    expect(results.map((r: any) => [r.file.replace(dir + "/", ""), r.status, r.reports])).toEqual([
      ["2021-06-30-districts.txt", "created", 2],
      ["2022-01-28-districts.txt", "created", 3],
      ["2022-05-31-municipal-traditional.txt", "created", 2],
      ["weather.txt", "failed", 0],
    ]);
    expect(results[3].error).toMatch(/not a review-meeting readout/);
    expect(results[3].meeting).toBeNull();
    expect(output.err).toMatch(/4 file\(s\): 3 created, 0 unchanged, 0 dry-run, 1 failed; 0 item\(s\) unclassified/);
    expect((await graphCounts(db)).Meeting).toBe(3);
  });

  it("reports the same files again as unchanged and exits 0", async () => {
    const before = await graphCounts(db);
    const files = READOUTS.map((n) => join(dir, `${n}.txt`));
    expect(await runIngest(files)).toBe(0);
    expect(
      output.out
        .trim()
        .split("\n")
        .map((l) => l.split(/\s+/)[0]),
    ).toEqual(["unchanged", "unchanged", "unchanged"]);
    expect(await graphCounts(db)).toEqual(before);
  });

  it("names the reason of each failure on one line", async () => {
    writeFileSync(join(dir, "empty.txt"), "");
    const code = await runIngest([join(dir, "empty.txt"), join(dir, "missing.txt"), "--json"]);
    expect(code).toBe(1);
    expect(JSON.parse(output.out).map((r: any) => r.error)).toEqual(["input is empty", "no such file"]);
  });

  it("exits 2 on bad usage", async () => {
    expect(await runIngest([])).toBe(2);
    expect(await runIngest(["--frobnicate", dir])).toBe(2);
    expect(output.err).toMatch(/unknown option --frobnicate/);
  });

  it("exits 3 with one line when the database cannot be reached", async () => {
    process.env.NEO4J_URI = "bolt://127.0.0.1:1";
    process.env.NEO4J_CONNECT_TIMEOUT = "1";
    try {
      expect(await runIngest([join(dir, "weather.txt")])).toBe(3);
    } finally {
      process.env.NEO4J_URI = testConnection().uri;
    }
    expect(output.err.trim().split("\n").at(-1)).toMatch(/^policygraph ingest: cannot reach the database: /);
  });

  // Regression: a database that answers but refuses the start-up work (here a NEO4J_DATABASE that
  // does not exist) was reported as "cannot reach the database", sending users after the network.
  it("says the database could not be prepared, not reached, when it answers but refuses", async () => {
    process.env.NEO4J_DATABASE = "nosuchdatabase";
    try {
      expect(await runIngest([join(dir, "weather.txt")])).toBe(3);
    } finally {
      process.env.NEO4J_DATABASE = testConnection().database;
    }
    expect(output.err.trim().split("\n").at(-1)).toMatch(
      /^policygraph ingest: cannot prepare the database: .*nosuchdatabase/i,
    );
  });
});
