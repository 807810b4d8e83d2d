import { extractReadout } from "./extract";
import { hostInText, hostLevel } from "./host";
import { siteLocality } from "./sites";

const readout = (body: string, front: Record<string, string> = {}) => {
  const fm = { title: "测试", url: "", published: "2024-05-01", ...front };
  const lines = Object.entries(fm).map(([k, v]) => `${k}: ${v}`);
  return `---\n${lines.join("\n")}\n---\n\n${body}`;
};
const LIST = "甲镇、乙街道主要负责同志依次发言。";

describe("meeting host", () => {
  it("takes the locality the opening names: X区召开, X市委召开, a dateline, X区委书记", () => {
    expect(hostInText("\n4月30日，通州区召开月度工作点评会。")).toBe("通州区");
    expect(hostInText("\n10月26日下午，北京市委召开区委书记月度工作点评会。")).toBe("北京市");
    expect(hostInText("\n吴川市人民政府网讯  1月21日下午，我市召开市委常委（扩大）会议。")).toBe("吴川市");
    expect(hostInText("\n会上，延庆区委书记于波逐一点评。")).toBe("延庆区");
    expect(hostInText("\n中共宁波市海曙区委召开述职评议会。")).toBe("宁波市海曙区");
  });

  it("never takes a level word, a count or a verb for a locality", () => {
    expect(hostInText("\n今天下午，区委召开镇街党工委书记月度工作点评会。")).toBeNull();
    expect(hostInText("\n石景山、顺义、大兴三位区委书记依次发言，并接受市委书记蔡奇的现场点评。")).toBeNull();
    expect(hostInText("\n我市召开全市工作会。")).toBeNull();
    expect(hostLevel("今天下午，区委召开点评会")).toBe("区");
    expect(hostLevel("我市召开")).toBe("市");
  });

  it("falls back to the front matter's host, then to the site of the URL when its level fits", () => {
    const body = `5月1日上午，区委召开月度工作点评会。${LIST}区委书记某某现场点评。`;
    expect(extractReadout(readout(body, { host: "通州区" })).meeting.host).toBe("通州区");
    expect(extractReadout(readout(body, { url: "https://www.bjyq.gov.cn/a/1.html" })).meeting.host).toBe("延庆区");
    // A district's meeting published on the city's portal does not make the city its host.
    const onCitySite = extractReadout(readout(body, { url: "https://www.beijing.gov.cn/a/1.html" }));
    expect(onCitySite.meeting.host).toBeNull();
    expect(onCitySite.warnings.some((w) => w.includes("--host"))).toBe(true);
  });

  it("the text wins over the front matter and the site", () => {
    const body = `5月1日上午，怀柔区召开月度工作点评会。${LIST}`;
    const x = extractReadout(readout(body, { host: "通州区", url: "https://www.bjyq.gov.cn/a/1.html" }));
    expect(x.meeting.host).toBe("怀柔区");
  });

  it("a curated chair of the meeting's level gives its seat when nothing else does", () => {
    const body = `3月31日下午，市委召开点评会。甲单位、乙单位依次发言，并接受市委书记蔡奇现场点评。`;
    expect(extractReadout(readout(body)).meeting.host).toBe("北京市");
    const district = `3月31日下午，区委召开点评会。甲镇、乙镇依次发言，区委书记蔡奇现场点评。`;
    expect(extractReadout(readout(district)).meeting.host).toBeNull();
  });

  it("knows the sites of Beijing's districts and reads a site's own name", () => {
    expect(siteLocality("https://www.bjhr.gov.cn/ywdt/x.html")).toBe("怀柔区");
    expect(siteLocality("http://bjtzh.gov.cn/")).toBe("通州区");
    expect(siteLocality("https://example.org/")).toBeNull();
    expect(siteLocality("not a url", "北京市怀柔区人民政府")).toBe("怀柔区");
    expect(siteLocality("", "宁波市人民政府")).toBe("宁波市");
  });
});
