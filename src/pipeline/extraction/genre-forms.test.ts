import { extractReadout } from "./extract";
import { Extraction } from "./extraction.types";

// Short readouts written for these tests, one per form of the genre (not copies of real readouts).
const front = (published: string, extra = "") =>
  `---\ntitle: 测试\nurl: https://example.org/t\npublished: ${published}\n${extra}---\n\n`;

function expectExactSpans(file: string, x: Extraction) {
  for (const r of x.reports)
    for (const item of [...r.achievements, ...r.shortcomings])
      expect(file.slice(item.span[0], item.span[1])).toBe(item.text);
  for (const d of x.directives) expect(file.slice(d.span[0], d.span[1])).toBe(d.text);
}

const shortcomings = (x: Extraction, subject: string) =>
  x.reports.find((r) => r.subject === subject)?.shortcomings.map((s) => s.text);
const achievements = (x: Extraction, subject: string) =>
  x.reports.find((r) => r.subject === subject)?.achievements.map((s) => s.text);

describe("shortcomings as plain clauses", () => {
  const file =
    front("2024-06-01") +
    "5月31日，顺义区召开区委书记月度工作点评会。区水务局、区民政局、仁和镇党委书记依次发言，区委书记王某逐一点评。\n" +
    "区水务局河道治理成效明显，但防汛物资储备不够充足，应急演练还有欠缺，基层水务队伍基础不牢。\n" +
    "区民政局养老服务扩面提质，但是社区养老驿站运营有待提升，在兜底保障精准度上还有差距。\n" +
    "仁和镇产业发展势头良好，同时干部队伍作风建设还需加强。\n" +
    "王某强调，要坚持问题导向。";
  const x = extractReadout(file);

  it("makes each deficit clause after 但/但是/同时 one item, as written", () => {
    expect(shortcomings(x, "区水务局")).toEqual(["防汛物资储备不够充足", "应急演练还有欠缺", "基层水务队伍基础不牢"]);
    expect(shortcomings(x, "区民政局")).toEqual(["社区养老驿站运营有待提升", "在兜底保障精准度上还有差距"]);
    expect(shortcomings(x, "仁和镇")).toEqual(["干部队伍作风建设还需加强"]);
    expectExactSpans(file, x);
  });

  it("finds the host and chair of a district meeting", () => {
    expect(x.meeting).toMatchObject({ host: "顺义区", chair: "王某", date: "2024-05-31" });
  });
});

describe("lists that mix separators", () => {
  it("splits on ， between items and keeps 、 inside an item", () => {
    const file =
      front("2024-07-02") +
      "7月1日，大兴区召开区委书记月度工作点评会。区城管委、区交通委党组书记依次发言，区委书记李某逐一点评。\n" +
      "区城管委环境整治有力；但在垃圾分类、物业管理，背街小巷和老旧小区治理等方面仍存不足。\n" +
      "区交通委路网建设提速；但在公交线网优化，慢行系统和以数字化手段破解停车难等方面仍存不足。\n" +
      "李某要求，要把问题整改到位。";
    const x = extractReadout(file);
    // 和 joins two nouns of one item; before a phrase of its own (以…破解…) it separates two items.
    expect(shortcomings(x, "区城管委")).toEqual(["垃圾分类、物业管理", "背街小巷和老旧小区治理"]);
    expect(shortcomings(x, "区交通委")).toEqual(["公交线网优化", "慢行系统", "以数字化手段破解停车难"]);
    expectExactSpans(file, x);
  });
});

