import { parseThemeLexicon, shippedThemeLexicon } from "../../model/theme.catalog";
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

describe("ThemeTagger on the genre's wider vocabulary", () => {
  const tagger = new ThemeTagger(shippedThemeLexicon());

  // Several phrasings per meaning: the way readouts name a field, not one sentence of one readout.
  const meanings: Array<[meaning: string, theme: string, phrases: string[]]> = [
    [
      "discipline and conduct",
      "party-building",
      [
        "纪律作风不够严实",
        "工作作风有待转变",
        "廉洁自律意识不强",
        "违规吃喝问题时有发生",
        "慢作为、不作为问题依然存在",
        "为基层减负成效不明显",
        "警示教育针对性不强",
        "以案促改不够深入",
      ],
    ],
    [
      "supervision of how power is used",
      "party-building",
      [
        "权力运行监督制约不够有力",
        "对权力集中部门和岗位的监督",
        "日常监督不够有效",
        "小微权力监管",
        "派驻监督作用发挥不充分",
      ],
    ],
    [
      "political leadership and study",
      "party-building",
      [
        "政治站位不够高",
        "政治判断力、政治领悟力、政治执行力有待提高",
        "理论武装不够深入",
        "学习贯彻习近平新时代中国特色社会主义思想不够深入",
        "中心组学习质量不高",
        "贯彻落实党中央决策部署不够坚决",
      ],
    ],
    [
      "party organisations and responsibility",
      "party-building",
      ["党支部标准化规范化建设", "基层党组织战斗堡垒作用发挥不够", "党员先锋模范作用发挥不充分", "一岗双责落实不到位"],
    ],
    [
      "the level, quality and new drivers of development",
      "economic-development",
      [
        "发展质量和效益不高",
        "发展后劲不足",
        "新旧动能转换较慢",
        "新质生产力培育",
        "新的经济增长点不多",
        "区域经济活力不足",
        "规上企业数量偏少",
        "推动高质量发展",
      ],
    ],
    [
      "governance of the city",
      "urban-management",
      ["城市治理水平有待提升", "城区治理精细化程度不高", "城市环境秩序有待提升", "开墙打洞问题整治"],
    ],
    [
      "governance of countryside and communities",
      "citizen-hotline",
      ["乡村治理体系不健全", "农村基层治理", "村级治理", "社区建设基础薄弱", "信访积案化解"],
    ],
    ["campaigns of rectification", "urban-management", ["专项整治不彻底", "集中整治效果不持久", "占道经营问题反弹"]],
    [
      "heritage and old-town protection",
      "culture-civility",
      ["老城整体保护", "历史文化名城保护", "文物活化利用不够", "胡同四合院保护修缮", "古城风貌保护", "传统村落保护"],
    ],
  ];

  it.each(meanings)("%s: every phrasing is %s first, with the word or rule that gave it", (_, theme, phrases) => {
    for (const phrase of phrases) {
      const tags = tagger.tag(phrase);
      expect({ phrase, first: tags.themes[0] }).toEqual({ phrase, first: theme });
      expect(tags.reasons[theme]).toMatch(/^(keyword|rule):./);
    }
  });

  it.each([
    ["“疏整促”专项行动", "regional-coordination"],
    ["优化提升首都功能", "regional-coordination"],
    ["申请式退租推进较慢", "housing-construction"],
    ["数字政府建设", "business-environment"],
    ["韧性城市建设", "public-safety"],
    ["适老化改造", "livelihood"],
    ["和美乡村建设", "economic-development"],
  ])("reads the genre's shorthand %s as %s", (phrase, theme) => {
    expect(tagger.tag(phrase).themes[0]).toBe(theme);
  });

  it("does not read the supervision of markets, audit or safety as party building", () => {
    for (const phrase of ["食品安全日常监督抽检", "审计监督全覆盖", "安全生产监督", "市场监督检查", "社会监督员制度"]) {
      expect({ phrase, themes: tagger.tag(phrase).themes }).not.toEqual({
        phrase,
        themes: expect.arrayContaining(["party-building"]),
      });
    }
  });

  it("lets a field's own word win over the generic words of development", () => {
    expect(tagger.tag("推动教育高质量发展").themes[0]).toBe("education");
    expect(tagger.tag("文旅高质量发展").themes[0]).toBe("culture-civility");
    expect(tagger.tag("国企高质量发展").themes[0]).toBe("state-assets");
    expect(tagger.tag("发展党员质量不高").themes).toEqual(["party-building"]);
  });

  it("reads 创新 as science only when it is not about work methods or institutions", () => {
    expect(tagger.tag("创新生态不够完善").themes[0]).toBe("science-innovation");
    expect(tagger.tag("体制机制创新不足").themes).toEqual([]);
    expect(tagger.tag("改革创新意识不强").themes).toEqual([]);
  });

  it("keeps a campaign of rectification in its own field when it names one", () => {
    expect(tagger.tag("四风专项整治").themes).toEqual(["party-building"]);
    expect(tagger.tag("“两违”整治").themes[0]).toBe("planning-land");
    expect(tagger.tag("安全隐患排查整治").themes).toEqual(["public-safety"]);
    expect(tagger.tag("违法用地整治").themes).toEqual(["planning-land"]);
    expect(tagger.tag("疏解整治促提升").themes).toEqual(["regional-coordination"]);
  });
});

