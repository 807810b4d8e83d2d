import { readFileSync } from "node:fs";
import { join } from "node:path";
import { Converter } from "opencc-js";
import { seedDir } from "../../platform/paths";
import { extractReadout, NOT_A_READOUT } from "./extract";
import { Extraction, ExtractedItem } from "./extraction.types";

const founding = readFileSync(join(seedDir, "2022-03-31-municipal-departments.txt"), "utf8");

function allItems(x: Extraction): ExtractedItem[] {
  return [...x.reports.flatMap((r) => [...r.achievements, ...r.shortcomings]), ...x.directives];
}

function expectExactSpans(file: string, x: Extraction) {
  for (const item of allItems(x)) {
    expect(file.slice(item.span[0], item.span[1])).toBe(item.text);
    expect(item.text).not.toMatch(/^\s|[\s；。]$/);
    const [start, end] = item.sentence as [number, number];
    expect(start <= item.span[0] && end >= item.span[1]).toBe(true);
  }
}

describe("extractReadout on the founding readout (seed/)", () => {
  const x = extractReadout(founding);

  it("reads the meeting", () => {
    expect(x.meeting).toEqual({
      date: "2022-03-31",
      kind: "municipal-departments",
      host: "北京市",
      title: "市直部门党组（党委）书记月度工作点评会",
      chair: "蔡奇",
      attendees: ["陈吉宁", "李伟", "魏小东", "张延昆"],
    });
  });

  it("reads the five departments in speaking order with their achievements and shortcomings", () => {
    expect(x.reports.map((r) => [r.order, r.subject])).toEqual([
      [1, "市发展改革委"],
      [2, "市财政局"],
      [3, "市规划自然资源委"],
      [4, "市住房城乡建设委"],
      [5, "市国资委"],
    ]);
    expect(x.reports.map((r) => r.achievements.length)).toEqual([4, 3, 4, 4, 4]);
    expect(x.reports.map((r) => r.shortcomings.map((s) => s.text))).toEqual([
      ["全面从严治党", "推动“五子”联动", "推进京津冀协同发展"],
      ["干部监督管理", "民生领域投入", "对各区和基层财政指导服务"],
      ["党风廉政建设", "加强规划管理", "规自领域问题整改"],
      ["党员干部管理", "推进城市更新", "完善公租房持有运营机制"],
      ["执行“三重一大”制度", "提升国资规模和效益", "优化国有经济布局"],
    ]);
    expect(x.reports[1].achievements[2].text).toBe("开展财会监督检查，完善预算执行动态监控机制");
  });

  it("flags a party-discipline gap for all five departments", () => {
    const flagged = x.reports.map((r) => r.shortcomings.find((s) => s.themes[0] === "party-building")?.text);
    expect(flagged).toEqual(["全面从严治党", "干部监督管理", "党风廉政建设", "党员干部管理", "执行“三重一大”制度"]);
    const nonParty = x.reports.flatMap((r) => r.shortcomings).filter((s) => !flagged.includes(s.text));
    expect(nonParty.every((s) => !s.themes.includes("party-building"))).toBe(true);
  });

  it("reads the 24 directives, first and last as the text has them", () => {
    expect(x.directives).toHaveLength(24);
    expect(x.directives[0].text).toBe(
      "要完整准确全面贯彻新发展理念，聚焦“五子”联动推动高质量发展，在服务全市工作大局中取得新的工作成效",
    );
    expect(x.directives[23].text).toBe("各级各部门要当好“施工队长”，以钉钉子精神抓好任务落实");
    expect(x.directives.map((d) => d.text)).not.toContain(expect.stringContaining("会议通报"));
  });

  it("gives every item an exact span into the whole file and tags every shortcoming with a reason", () => {
    expectExactSpans(founding, x);
    for (const s of x.reports.flatMap((r) => r.shortcomings)) {
      expect(s.themes.length).toBeGreaterThan(0);
      expect(s.themeReasons?.[s.themes[0]]).toMatch(/^(keyword|rule):/);
      expect(s.unclassified).toBeUndefined();
    }
    // The closing call to deliver ("以钉钉子精神抓好任务落实") names no field, and a directive has no portfolio.
    const unclassified = x.directives.filter((d) => d.unclassified);
    expect(unclassified.map((d) => d.themes)).toEqual([[]]);
    expect(x.warnings).toEqual(["1 item unclassified (no keyword, rule or portfolio gave a theme): 1 directive"]);
  });

  it("is deterministic", () => {
    expect(JSON.stringify(extractReadout(founding))).toBe(JSON.stringify(x));
  });
});

