import { parseThemeLexicon, shippedThemeLexicon } from "../theme/theme.catalog";
import { ThemeTagger } from "./themes";

const FIXED_TOP_LEVEL = [
  "party-building",
  "economic-development",
  "business-environment",
  "regional-coordination",
  "public-finance",
  "planning-land",
  "housing-construction",
  "urban-management",
  "state-assets",
  "science-innovation",
  "citizen-hotline",
  "education",
  "public-safety",
  "epidemic-control",
  "ecology-environment",
  "livelihood",
  "culture-civility",
  "transport",
  "major-events",
];

describe("shipped theme lexicon", () => {
  const lexicon = shippedThemeLexicon();

  it("keeps exactly the fixed top-level ids and puts every child under one of them", () => {
    expect(lexicon.themes.map((t) => t.id).sort()).toEqual([...FIXED_TOP_LEVEL].sort());
    expect(lexicon.children.length).toBeGreaterThan(0);
    for (const child of lexicon.children) expect(FIXED_TOP_LEVEL).toContain(child.parent);
  });
});

describe("ThemeTagger", () => {
  const tagger = new ThemeTagger(shippedThemeLexicon());

  it.each([
    ["全面从严治党", "party-building", "keyword:全面从严治党"],
    ["干部监督管理", "party-building", "keyword:干部监督"],
    ["执行“三重一大”制度", "party-building", "keyword:三重一大"],
    ["民生领域投入", "livelihood", "keyword:民生"],
    ["推进京津冀协同发展", "regional-coordination", "keyword:协同发展"],
    ["棚改完成进度慢", "housing-construction", "keyword:棚改"],
    ["村级干部队伍建设", "party-building", "keyword:干部队伍"],
  ])("tags %s with %s first, saying why", (text, first, reason) => {
    const tags = tagger.tag(text);
    expect(tags.themes[0]).toBe(first);
    expect(tags.reasons[first]).toBe(reason);
  });

  it("fires rules beyond single keywords and records them", () => {
    const tags = tagger.tag("党员教育管理薄弱");
    expect(tags.themes[0]).toBe("party-building");
    expect(tags.reasons["party-building"]).toMatch(/^rule:/);
  });

  it("lets the longest keyword win where keywords overlap", () => {
    const tags = tagger.tag("优化营商环境");
    expect(tags.themes).toEqual(["business-environment"]);
  });

  it("keeps themes top-level and gives child themes as subthemes", () => {
    const tags = tagger.tag("推进城市更新");
    expect(tags.themes).toEqual(["urban-management"]);
    expect(tags.subthemes).toEqual(["urban-renewal"]);
    expect(tags.reasons["urban-renewal"]).toBe("keyword:城市更新");
  });

  it("adds a meeting context theme after the text's own themes", () => {
    expect(tagger.tag("历史遗留问题处置较慢").themes).toEqual([]);
    const soe = tagger.tag("历史遗留问题处置较慢", "soes");
    expect(soe.themes).toEqual(["state-assets"]);
    expect(soe.reasons["state-assets"]).toMatch(/^context:/);
    expect(tagger.tag("安全生产", "soes").themes).toEqual(["public-safety", "state-assets"]);
  });

  it("gives nothing for text without a theme", () => {
    expect(tagger.tag("天气晴朗")).toEqual({ themes: [], subthemes: [], reasons: {} });
  });
});

describe("parseThemeLexicon", () => {
  const top = { id: "a", zh: "甲", en: "A", keywords: ["甲"] };

  it("refuses a child without a top-level parent, duplicate ids and rules on unknown themes", () => {
    expect(() => parseThemeLexicon({ themes: [top], children: [{ ...top, id: "c", parent: "x" }] })).toThrow(/parent/);
    expect(() => parseThemeLexicon({ themes: [top, top] })).toThrow(/duplicate/);
    expect(() => parseThemeLexicon({ themes: [top], rules: [{ theme: "zz", all: [["甲"]] }] })).toThrow(/rule/);
    expect(() => parseThemeLexicon({ nothing: true })).toThrow(/themes/);
  });

  it("tags with a lexicon it is given", () => {
    const lexicon = parseThemeLexicon({
      themes: [top, { id: "b", zh: "乙", en: "B", keywords: ["乙丙"] }],
      rules: [{ theme: "a", all: [["丁"], ["戊"]], reason: "丁+戊" }],
    });
    const tagger = new ThemeTagger(lexicon);
    expect(tagger.tag("乙丙甲").themes).toEqual(["b", "a"]);
    expect(tagger.tag("丁戊").reasons).toEqual({ a: "rule:丁+戊" });
  });
});