describe("achievements as one run of clauses", () => {
  it("splits an assessment without ；on ， and keeps a clause that goes on with the one before", () => {
    const file =
      front("2024-08-01") +
      "7月31日，平谷区召开区委书记月度工作点评会。峪口镇、马坊镇党委书记依次发言，区委书记张某逐一点评。\n" +
      "峪口镇大桃产业提质增效，其中精品桃占比过半，农村人居环境明显改善，安全生产形势总体平稳，但村级组织建设不够扎实。\n" +
      "马坊镇物流产业集聚发展，但在招商引资等方面仍存不足。\n" +
      "张某强调，要抓好工作落实。";
    const x = extractReadout(file);
    expect(achievements(x, "峪口镇")).toEqual([
      "大桃产业提质增效，其中精品桃占比过半",
      "农村人居环境明显改善",
      "安全生产形势总体平稳",
    ]);
    expect(shortcomings(x, "峪口镇")).toEqual(["村级组织建设不够扎实"]);
  });
});

describe("speaker lists in the genre's forms", () => {
  const body = (list: string) =>
    front("2024-09-02") +
    `9月1日，密云区召开区委书记月度工作点评会。${list}，区委书记赵某逐一点评。\n` +
    "区委教育工委党建引领有力，但在教师队伍建设等方面仍存不足。\n" +
    "区科委创新平台加快建设，但在成果转化等方面仍存不足。\n" +
    "赵某要求，要压实责任。";

  it.each([
    "区委教育工委、区科委主要负责同志依次发言",
    "区委教育工委、区科委党组书记依次述职",
    "区委教育工委书记、区科委党组书记先后作述职报告",
    "区委教育工委、区科委逐一汇报工作",
  ])("reads «%s» without cutting a name", (list) => {
    const x = extractReadout(body(list));
    expect(x.reports.map((r) => r.subject)).toEqual(["区委教育工委", "区科委"]);
  });
});

describe("review meetings of other cities and counties", () => {
  it("reads a 述职评议会 that opens with a question, dated 今天上午, chaired by who comments", () => {
    const file =
      front("2021-01-15") +
      "基层党建抓得怎么样？今天上午，全县乡镇党委书记抓基层党建工作述职评议会议举行。\n" +
      "会上，甲镇、乙乡党委书记依次述职，县委书记钱某出席并点评。\n" +
      "甲镇党建阵地建设扎实，但党员教育管理还需加强。\n" +
      "乙乡村级组织活动有序开展，但软弱涣散村整顿有待提升。\n" +
      "钱某强调，要以更高标准抓好基层党建。";
    const x = extractReadout(file, { host: "某某县" });
    expect(x.meeting).toMatchObject({ date: "2021-01-15", chair: "钱某", host: "某某县" });
    expect(x.meeting.title).toContain("述职评议会");
    expect(x.reports.map((r) => r.subject)).toEqual(["甲镇", "乙乡"]);
    expect(shortcomings(x, "甲镇")).toEqual(["党员教育管理还需加强"]);
    expect(x.directives.length).toBeGreaterThan(0);
  });

  it("dates 昨天 against the published date and names the city from the opening", () => {
    const file =
      front("2023-04-12") +
      "昨天，某某市召开市直单位工作讲评会。市交通局、市水利局负责人依次汇报，市委书记孙某作了集中点评。\n" +
      "孙某指出，要全力以赴抓好项目建设。";
    const x = extractReadout(file);
    expect(x.meeting).toMatchObject({ date: "2023-04-11", chair: "孙某", host: "某某市" });
    expect(x.reports.map((r) => r.subject)).toEqual(["市交通局", "市水利局"]);
  });
});

describe("attendees", () => {
  it("drops the closing 等市区领导 from the last name", () => {
    const file =
      front("2024-10-09") +
      "10月8日，昌平区召开区委书记月度工作点评会，区委书记周某主持会议并点评。区领导吴某、郑某等市区领导出席会议。\n" +
      "会上，区发展改革委党组书记发言。\n" +
      "区发展改革委项目建设有力，但在招商引资等方面仍存不足。\n" +
      "周某强调，要抓好落实。";
    expect(extractReadout(file).meeting.attendees).toEqual(["吴某", "郑某"]);
  });
});