describe("extractReadout on traditional script", () => {
  const toTraditional = Converter({ from: "cn", to: "hk" });
  const file = toTraditional(founding);

  it("matches on a simplified copy but reports the original text and offsets", () => {
    const x = extractReadout(file);
    expect(file).not.toBe(founding);
    expect(x.reports.map((r) => r.subject)).toEqual([
      "市發展改革委",
      "市財政局",
      "市規劃自然資源委",
      "市住房城鄉建設委",
      "市國資委",
    ]);
    expect(x.reports[0].shortcomings[0].text).toBe("全面從嚴治黨");
    expect(x.reports[0].shortcomings[0].themes[0]).toBe("party-building");
    expect(x.meeting.attendees).toEqual(["陳吉寧", "李偉", "魏小東", "張延昆"]);
    expect(x.meeting.title).toBe("市直部門黨組（黨委）書記月度工作點評會");
    expect(x.directives).toHaveLength(24);
    expectExactSpans(file, x);
    const simplified = extractReadout(founding);
    expect(allItems(x).map((i) => i.span)).toEqual(allItems(simplified).map((i) => i.span));
  });
});

describe("extractReadout: portfolios and unclassified items", () => {
  const readout = (body: string) => `---\ntitle: 测试\nurl:\npublished: 2022-03-31\n---\n\n${body}`;

  it("gives an item its report's portfolio when its words give no theme, and breaks ties with it", () => {
    const x = extractReadout(
      readout(
        "3月31日下午，市委召开市直部门党组（党委）书记月度工作点评会。市文化和旅游局、市科委依次发言，并接受市委书记蔡奇现场点评。" +
          "市文化和旅游局完成重点任务。但在政策落地见效、文化和科技融合等方面仍存不足。" +
          "市科委推进重点工作。但在文化和科技融合、统筹协调等方面仍存不足。会议强调，要抓好任务落实。",
      ),
    );
    const [culture, science] = x.reports;
    expect(culture.shortcomings.map((s) => [s.text, s.themes[0], s.themeReasons?.[s.themes[0]]])).toEqual([
      ["政策落地见效", "culture-civility", "portfolio:市文化和旅游局"],
      ["文化和科技融合", "culture-civility", "keyword:文化"],
    ]);
    expect(science.shortcomings.map((s) => [s.text, s.themes[0], s.themeReasons?.[s.themes[0]]])).toEqual([
      ["文化和科技融合", "science-innovation", "keyword:科技"],
      ["统筹协调", "science-innovation", "portfolio:市科委"],
    ]);
    expect(culture.achievements[0].themes).toEqual(["culture-civility"]);
    expect(
      allItems(x)
        .filter((i) => i.unclassified)
        .map((i) => i.text),
    ).toEqual(["要抓好任务落实"]);
    expect(x.warnings).toContain("1 item unclassified (no keyword, rule or portfolio gave a theme): 1 directive");
  });

  it("flags what nothing classifies, with one warning that counts it", () => {
    const x = extractReadout(
      readout(
        "3月31日下午，市委召开区委书记月度工作点评会。石景山、顺义两位区委书记依次发言，并接受市委书记蔡奇现场点评。" +
          "石景山区完成重点任务。但在统筹协调、抓落实等方面仍存不足。顺义区推进重点工作。但在全面从严治党等方面仍存不足。" +
          "会议强调，要抓好任务落实。",
      ),
    );
    const flagged = allItems(x).filter((i) => i.unclassified);
    expect(flagged.map((i) => i.text)).toEqual([
      "完成重点任务",
      "统筹协调",
      "抓落实",
      "推进重点工作",
      "要抓好任务落实",
    ]);
    for (const i of flagged) expect(i.themes).toEqual([]);
    for (const i of allItems(x).filter((i) => !i.unclassified)) expect(i.themes.length).toBeGreaterThan(0);
    expect(x.warnings.filter((w) => w.includes("unclassified"))).toEqual([
      "5 items unclassified (no keyword, rule or portfolio gave a theme): 2 achievements, 2 shortcomings, 1 directive",
    ]);
  });
});

describe("extractReadout on text that is not a readout", () => {
  it("gives no reports and a warning for a weather report", () => {
    const x = extractReadout("今天白天晴转多云，北风二三级，最高气温28℃。明天夜间有小雨，市民出行要注意携带雨具。");
    expect(x).toEqual({
      meeting: { date: null, kind: "other", host: null, title: "", chair: null, attendees: [] },
      reports: [],
      directives: [],
      warnings: [NOT_A_READOUT],
    });
  });

  it("warns when a meeting has no speaker list", () => {
    const x = extractReadout("3月31日，市委召开月度工作点评会。会议强调，要抓好安全生产。");
    expect(x.reports).toEqual([]);
    expect(x.warnings).toContain("no speaker list found");
    expect(x.directives.map((d) => d.text)).toEqual(["要抓好安全生产"]);
  });

  it("never throws and keeps spans exact on odd text", () => {
    let seed = 7;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    const pieces = [
      "但在",
      "、",
      "等方面仍存不足",
      "。",
      "；",
      "依次发言",
      "市甲局",
      "“",
      "”",
      "\n",
      "要",
      "会议强调，",
      "召开",
      "点评会",
      "---\n",
      "3月",
      "31日",
      " ",
      "\uD83D\uDE00",
      "（",
    ];
    for (let n = 0; n < 300; n++) {
      let text = "";
      const length = Math.floor(random() * 40);
      for (let i = 0; i < length; i++) text += pieces[Math.floor(random() * pieces.length)];
      const x = extractReadout(text);
      expectExactSpans(text, x);
    }
  });
});
