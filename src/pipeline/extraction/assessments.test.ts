import { extractReadout } from "./extract";
import { Extraction } from "./extraction.types";

const readout = (body: string, published = "2022-03-31") =>
  `---\ntitle: 测试\nurl:\npublished: ${published}\n---\n\n${body}`;
const HEAD =
  "3月31日下午，市委召开市直部门党组（党委）书记月度工作点评会。市甲局、市乙委依次发言，并接受市委书记蔡奇现场点评。";

function texts(x: Extraction) {
  return x.reports.map((r) => ({
    subject: r.subject,
    achievements: r.achievements.map((i) => i.text),
    shortcomings: r.shortcomings.map((i) => i.text),
  }));
}

function expectExactSpans(file: string, x: Extraction) {
  const items = [...x.reports.flatMap((r) => [...r.achievements, ...r.shortcomings]), ...x.directives];
  for (const item of items) {
    expect(file.slice(item.span[0], item.span[1])).toBe(item.text);
    expect(item.text).not.toMatch(/[；。]$/);
    const sentence = item.sentence as [number, number];
    expect(sentence[0]).toBeLessThanOrEqual(item.span[0]);
    expect(sentence[1]).toBeGreaterThanOrEqual(item.span[1]);
  }
}

describe("assessments", () => {
  it("splits achievements on ； and reads 但在A、B、C等方面仍存不足", () => {
    const file = readout(
      HEAD +
        "市甲局完成甲任务；推进乙工作，成效明显。但在全面从严治党、财源建设、优化营商环境等方面仍存不足。市乙委做好丙工作。但存在党风廉政建设薄弱、棚改进度慢等不足。",
    );
    const x = extractReadout(file);
    expect(texts(x)).toEqual([
      {
        subject: "市甲局",
        achievements: ["完成甲任务", "推进乙工作，成效明显"],
        shortcomings: ["全面从严治党", "财源建设", "优化营商环境"],
      },
      { subject: "市乙委", achievements: ["做好丙工作"], shortcomings: ["党风廉政建设薄弱", "棚改进度慢"] },
    ]);
    expect(x.reports.map((r) => r.order)).toEqual([1, 2]);
    expectExactSpans(file, x);
  });

  it.each([
    ["但在甲工作、乙工作等方面还存在不足。"],
    ["但在甲工作、乙工作等方面仍存在差距。"],
    ["但在甲工作、乙工作等方面还有差距。"],
    ["但在甲工作、乙工作等方面有待加强。"],
    ["但在甲工作、乙工作等方面仍有提升空间。"],
    ["但在甲工作、乙工作上仍存在差距。"],
    ["但甲工作、乙工作等仍需加强。"],
    ["但也存在甲工作、乙工作等问题。"],
    ["但仍存在甲工作、乙工作等短板。"],
    ["同时也存在甲工作、乙工作等问题。"],
    ["同时，在甲工作、乙工作等方面还有差距。"],
    ["但在甲工作、乙工作等方面还存在一些问题和不足。"],
    ["但存在甲工作、乙工作等问题和不足。"],
    ["但在甲工作、乙工作方面仍需持续用力。"],
    ["但存在甲工作、乙工作等短板弱项。"],
  ])("reads the near variant %s", (phrase) => {
    const x = extractReadout(readout(HEAD + `市甲局完成甲任务。${phrase}市乙委做好丙工作。`));
    expect(x.reports[0].shortcomings.map((s) => s.text)).toEqual(["甲工作", "乙工作"]);
    expect(x.reports[0].achievements.map((s) => s.text)).toEqual(["完成甲任务"]);
  });

  it("keeps 方面 and 领域 inside an item when no closing words follow them", () => {
    const x = extractReadout(readout(HEAD + "市甲局完成甲任务。但在民生领域投入、规自领域问题整改等方面仍存不足。"));
    expect(x.reports[0].shortcomings.map((s) => s.text)).toEqual(["民生领域投入", "规自领域问题整改"]);
  });

  it("does not split inside quotation marks", () => {
    const x = extractReadout(
      readout(HEAD + "市甲局完成“五年任务、三年完成”目标。但在执行“三重一大”制度、推动“五子”联动等方面仍存不足。"),
    );
    expect(x.reports[0].achievements.map((s) => s.text)).toEqual(["完成“五年任务、三年完成”目标"]);
    expect(x.reports[0].shortcomings.map((s) => s.text)).toEqual(["执行“三重一大”制度", "推动“五子”联动"]);
  });

  it("reads achievements that turn to shortcomings after a comma", () => {
    const x = extractReadout(readout(HEAD + "市甲局完成甲任务，但在甲工作、乙工作等方面仍存不足。"));
    expect(texts(x)[0]).toEqual({
      subject: "市甲局",
      achievements: ["完成甲任务"],
      shortcomings: ["甲工作", "乙工作"],
    });
  });

  it("does not take 同时在…等方面取得 (achievements) for shortcomings", () => {
    const x = extractReadout(
      readout(HEAD + "市甲局完成甲任务；同时在甲工作、乙工作等方面取得突破。但存在丙工作滞后等不足。"),
    );
    expect(texts(x)[0].shortcomings).toEqual(["丙工作滞后"]);
    expect(texts(x)[0].achievements).toEqual(["完成甲任务", "同时在甲工作、乙工作等方面取得突破"]);
  });

  it("keeps a list cut off before its closing words and warns", () => {
    const file = readout(HEAD + "市甲局完成甲任务。但在财源建设、村级干部队伍建设、村集体资产监管等");
    const x = extractReadout(file);
    expect(x.reports[0].shortcomings.map((s) => s.text)).toEqual(["财源建设", "村级干部队伍建设", "村集体资产监管"]);
    expect(x.warnings).toContain("truncated shortcoming list for 市甲局");
    expectExactSpans(file, x);
  });

  it("reports a speaker never assessed with empty lists and a warning", () => {
    const x = extractReadout(
      readout(HEAD + "市甲局完成甲任务。但在甲工作、乙工作等方面仍存不足。会议强调，要抓好丙工作。"),
    );
    expect(texts(x)[1]).toEqual({ subject: "市乙委", achievements: [], shortcomings: [] });
    expect(x.reports[1].order).toBe(2);
    expect(x.warnings).toContain("assessment of 市乙委 not found");
  });

  it("warns when an assessment has no shortcomings or the text is cut off inside it", () => {
    const x = extractReadout(
      readout(HEAD + "市甲局完成甲任务。但在甲工作等方面仍存不足。市乙委做好丙工作；推进丁工作正在形成"),
    );
    expect(texts(x)[1]).toEqual({
      subject: "市乙委",
      achievements: ["做好丙工作", "推进丁工作正在形成"],
      shortcomings: [],
    });
    expect(x.warnings).toEqual(
      expect.arrayContaining(["no shortcomings found for 市乙委", expect.stringMatching(/市乙委 is cut off/)]),
    );
  });

  it("makes one report of two speakers commented on together", () => {
    const body =
      "6月30日，市委召开市直部门党组（党委）书记月度工作点评会。市科委、中关村管委会、市商务局依次发言。" +
      "市科委、中关村管委会加快建设国际科技创新中心；深化先行先试改革。但在科技成果转化、党风廉政建设等方面仍存在不足。" +
      "市商务局推进“两区”建设。但在外贸外资稳增长等方面仍存不足。";
    const x = extractReadout(readout(body));
    expect(texts(x)).toEqual([
      {
        subject: "市科委、中关村管委会",
        achievements: ["加快建设国际科技创新中心", "深化先行先试改革"],
        shortcomings: ["科技成果转化", "党风廉政建设"],
      },
      { subject: "市商务局", achievements: ["推进“两区”建设"], shortcomings: ["外贸外资稳增长"] },
    ]);
    expect(x.reports.map((r) => r.order)).toEqual([1, 2]);
  });

  it("names a subject in full where the assessment does (石景山 → 石景山区) or the list does", () => {
    const body =
      "10月26日下午，北京市委召开区委书记月度工作点评会。石景山、顺义两位区委书记依次发言。" +
      "石景山区深入推进疏解整治促提升。但存在“四风”问题基层表现较突出等不足。顺义区抓发展抓项目主动性强。但存在棚改完成进度慢等不足。";
    expect(extractReadout(readout(body, "2018-10-27")).reports.map((r) => r.subject)).toEqual(["石景山区", "顺义区"]);
    const streets =
      "昨天，市委召开街道（乡镇）党（工）委书记月度工作点评会。东城区东华门街道、西城区什刹海街道党工委书记依次发言。" +
      "东华门街道推进背街小巷整治。但存在物业管理覆盖面不广等问题。什刹海街道推进街区保护。但在垃圾分类等方面仍需加强。";
    const x = extractReadout(readout(streets, "2019-06-28"));
    expect(x.reports.map((r) => r.subject)).toEqual(["东城区东华门街道", "西城区什刹海街道"]);
    expect(x.reports.map((r) => r.shortcomings.length)).toEqual([1, 1]);
  });

  it("finds a subject the assessment calls by another of its names", () => {
    const body =
      "5月30日下午，市委召开区委书记月度工作点评会。东城、经济技术开发区两位区委（工委）书记依次发言。" +
      "东城区推进甲工作。但存在丙工作滞后等不足。经开区推进乙工作。但存在丁工作滞后等不足。";
    const x = extractReadout(readout(body, "2019-05-31"));
    expect(texts(x)).toEqual([
      { subject: "东城区", achievements: ["推进甲工作"], shortcomings: ["丙工作滞后"] },
      { subject: "经济技术开发区", achievements: ["推进乙工作"], shortcomings: ["丁工作滞后"] },
    ]);
  });

  it("does not take a directive to a speaker (市甲局要…) for its assessment", () => {
    const x = extractReadout(
      readout(HEAD + "会议强调，市乙委要抓好丙工作。市甲局完成甲任务。但在甲工作等方面仍存不足。"),
    );
    expect(texts(x)[0].achievements).toEqual(["完成甲任务"]);
    expect(texts(x)[1].achievements).toEqual([]);
  });
});