describe("sections the text never published", () => {
  const sections = (ending: string) =>
    front("2019-11-02") +
    "11月1日，某某区召开区委书记月度工作点评会。会上，甲镇、乙镇、丙镇三镇党委书记依次汇报，区委书记冯某对各镇工作进行点评。\n" +
    "甲镇\n生态保护守得牢；\n产业方向抓得准。\n" +
    "乙镇\n主题教育扎实开展；\n" +
    ending;

  it("leaves out a listed speaker the text gives no section when it ends cleanly, with a warning", () => {
    const x = extractReadout(sections("植绿护绿走在前列。\n"));
    expect(x.reports.map((r) => r.subject)).toEqual(["甲镇", "乙镇"]);
    expect(x.warnings.join("\n")).toContain("丙镇 is in the speaker list but the text gives it no section");
  });

  it("keeps it when the text is cut off mid-sentence", () => {
    const x = extractReadout(sections("植绿护绿走在"));
    expect(x.reports.map((r) => r.subject)).toEqual(["甲镇", "乙镇", "丙镇"]);
  });
});

describe("regressions found by the synthetic readouts", () => {
  const district = (assessment: string) =>
    front("2024-11-02") +
    "11月1日，通州区召开区委书记月度工作点评会。区应急局、马坊镇党委书记依次发言，区委书记孟某逐一点评。\n" +
    `区应急局${assessment}\n` +
    "马坊镇物流产业集聚发展，但在招商引资等方面仍存不足。\n" +
    "孟某强调，要抓好落实。";

  it("reads gaps after 同时 that open with a word that is also a verb (全面, 主动, 落实)", () => {
    const x = extractReadout(district("完成年度造林任务。同时，全面从严治党还有短板弱项，主动治理有待提升。"));
    expect(shortcomings(x, "区应急局")).toEqual(["全面从严治党还有短板弱项", "主动治理有待提升"]);
    expect(achievements(x, "区应急局")).toEqual(["完成年度造林任务"]);
  });

  it("keeps 同时 with a verb and no stated gap among the achievements", () => {
    const x = extractReadout(district("完成年度造林任务，同时加强薄弱环节建设，但应急演练有欠缺。"));
    expect(shortcomings(x, "区应急局")).toEqual(["应急演练有欠缺"]);
  });

  it("does not read a gap that starts with 应急 or 要素 as an instruction", () => {
    const x = extractReadout(district("防灾体系不断完善，但应急管理还需加强，要素保障仍不充足。"));
    expect(shortcomings(x, "区应急局")).toEqual(["应急管理还需加强", "要素保障仍不充足"]);
    expect(x.directives.map((d) => d.text)).toEqual(["要抓好落实"]);
  });

  it("completes a district named without 区 even when its name ends like a body's (丰台)", () => {
    const file =
      front("2022-02-01") +
      "1月31日，市委召开区委书记月度工作点评会。丰台、怀柔两位区委书记依次发言，并接受市委书记蔡奇现场点评。\n" +
      "丰台区推进丽泽金融商务区建设，但在疏解整治等方面仍存不足。\n" +
      "怀柔区推进科学城建设，但在生态保护等方面仍存不足。\n" +
      "蔡奇强调，要抓好落实。";
    const x = extractReadout(file);
    expect(x.reports.map((r) => r.subject)).toEqual(["丰台区", "怀柔区"]);
    expect(achievements(x, "丰台区")).toEqual(["推进丽泽金融商务区建设"]);
  });

  it("drops 党组织书记 from a speaker list", () => {
    const file =
      front("2020-01-22", "host: 某某市\n") +
      "今天上午，市直机关党建工作述职评议会议举行。会上，市商务局、市卫健委党组织书记依次述职。市委书记王某对述职情况作了集中点评。\n" +
      "王某强调，要抓好落实。";
    expect(extractReadout(file).reports.map((r) => r.subject)).toEqual(["市商务局", "市卫健委"]);
  });
});
