import { Database } from "../src/platform/db/neo4j";
import { parseReadoutFile } from "../src/pipeline/extraction/readout";
import { RunningServer } from "../src/server/app";
import { graphCounts, resetGraph, testDatabase } from "./support/graph";
import { readoutText } from "./support/readouts";
import { gql, testServer } from "./support/server";

const TOKEN = "curator-secret-for-tests";
const INGEST = `mutation($input: ReadoutInput!, $dryRun: Boolean) {
  ingestReadout(input: $input, dryRun: $dryRun) { status reports warnings meeting { id date reports { department { name } } } }
}`;
const readout = parseReadoutFile(readoutText("2022-01-28-districts"));
const input = { text: readout.body, ...readout.frontMatter };
const curator = { authorization: `Bearer ${TOKEN}` };

let db: Database;
let server: RunningServer;
let closed: RunningServer;

beforeAll(async () => {
  db = testDatabase();
  await resetGraph(db);
  server = await testServer(db, { curatorToken: TOKEN });
  closed = await testServer(db, { curatorToken: undefined });
});

afterAll(async () => {
  await server.close();
  await closed.close();
  await db.close();
});

describe("ingestReadout", () => {
  it("refuses a request without the curator token (UNAUTHENTICATED) and writes nothing", async () => {
    const before = await graphCounts(db);
    for (const headers of [{}, { authorization: "Bearer wrong-token" }, { authorization: "Basic abc" }] as Record<
      string,
      string
    >[]) {
      const res = await gql(server, INGEST, { input }, headers);
      expect(res.errors![0].extensions!.code).toBe("UNAUTHENTICATED");
      expect(res.data).toBeNull();
    }
    expect(await graphCounts(db)).toEqual(before);
  });

  it("refuses every mutation with FORBIDDEN when no curator token is configured", async () => {
    const res = await gql(closed, INGEST, { input }, curator);
    expect(res.errors![0].extensions!.code).toBe("FORBIDDEN");
    expect(res.errors![0].message).toContain("POLICYGRAPH_CURATOR_TOKEN");
  });

  it("previews on a dry run, then creates, then reports the same readout as unchanged", async () => {
    const dry = await gql(server, INGEST, { input, dryRun: true }, curator);
    expect(dry.data!.ingestReadout).toEqual({ status: "DRY_RUN", reports: 3, warnings: [], meeting: null });
    expect((await graphCounts(db)).Meeting).toBeUndefined();

    const created = await gql(server, INGEST, { input }, curator);
    const meeting = created.data!.ingestReadout.meeting;
    expect(created.data!.ingestReadout.status).toBe("CREATED");
    expect(meeting.date).toBe("2022-01-28");
    expect(meeting.reports.map((r: any) => r.department.name)).toEqual(["石景山区", "顺义区", "大兴区"]);

    const before = await graphCounts(db);
    const again = await gql(server, INGEST, { input }, curator);
    expect(again.data!.ingestReadout.status).toBe("UNCHANGED");
    expect(again.data!.ingestReadout.meeting.id).toBe(meeting.id);
    expect(await graphCounts(db)).toEqual(before);
  });

  it("gives the same document whether a readout comes by the API or as a file", async () => {
    const res = await gql(server, `{ meetings { nodes { document { text title url published } } } }`);
    const doc = res.data!.meetings.nodes[0].document;
    expect(doc).toEqual({ text: readout.body, title: input.title, url: input.url, published: input.published });
  });

  const OPENING = "8月30日下午，区委召开月度工作点评会。甲镇、乙街道主要负责同志依次发言，区委书记郑一现场点评。";
  const PAGE =
    `<!DOCTYPE html><html><head><meta charset="utf-8"><meta name="ArticleTitle" content="区委召开月度工作点评会">` +
    `<meta name="PubDate" content="2024-08-31 09:00"></head><body><div class="nav"><a>首页</a><a>政务公开</a></div>` +
    `<div id="zoom"><p>&nbsp;${OPENING}</p><p>甲镇完成<span><strong>&ldquo;清零&rdquo;</strong></span>任务。但在垃圾分类等方面仍存不足。</p>` +
    `<p>乙街道完成背街小巷整治。</p><div class="share">分享到：<a>微信</a></div><p>【打印】【关闭】</p></div></body></html>`;

  it("ingests a saved page given as html: the stored text is its body, evidence quotes it", async () => {
    const res = await gql(server, INGEST, { input: { html: PAGE, host: "通州区" } }, curator);
    expect(res.errors).toBeUndefined();
    expect(res.data!.ingestReadout).toMatchObject({ status: "CREATED", reports: 2 });
    const id = res.data!.ingestReadout.meeting.id;
    const read = await gql(
      server,
      `query($id: ID!) { node(id: $id) { ... on Meeting { date document { text title published url }
        reports { shortcomings { text evidence { start end quote document { text } } } } } } }`,
      { id },
    );
    const meeting = read.data!.node;
    expect(meeting.date).toBe("2024-08-30");
    expect(meeting.document).toEqual({
      text: `${OPENING}\n\n甲镇完成“清零”任务。但在垃圾分类等方面仍存不足。\n\n乙街道完成背街小巷整治。`,
      title: "区委召开月度工作点评会",
      published: "2024-08-31",
      url: "",
    });
    const [gap] = meeting.reports[0].shortcomings;
    expect(gap.text).toBe("垃圾分类");
    expect(gap.evidence.quote).toBe("垃圾分类");
    expect(gap.evidence.document.text.slice(gap.evidence.start, gap.evidence.end)).toBe("垃圾分类");
  });

  it.each([
    ["both text and html", { ...input, html: PAGE }, "not both"],
    ["neither text nor html", { published: "2024-01-01" }, "text or as html"],
    ["an oversized page", { html: `<html>${"会".repeat(400_000)}</html>` }, "limit"],
    ["a page nothing dates", { html: PAGE.replace(/<meta name="PubDate"[^>]*>/, "") }, "input.published"],
    ["a bare text nothing dates", { text: OPENING + "甲镇完成拆违。但在基层党建等方面仍存不足。" }, "input.published"],
    ["an empty text", { ...input, text: "   " }, "text"],
    ["a NUL character", { ...input, text: input.text + "\u0000" }, "NUL"],
    ["an oversized text", { ...input, text: "会".repeat(400_000) }, "limit"],
    ["a bad published date", { ...input, published: "Jan 2022" }, "published"],
    ["a long title", { ...input, title: "题".repeat(501) }, "title"],
    [
      "text that is not a readout",
      { ...input, text: "今天白天晴转多云，北风二三级。" },
      "not a review-meeting readout",
    ],
  ])("refuses %s with BAD_USER_INPUT", async (_, bad, word) => {
    const before = await graphCounts(db);
    const res = await gql(server, INGEST, { input: bad }, curator);
    expect(res.errors![0].extensions!.code).toBe("BAD_USER_INPUT");
    expect(res.errors![0].message).toContain(word);
    expect(await graphCounts(db)).toEqual(before);
  });
});