describe("ThemeTagger with a portfolio", () => {
  const tagger = new ThemeTagger(shippedThemeLexicon());
  const culture = { subject: "市甲局", themes: ["culture-civility"] };
  const science = { subject: "区乙委", themes: ["science-innovation"] };

  it("gives the portfolio's themes, with its reason, when the words give none", () => {
    const tags = tagger.tag("政策落地见效不够", undefined, culture);
    expect(tags).toEqual({
      themes: ["culture-civility"],
      subthemes: [],
      reasons: { "culture-civility": "portfolio:市甲局" },
    });
    const rural = tagger.tag("任务推进不快", undefined, { subject: "区丙局", themes: ["econ-rural"] });
    expect(rural.themes).toEqual(["economic-development"]);
    expect(rural.subthemes).toEqual(["econ-rural"]);
    expect(rural.reasons["economic-development"]).toBe("portfolio:区丙局");
  });

  it("adds nothing where the words give a theme", () => {
    expect(tagger.tag("安全生产", undefined, culture).themes).toEqual(["public-safety"]);
  });

  it("breaks a tie at the top score, and only a tie", () => {
    expect(tagger.tag("文化和科技融合不够").themes[0]).toBe("culture-civility");
    expect(tagger.tag("文化和科技融合不够", undefined, science).themes).toEqual([
      "science-innovation",
      "culture-civility",
    ]);
    expect(tagger.tag("文化和科技融合不够", undefined, science).reasons["science-innovation"]).toBe("keyword:科技");
    expect(tagger.tag("科技创新与文化融合", undefined, culture).themes[0]).toBe("science-innovation");
  });

  it("comes before a meeting context, which still follows", () => {
    const tags = tagger.tag("历史遗留问题处置较慢", "soes", { subject: "某集团", themes: ["transport"] });
    expect(tags.themes).toEqual(["transport", "state-assets"]);
    expect(tags.reasons["state-assets"]).toMatch(/^context:/);
  });

  it("gives nothing for a portfolio that is empty or names no theme", () => {
    expect(tagger.tag("政策落地见效不够", undefined, { subject: "通州区", themes: [] }).themes).toEqual([]);
    expect(tagger.tag("政策落地见效不够", undefined, { subject: "x", themes: ["no-such-theme"] }).themes).toEqual([]);
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

  it("fires a fallback rule only where nothing else gives a theme", () => {
    const tagger = new ThemeTagger(
      parseThemeLexicon({
        themes: [top, { id: "b", zh: "乙", en: "B", keywords: ["乙"] }],
        rules: [{ theme: "b", all: [["丙"]], reason: "丙", weight: 1, fallback: true }],
      }),
    );
    expect(tagger.tag("丙").reasons).toEqual({ b: "rule:丙" });
    expect(tagger.tag("甲丙").themes).toEqual(["a"]);
  });
});
