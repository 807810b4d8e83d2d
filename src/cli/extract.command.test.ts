import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { runExtract } from "./extract.command";
import { MAX_READOUT_BYTES } from "../pipeline/extraction/decode";
import { Extraction } from "../pipeline/extraction/extraction.types";
import { captureOutput } from "../../test/support/output";

let dir: string;
const output = captureOutput();

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "policygraph-extract-"));
});

afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

function file(name: string, content: string | Buffer): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

describe("policygraph extract", () => {
  it("prints the extraction JSON of a readout and exits 0", async () => {
    const text =
      "---\ntitle: t\nurl:\npublished: 2022\n---\n\n3月31日下午，市委召开市直部门党组（党委）书记月度工作点评会。市甲局依次发言，并接受市委书记蔡奇现场点评。" +
      "市甲局完成甲任务。但在全面从严治党等方面仍存不足。";
    expect(await runExtract([file("a.txt", text)])).toBe(0);
    const x = JSON.parse(output.out) as Extraction;
    expect(x.meeting.date).toBe("2022-03-31");
    expect(x.reports[0].shortcomings[0]).toMatchObject({ text: "全面从严治党", themes: ["party-building"] });
    expect(text.slice(...x.reports[0].shortcomings[0].span)).toBe("全面从严治党");
    expect(output.err).toBe("");
  });

  const BARE =
    "3月31日下午，市委召开市直部门党组（党委）书记月度工作点评会。市甲局依次发言，并接受市委书记蔡奇现场点评。" +
    "市甲局完成甲任务。但在全面从严治党等方面仍存不足。";

  it("reads a saved .html page and prints the document text its spans index", async () => {
    const html =
      `<!DOCTYPE html><html><head><title>市委召开点评会_首都之窗_北京市人民政府门户网站</title>` +
      `<meta name="PubDate" content="2022-04-01 08:00"><link rel="canonical" href="https://www.beijing.gov.cn/a/1.html"></head>` +
      `<body><div class="nav"><a>首页</a><a>要闻</a></div><div id="zoom"><p>${BARE.replace("。市甲局完成", "。</p><p><strong>市甲局</strong>完成")}</p>` +
      `<p>【打印】【关闭】</p></div></body></html>`;
    expect(await runExtract([file("page.html", html)])).toBe(0);
    const x = JSON.parse(output.out) as Extraction & {
      document: { title: string; url: string; published: string; bodyStart: number; text: string };
    };
    expect(x.document).toMatchObject({
      title: "市委召开点评会",
      url: "https://www.beijing.gov.cn/a/1.html",
      published: "2022-04-01",
    });
    expect(x.document.text.slice(x.document.bodyStart)).toBe(BARE.replace("。市甲局完成", "。\n\n市甲局完成"));
    expect(x.meeting.date).toBe("2022-03-31");
    const gap = x.reports[0].shortcomings[0];
    expect(x.document.text.slice(...gap.span)).toBe("全面从严治党");
  });

  it("dates a bare text by --published, and refuses it without, naming the flag", async () => {
    const bare = file("bare.txt", BARE);
    expect(await runExtract([bare, "--published", "2022-04-01"])).toBe(0);
    const x = JSON.parse(output.out) as Extraction;
    expect(x.meeting.date).toBe("2022-03-31");
    expect(x).not.toHaveProperty("document");
    expect(BARE.slice(...x.reports[0].shortcomings[0].span)).toBe("全面从严治党");

    expect(await runExtract([bare])).toBe(2);
    expect(output.err).toMatch(/^policygraph extract: .*bare\.txt: no publication date: .*--published YYYY-MM-DD\n$/);
  });

  it.each([["2022-13-01"], ["2022/04/01"], ["yesterday"]])("exits 2 for --published %s", async (value) => {
    expect(await runExtract([file("bare.txt", BARE), `--published=${value}`])).toBe(2);
    expect(output.out).toBe("");
    expect(output.err).toMatch(/^policygraph extract: --published must be YYYY-MM-DD/);
  });

  it("takes --host for a text that only says 我市", async () => {
    const text = BARE.replace("市委召开", "我市召开").replace("市委书记蔡奇", "市委书记某某");
    expect(await runExtract([file("bare.txt", text), "--published", "2022-04-01", "--host", "宁波市"])).toBe(0);
    expect((JSON.parse(output.out) as Extraction).meeting.host).toBe("宁波市");
  });

  it("exits 0 with a warning for text that is not a readout", async () => {
    expect(await runExtract([file("weather.txt", "今天白天晴转多云，北风二三级。")])).toBe(0);
    const x = JSON.parse(output.out) as Extraction;
    expect(x.reports).toEqual([]);
    expect(x.warnings).toHaveLength(1);
  });

  it.each([
    ["empty", () => file("empty.txt", ""), /is empty/],
    ["binary", () => file("bin.dat", Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x00])), /binary/],
    ["non-UTF-8", () => file("gbk.txt", Buffer.from([0xca, 0xd0, 0xce, 0xaf, 0xbb, 0xe1])), /UTF-8/],
    ["oversized", () => file("big.txt", Buffer.alloc(MAX_READOUT_BYTES + 1, 0x41)), /limit/],
    ["missing", () => join(dir, "nope.txt"), /no such file/],
    ["a directory", () => dir, /is a directory/],
  ])("exits 2 with a one-line reason for %s input", async (_kind, path, reason) => {
    expect(await runExtract([path()])).toBe(2);
    expect(output.out).toBe("");
    expect(output.err).toMatch(/^policygraph extract: .+\n$/);
    expect(output.err.trim().split("\n")).toHaveLength(1);
    expect(output.err).toMatch(reason);
  });

  it("exits 2 with usage for bad arguments, 0 for --help", async () => {
    expect(await runExtract([])).toBe(2);
    expect(output.err).toMatch(/^policygraph extract: expected one FILE \(usage: policygraph extract FILE.*\)\n$/);
    expect(await runExtract(["a", "b"])).toBe(2);
    expect(await runExtract(["--verbose"])).toBe(2);
    expect(await runExtract(["--help"])).toBe(0);
    expect(output.out).toMatch(/usage: policygraph extract FILE/);
  });
});