describe("unclassified items and portfolios through the API", () => {
  // Bodies with a portfolio (市文化和旅游局 curated, 市科学技术协会 read from its name) and without (市政府研究室).
  const body =
    "4月28日下午，市委召开市直部门党组（党委）书记月度工作点评会。市文化和旅游局、市政府研究室、市科学技术协会依次发言，并接受市委书记尹力现场点评。" +
    "市文化和旅游局推进文艺精品创作；完成重点任务。但在政策落地见效、统筹协调等方面仍存不足。" +
    "市政府研究室完成调研任务。但在统筹协调等方面仍存不足。" +
    "市科学技术协会完成年度任务。但在工作统筹等方面仍存不足。会议强调，要抓好任务落实。";
  const generic = { text: body, title: "测试", url: "", published: "2023-04-28" };
  const items = `nodes { text unclassified themes { id } themeTags { reason } }`;

  it("counts the unclassified items in the ingest result and flags each item", async () => {
    const res = await gql(
      server,
      `mutation($input: ReadoutInput!) { ingestReadout(input: $input) { status unclassified warnings } }`,
      { input: generic },
      curator,
    );
    expect(res.data!.ingestReadout).toMatchObject({ status: "CREATED", unclassified: 3 });
    expect(res.data!.ingestReadout.warnings).toContain(
      "3 items unclassified (no keyword, rule or portfolio gave a theme): 1 achievement, 1 shortcoming, 1 directive",
    );

    const q = await gql(
      server,
      `{
        culture: department(id: "culture-tourism-bureau") { assignedThemes { id } shortcomings(from: "2023-01-01") { ${items} } }
        research: department(id: "government-research-office") { assignedThemes { id } shortcomings { ${items} } achievements { ${items} } }
        districts: department(id: "shijingshan-district") { assignedThemes { id } }
        directives(from: "2023-04-28") { ${items} }
        departments(contains: "科学技术协会") { nodes { curated assignedThemes { id } shortcomings { ${items} } } }
      }`,
    );
    expect(q.errors).toBeUndefined();
    const { culture, research, districts, directives, departments } = q.data!;
    expect(culture.assignedThemes).toEqual([{ id: "culture-civility" }]);
    expect(culture.shortcomings.nodes).toEqual([
      {
        text: "政策落地见效",
        unclassified: false,
        themes: [{ id: "culture-civility" }],
        themeTags: [{ reason: "portfolio:市文化和旅游局" }],
      },
      {
        text: "统筹协调",
        unclassified: false,
        themes: [{ id: "culture-civility" }],
        themeTags: [{ reason: "portfolio:市文化和旅游局" }],
      },
    ]);
    expect(research.assignedThemes).toEqual([]);
    expect(districts.assignedThemes).toEqual([]);
    for (const item of [...research.shortcomings.nodes, ...research.achievements.nodes, ...directives.nodes]) {
      expect(item).toMatchObject({ unclassified: true, themes: [], themeTags: [] });
    }
    const [society] = departments.nodes;
    expect(society).toMatchObject({ curated: false, assignedThemes: [{ id: "science-innovation" }] });
    expect(society.shortcomings.nodes[0].themeTags).toEqual([{ reason: "portfolio:市科学技术协会" }]);
  });

  it("reads nodes written before portfolios and the flag as ingest would write them", async () => {
    await db.write(
      `MATCH (d:Department) WHERE d.id IN ['culture-tourism-bureau', 'government-research-office'] REMOVE d.assignedThemes
       WITH count(*) AS done MATCH (x:Shortcoming) WHERE x.date = date('2023-04-28') REMOVE x.unclassified`,
    );
    const q = await gql(
      server,
      `{
        culture: department(id: "culture-tourism-bureau") { assignedThemes { id } }
        research: department(id: "government-research-office") { assignedThemes { id } }
        shortcomings(from: "2023-04-28", to: "2023-04-28") { nodes { text unclassified } }
      }`,
    );
    expect(q.data!.culture.assignedThemes).toEqual([{ id: "culture-civility" }]);
    expect(q.data!.research.assignedThemes).toEqual([]);
    expect(q.data!.shortcomings.nodes.map((n: any) => [n.text, n.unclassified])).toEqual([
      ["政策落地见效", false],
      ["统筹协调", false],
      ["统筹协调", true],
      ["工作统筹", false],
    ]);
  });
});
