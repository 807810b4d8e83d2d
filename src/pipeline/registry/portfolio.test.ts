import { isKnownTheme } from "../../model/theme.catalog";
import { DepartmentKind } from "../../model/department-kind";
import { curatedDepartments, findCuratedDepartment, parseDepartmentSeed } from "./department.registry";
import { PORTFOLIO_NAME_PARTS, portfolioFromName, portfolioOf, subjectPortfolio } from "./portfolio";

const curatedPortfolio = (name: string) => {
  const entry = findCuratedDepartment(name);
  if (!entry) throw new Error(`${name} is not curated`);
  return portfolioOf(entry);
};

describe("curated portfolios (seed/departments.json)", () => {
  it("assigns their own field to the bodies that have one", () => {
    expect(curatedPortfolio("市文化和旅游局")).toEqual(["culture-civility"]);
    expect(curatedPortfolio("市科委")).toEqual(["science-innovation"]);
    expect(curatedPortfolio("市教委")).toEqual(["education"]);
    expect(curatedPortfolio("市纪委市监委")).toEqual(["pb-discipline"]);
    expect(curatedPortfolio("北京公交集团")[0]).toBe("state-assets");
  });

  it("assigns no theme to a district, whose readouts range over every field", () => {
    const districts = curatedDepartments().filter((d) => d.kind === DepartmentKind.DISTRICT);
    expect(districts.length).toBeGreaterThanOrEqual(16);
    for (const d of districts) expect({ id: d.id, themes: portfolioOf(d) }).toEqual({ id: d.id, themes: [] });
  });

  it("names only themes of the scheme, in the seed and in the name table", () => {
    for (const d of curatedDepartments()) {
      // Every shipped entry says its portfolio: a body added without one is a decision left unmade.
      expect({ id: d.id, assigned: Array.isArray(d.assignedThemes) }).toEqual({ id: d.id, assigned: true });
      for (const t of portfolioOf(d))
        expect({ id: d.id, theme: t, known: isKnownTheme(t) }).toMatchObject({ known: true });
    }
    for (const [, themes] of PORTFOLIO_NAME_PARTS)
      for (const t of themes) expect({ t, known: isKnownTheme(t) }).toEqual({ t, known: true });
  });

  it("reads the portfolio of a curated entry without the key from its name", () => {
    const seed = parseDepartmentSeed({
      departments: [
        { id: "x-bureau", name: "市甲生态环境局", fullName: "甲", nameEn: null, aliases: [], kind: "other" },
      ],
    });
    expect(seed.entries[0].assignedThemes).toBeUndefined();
    expect(portfolioOf(seed.entries[0])).toEqual(["ecology-environment"]);
    expect(() =>
      parseDepartmentSeed({
        departments: [
          {
            id: "y",
            name: "乙",
            fullName: "乙",
            nameEn: null,
            aliases: [],
            kind: "other",
            assignedThemes: "education",
          },
        ],
      }),
    ).toThrow(/assignedThemes/);
  });
});

describe("portfolioFromName", () => {
  it.each([
    ["区科委", "science-innovation"],
    ["怀柔区科技和信息化局", "science-innovation"],
    ["宁波市科技局", "science-innovation"],
    ["区教委", "education"],
    ["区委教育工委", "education"],
    ["区教育局", "education"],
    ["区生态环境局", "ecology-environment"],
    ["区农业农村局", "econ-rural"],
    ["区卫健委", "livelihood"],
    ["区卫生健康委员会", "livelihood"],
    ["区住建委", "housing-construction"],
    ["区住房城乡建设委", "housing-construction"],
    ["区文旅局", "culture-civility"],
    ["区文化和旅游局", "culture-civility"],
    ["区公安分局", "public-safety"],
    ["区城市管理委", "urban-management"],
    ["区委组织部", "pb-cadres"],
    ["区纪委区监委", "pb-discipline"],
    ["区经济和信息化局", "econ-industry"],
    ["区营商环境办", "business-environment"],
  ])("%s → %s first", (name, theme) => {
    expect(portfolioFromName(name)[0]).toBe(theme);
  });

  it("gives a locality itself no portfolio", () => {
    for (const name of ["汤河口镇", "大台街道", "长哨营满族乡", "通州区", "宁波市", "南口地区"]) {
      expect({ name, themes: portfolioFromName(name) }).toEqual({ name, themes: [] });
    }
    expect(portfolioFromName("某某", DepartmentKind.DISTRICT)).toEqual([]);
  });

  it("gives nothing for a body whose name names no field", () => {
    expect(portfolioFromName("区政府办")).toEqual([]);
    expect(portfolioFromName("市委研究室")).toEqual([]);
  });

  it("puts state assets first for an enterprise, then its trade", () => {
    expect(portfolioFromName("某某交通投资集团")).toEqual(["state-assets", "transport"]);
    expect(portfolioFromName("某某实业公司")).toEqual(["state-assets"]);
  });
});

describe("subjectPortfolio", () => {
  it("joins the portfolios of the bodies a subject names, each theme once", () => {
    expect(subjectPortfolio("市科委、中关村管委会")).toEqual(["science-innovation"]);
    expect(subjectPortfolio("市文化和旅游局、市科委")).toEqual(["culture-civility", "science-innovation"]);
    expect(subjectPortfolio("石景山区和顺义区")).toEqual([]);
  });

  it("reads uncurated subjects by their names", () => {
    expect(subjectPortfolio("区科委")).toEqual(["science-innovation"]);
    expect(subjectPortfolio("区委宣传部")).toEqual(["pb-theory", "culture-civility"]);
    expect(subjectPortfolio("")).toEqual([]);
  });
});
