import { mkdirSync, mkdtempSync, rmSync, writeFileSync, copyFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { runIngest } from "../src/cli/ingest.command";
import { Database } from "../src/platform/db/neo4j";
import { graphCounts, resetGraph, testDatabase } from "./support/graph";
import { READOUTS, readoutPath } from "./support/readouts";
import { cliUsesTestNeo4j, testConnection } from "./support/test-neo4j";
import { captureOutput } from "./support/output";

let db: Database;
let dir: string;
const output = captureOutput();
const savedEnv = { ...process.env };

beforeAll(async () => {
  db = testDatabase();
  await resetGraph(db);
  cliUsesTestNeo4j();
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

  it("ingests saved pages beside bare texts in a DIR, storing the page's body as the document text", async () => {
    const pages = join(dir, "pages");
    mkdirSync(pages);
    const opening = "6月30日下午，区委召开月度工作点评会。甲镇、乙街道主要负责同志依次发言，区委书记孙八现场点评。";
    writeFileSync(
      join(pages, "a-page.html"),
      `<!DOCTYPE html><html><head><meta charset="utf-8"><title>区委召开点评会_要闻_北京市延庆区人民政府</title>` +
        `<link rel="canonical" href="https://www.bjyq.gov.cn/yqzx/1.html"></head><body>` +
        `<div class="nav"><a>首页</a></div><div class="article"><div class="info">发布时间：2024-07-01 来源：延庆报</div>` +
        `<div class="TRS_Editor"><p>${opening}</p><p><span>甲镇完成&ldquo;接诉即办&rdquo;任务。</span>但在<strong>垃圾分类</strong>等方面仍存不足。</p>` +
        `<p>乙街道完成背街小巷整治。但在安全生产等方面仍存不足。</p><p>（责任编辑：周九）</p></div></div></body></html>`,
    );
    const bare =
      opening.replace("6月30日", "5月31日").replace("孙八", "吴十") + "甲镇完成拆违。但在基层党建等方面仍存不足。";
    writeFileSync(join(pages, "b-bare.txt"), bare);

    // Nothing dates the bare text: it fails, naming the flag; the page goes in on its own date.
    expect(await runIngest([pages, "--json"])).toBe(1);
    const first = JSON.parse(output.out);
    expect(first.map((r: any) => [r.file.replace(pages + "/", ""), r.status])).toEqual([
      ["a-page.html", "created"],
      ["b-bare.txt", "failed"],
    ]);
    expect(first[1].error).toMatch(/no publication date: .*give --published YYYY-MM-DD/);

    expect(await runIngest([pages, "--json", "--published", "2024-06-01", "--host=延庆区"])).toBe(0);
    expect(JSON.parse(output.out.slice(output.out.lastIndexOf("[\n"))).map((r: any) => r.status)).toEqual([
      "unchanged",
      "created",
    ]);

    const [page] = await db.read<{
      text: string;
      url: string;
      published: string;
      start: number;
      end: number;
      gap: string;
    }>(
      `MATCH (d:Document {url: $url}) MATCH (s:Shortcoming {documentId: d.id})
       RETURN d.text AS text, d.url AS url, d.published AS published, s.start AS start, s.end AS end, s.text AS gap
       ORDER BY s.position LIMIT 1`,
      { url: "https://www.bjyq.gov.cn/yqzx/1.html" },
    );
    expect(page.published).toBe("2024-07-01");
    expect(page.text).toBe(
      `${opening}\n\n甲镇完成“接诉即办”任务。但在垃圾分类等方面仍存不足。\n\n乙街道完成背街小巷整治。但在安全生产等方面仍存不足。`,
    );
    expect(page.gap).toBe("垃圾分类");
    expect(page.text.slice(page.start, page.end)).toBe("垃圾分类");

    const [doc] = await db.read<{ published: string; date: string }>(
      `MATCH (m:Meeting)-[:RECORDED_IN]->(d:Document {text: $text}) RETURN d.published AS published, m.date AS date`,
      { text: bare },
    );
    expect(doc).toMatchObject({ published: "2024-06-01", date: "2024-05-31" });
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
