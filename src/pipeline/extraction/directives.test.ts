import { extractReadout } from "./extract";

const readout = (body: string) => `---\ntitle: 测试\nurl:\npublished: 2022-03-31\n---\n\n${body}`;
const HEAD =
  "3月31日下午，市委召开市直部门党组（党委）书记月度工作点评会。市甲局依次发言，并接受市委书记蔡奇现场点评。";
const ASSESSMENT = "市甲局完成甲任务。但在甲工作等方面仍存不足。";

function directives(body: string): string[] {
  return extractReadout(readout(body)).directives.map((d) => d.text);
}

describe("directives", () => {
  it("takes 要 sentences after 会议强调/指出, without the introduction, and leaves statements out", () => {
    expect(
      directives(
        HEAD +
          ASSESSMENT +
          "会议指出，五个部门都是重要职能部门。要完整准确全面贯彻新发展理念，推动高质量发展。党组书记要履行好主体责任。会议强调，接诉即办是民生晴雨表。",
      ),
    ).toEqual(["要完整准确全面贯彻新发展理念，推动高质量发展", "党组书记要履行好主体责任"]);
  });

  it("takes sentences opening with an imperative verb once the meeting turns to directions", () => {
    expect(
      directives(
        HEAD +
          "认真听取发言后，蔡奇逐一点评。" +
          ASSESSMENT +
          "对于下一步工作，会议强调，要抓好清明期间防疫与安全。严格落实安全生产责任制，全面排查治理隐患。各级加强应急值守。" +
          "市委常委、副市长在主会场参加。责任编辑：李墨轩",
      ),
    ).toEqual(["要抓好清明期间防疫与安全", "严格落实安全生产责任制，全面排查治理隐患", "各级加强应急值守"]);
  });

  it("does not take imperative-looking narration before the directions start", () => {
    expect(directives(HEAD + "认真做好会务保障。" + ASSESSMENT)).toEqual([]);
  });

  it("leaves out reports of what the meeting did", () => {
    expect(
      directives(
        HEAD +
          ASSESSMENT +
          "会议强调，要抓好甲工作。会议通报了3月接诉即办情况，对排名靠后的区进行了点名通报。门头沟区大台街道工委书记作了交流发言。",
      ),
    ).toEqual(["要抓好甲工作"]);
  });

  it("starts at the 要 clause when the clauses before it narrate, and keeps a topic clause", () => {
    expect(
      directives(
        HEAD +
          ASSESSMENT +
          "会议还对“每月一题”完成情况进行点评，3月主题是中小学教学管理问题，要继续抓好“双减”工作。“每月一题”是关键一步，要力争不断见到新成效。",
      ),
    ).toEqual(["要继续抓好“双减”工作", "“每月一题”是关键一步，要力争不断见到新成效"]);
  });

  it("takes a 要求 clause of the opening sentence and the chair's 要 remarks, not 要求 as a noun", () => {
    const body =
      "10月31日，区委召开月度工作点评会，要求系统总结“十四五”，深入谋划“十五五”。" +
      "甲镇、乙镇主要负责同志依次发言，区委书记张强现场点评。会议落实市委月度工作点评会要求，部署整改工作。" +
      "张强说，两个镇讲成绩客观，值得肯定。对问题不足及相关建议要认真研究、及时改进。" +
      "甲镇完成甲任务。但在甲工作等方面仍存不足。";
    expect(directives(body)).toEqual([
      "要求系统总结“十四五”，深入谋划“十五五”",
      "对问题不足及相关建议要认真研究、及时改进",
    ]);
  });

  it("splits enumerated directives on ； and drops the ordinal words", () => {
    expect(
      directives(HEAD + ASSESSMENT + "会议强调，一是要抓好垃圾分类；二是全力保障群众就医用药；三要做好汛期安全防范。"),
    ).toEqual(["要抓好垃圾分类", "全力保障群众就医用药", "要做好汛期安全防范"]);
  });

  it("names departments a directive is addressed to, not generic addressees", () => {
    const x = extractReadout(
      readout(
        HEAD +
          ASSESSMENT +
          "会议强调，12345市民服务热线加强政策业务培训。市发展改革委、市财政局要加强经济运行监测分析。各级各部门要当好“施工队长”。做好冬季能源保供。市国资委要加强监督指导。",
      ),
    );
    expect(x.directives.map((d) => [d.text, d.addressees ?? []])).toEqual([
      ["12345市民服务热线加强政策业务培训", ["12345市民服务热线"]],
      ["市发展改革委、市财政局要加强经济运行监测分析", ["市发展改革委", "市财政局"]],
      ["各级各部门要当好“施工队长”", []],
      ["做好冬季能源保供", []],
      ["市国资委要加强监督指导", ["市国资委"]],
    ]);
  });

  it("gives each directive its sentence and themes with reasons", () => {
    const file = readout(HEAD + ASSESSMENT + "会议强调，要抓好清明期间防疫与安全。");
    const [d] = extractReadout(file).directives;
    expect(file.slice(d.span[0], d.span[1])).toBe("要抓好清明期间防疫与安全");
    expect(file.slice(...(d.sentence as [number, number]))).toBe("会议强调，要抓好清明期间防疫与安全。");
    expect(d.themes).toEqual(["epidemic-control", "public-safety"]);
    expect(d.themeReasons).toMatchObject({ "epidemic-control": "keyword:防疫", "public-safety": "keyword:安全" });
  });
});
