import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { runIngest } from "../src/cli/ingest.command";
import { Database } from "../src/platform/db/neo4j";
import { projectRoot } from "../src/platform/paths";
import { resetGraph, testDatabase } from "./support/graph";
import { TcpProxy } from "./support/tcp-proxy";
import { testConnection } from "./support/test-neo4j";

// Regression: after Neo4j went away mid-run, `policygraph ingest` tried every remaining file on its
// own (~2 s each); it must stop after a few in a row, exit 3 and say what was written and not tried.
let db: Database;
let proxy: TcpProxy;
let dir: string;
const FILES = 40;
const savedEnv = { ...process.env };

beforeAll(async () => {
  db = testDatabase();
  await resetGraph(db);
  const conn = testConnection();
  const target = new URL(conn.uri.replace(/^\w+(\+\w+)?:/, "http:"));
  proxy = new TcpProxy(target.hostname, Number(target.port || 7687));
  await proxy.open();
  Object.assign(process.env, {
    NEO4J_URI: `bolt://127.0.0.1:${proxy.port}`,
    NEO4J_USER: conn.user,
    NEO4J_PASSWORD: conn.password,
    NEO4J_DATABASE: conn.database,
  });
  // Forty distinct readouts: one district readout on forty different days.
  const template = readFileSync(
    join(projectRoot, "test", "fixtures", "district-readouts", "2024-03-29-tongzhou.txt"),
    "utf8",
  );
  dir = mkdtempSync(join(tmpdir(), "pg-stop-"));
  for (let i = 0; i < FILES; i++) {
    const day = String(1 + (i % 28)).padStart(2, "0");
    const month = i < 28 ? 3 : 4;
    const text = template
      .replace("published: 2024-03-30", `published: 2024-0${month}-${day}`)
      .replace("3月29日", `${month}月${Number(day)}日`);
    writeFileSync(join(dir, `r${String(i).padStart(2, "0")}.txt`), text);
  }
});

afterAll(async () => {
  process.env = savedEnv;
  rmSync(dir, { recursive: true, force: true });
  await proxy.cut();
  await db.close();
});

it("stops after a few files in a row cannot reach the database, exits 3 and says what was not tried", async () => {
  let out = "";
  let err = "";
  let created = 0;
  jest.spyOn(process.stdout, "write").mockImplementation((chunk: string | Uint8Array) => {
    out += String(chunk);
    // The database goes away once the first files are in.
    if (String(chunk).startsWith("created") && ++created === 3) void proxy.cut();
    return true;
  });
  jest
    .spyOn(process.stderr, "write")
    .mockImplementation((chunk: string | Uint8Array) => ((err += String(chunk)), true));
  const started = Date.now();
  const code = await runIngest([dir]);
  const seconds = (Date.now() - started) / 1000;
  jest.restoreAllMocks();

  expect(code).toBe(3);
  const last = err.trim().split("\n").at(-1)!;
  const m = /(\d+) written, (\d+) failed, (\d+) not tried — run the same command again/.exec(last);
  expect(m).not.toBeNull();
  const [written, failed, notTried] = m!.slice(1).map(Number);
  expect(written).toBeGreaterThanOrEqual(3);
  expect(notTried).toBeGreaterThan(0);
  expect(written + failed + notTried).toBe(FILES);
  // What the command said was written is in the graph, and nothing else.
  const [{ n }] = await db.read<{ n: number }>("MATCH (d:Document) RETURN count(d) AS n");
  expect(n).toBe(written);
  // Far less than a driver timeout per remaining file.
  expect(seconds).toBeLessThan(40);
  expect(out.split("\n").filter((l) => l.startsWith("failed")).length).toBe(failed);

  // A re-run with the database back finishes the rest.
  await proxy.open();
  const again = await runIngestQuiet([dir]);
  expect(again).toBe(0);
  const [{ n: all }] = await db.read<{ n: number }>("MATCH (d:Document) RETURN count(d) AS n");
  expect(all).toBe(FILES);
}, 120_000);

async function runIngestQuiet(args: string[]): Promise<number> {
  jest.spyOn(process.stdout, "write").mockImplementation(() => true);
  jest.spyOn(process.stderr, "write").mockImplementation(() => true);
  try {
    return await runIngest(args);
  } finally {
    jest.restoreAllMocks();
  }
}
