import { GraphRows } from "../rows/graph-rows";
import { prepareReadoutText, PrepareOptions } from "./ingest.service";
import { StoredDocument } from "./reextract.plan";
import { extractAgain } from "./reextract.service";

// A district meeting that says only 区委: its host comes with it (front matter, --host or page).
const BODY = [
  "8月30日下午，区委召开月度工作点评会。甲镇、乙街道主要负责同志依次发言，区委书记郑一现场点评。",
  "甲镇完成拆违任务，垃圾分类取得进展；但在基层党建、安全生产等方面仍存不足。",
  "乙街道推进背街小巷整治；但存在老旧小区改造进度慢等不足。",
  "郑一强调，要抓好安全生产。",
];
const PAGE =
  `<!DOCTYPE html><html><head><meta charset="utf-8"><meta name="ArticleTitle" content="区委召开月度工作点评会">` +
  `<meta name="PubDate" content="2024-08-31 09:00"><meta name="SiteName" content="某区人民政府"></head><body>` +
  `<div class="nav"><a>首页</a></div><div id="zoom">${BODY.map((p) => `<p>&nbsp;${p}</p>`).join("")}` +
  `<p>【打印】【关闭】</p></div></body></html>`;

// What the graph keeps of a document written from these rows (see STORED_DOCUMENT).
function storedOf(rows: GraphRows, hostName: string | null): StoredDocument {
  return {
    document: { ...rows.document, extractorVersion: "old" },
    meeting: { ...rows.meeting, hostName },
    chairs: [],
    attendees: [],
    reports: [],
    items: [],
  };
}

const read = (text: string, options: PrepareOptions) => prepareReadoutText(text, options).rows;

describe("extractAgain", () => {
  it.each<[string, string, PrepareOptions]>([
    [
      "a readout file",
      `---\ntitle: 区委召开月度工作点评会\nurl: https://example.org/a\npublished: 2024-08-31\nhost: 通州区\n---\n\n${BODY.join("\n")}\n`,
      {},
    ],
    [
      "a bare text with a BOM and CRLF, dated and hosted by flags",
      `\uFEFF${BODY.join("\r\n")}\r\n`,
      { defaults: { published: "2024-08-31", host: "怀柔区" } },
    ],
    ["a saved page, hosted by a flag", PAGE, { format: "html", defaults: { host: "通州区" } }],
  ])("reads %s back into the rows of its first reading", (_, text, options) => {
    const rows = read(text, options);
    expect(rows.meeting.hostId).not.toBeNull();
    expect(extractAgain(storedOf(rows, null))).toEqual(rows);
  });

  it("reads a document written before its given host was kept with the meeting's host, where the text does not name it", () => {
    const rows = read(`${BODY.join("\n")}\n`, { defaults: { published: "2024-08-31", host: "通州区" } });
    const legacy = storedOf(rows, "通州区");
    legacy.document.givenHost = null;
    const again = extractAgain(legacy);
    expect(again.meeting.hostId).toBe(rows.meeting.hostId);
    expect(again.reports.map((r) => r.departmentIds)).toEqual(rows.reports.map((r) => r.departmentIds));
    expect(again.document.givenHost).toBe("通州区");
  });

  it("records no given host for such a document when its text names the host", () => {
    const named = BODY.map((p) => p.replace("区委召开", "通州区召开"));
    const rows = read(`${named.join("\n")}\n`, { defaults: { published: "2024-08-31" } });
    const legacy = storedOf(rows, "通州区");
    legacy.document.givenHost = null;
    expect(extractAgain(legacy)).toEqual(rows);
  });

  it("refuses a stored text the extractor finds no reports in", () => {
    const rows = read(`${BODY.join("\n")}\n`, { defaults: { published: "2024-08-31", host: "通州区" } });
    const stored = storedOf(rows, "通州区");
    stored.document.text = "今天白天晴转多云，北风二三级。";
    expect(() => extractAgain(stored)).toThrow(/finds no reports/);
  });
});
