import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { seedDir } from "../../platform/paths";
import { DepartmentKind } from "../../model/department-kind";
import {
  curatedDepartments,
  findCuratedDepartment,
  guessDepartmentKind,
  normaliseDepartmentName,
  parseDepartmentSeed,
  resolveDepartment,
  resolveHost,
  ancestorsOf,
  BEIJING_ID,
  resolveSubject,
} from "./department.registry";

const ids = (entries: { id: string }[]) => entries.map((e) => e.id);

describe("normaliseDepartmentName", () => {
  it("ignores script, spacing, quotes, the city prefix and titles", () => {
    expect(normaliseDepartmentName(" 北京市發展和改革委員會 ")).toBe("发展和改革委员会");
    expect(normaliseDepartmentName("市发展改革委")).toBe("发展改革委");
    expect(normaliseDepartmentName("“市发展 改革委”")).toBe("发展改革委");
    expect(normaliseDepartmentName("市发展改革委党组书记")).toBe("发展改革委");
    expect(normaliseDepartmentName("市发展改革委党组（党委）书记")).toBe("发展改革委");
    expect(normaliseDepartmentName("区生态环境局主要负责同志")).toBe("区生态环境局");
    expect(normaliseDepartmentName("门头沟区大台街道工委书记")).toBe("门头沟区大台街道");
    expect(normaliseDepartmentName("石景山区委书记")).toBe("石景山区");
    expect(normaliseDepartmentName("中共北京市委组织部")).toBe(normaliseDepartmentName("市委组织部"));
  });

  it("keeps party bodies whose names end in 工委", () => {
    expect(normaliseDepartmentName("市直机关工委")).toBe("直机关工委");
    expect(normaliseDepartmentName("市委教育工委")).toBe("委教育工委");
  });
});

describe("resolveDepartment: curated entries", () => {
  it.each([
    [
      "development-reform-commission",
      ["市发改委", "市发展改革委", "北京市发展和改革委员会", "北京市發展和改革委員會", "发展改革委"],
    ],
    ["shijingshan-district", ["石景山", "石景山区", "石景山區", "北京市石景山区", "石景山区委"]],
    ["state-owned-assets-commission", ["市国资委", "北京市人民政府国有资产监督管理委员会", "市國資委", "市国资委党委"]],
    ["finance-bureau", ["市财政局", "北京市财政局", "市財政局", "Beijing Municipal Finance Bureau"]],
    ["planning-natural-resources-commission", ["市规划自然资源委", "市规自委", "北京市规划和自然资源委员会"]],
    ["housing-urban-rural-development-commission", ["市住房城乡建设委", "市住建委", "北京市住房和城鄉建設委員會"]],
    ["economic-technological-development-area", ["北京经济技术开发区", "经开区", "北京经开区", "亦庄", "經開區"]],
    ["market-regulation-administration", ["市市场监管局", "市场监管局", "北京市市场监督管理局"]],
    ["citizen-hotline-service-center", ["12345市民服务热线", "市民热线服务中心", "北京市民热线服务中心"]],
    ["civil-affairs-bureau", ["市民政局", "市委社会工委市民政局"]],
    ["science-technology-commission", ["市科委", "北京市科学技术委员会"]],
    ["zhongguancun-administrative-commission", ["中关村管委会", "中关村科技园区管理委员会"]],
    ["shougang-group", ["首钢集团", "首钢", "首钢集团有限公司"]],
  ])("%s", (id, surfaces) => {
    for (const surface of surfaces) {
      const entry = resolveDepartment(surface);
      expect({ surface, id: entry.id, curated: entry.curated }).toEqual({ surface, id, curated: true });
    }
  });

  it("returns the curated labels, not the surface form", () => {
    const entry = resolveDepartment("北京市發展和改革委員會");
    expect(entry).toMatchObject({
      name: "市发展改革委",
      fullName: "北京市发展和改革委员会",
      nameEn: "Beijing Municipal Commission of Development and Reform",
      kind: DepartmentKind.MUNICIPAL_DEPARTMENT,
    });
    expect(entry.aliases).toContain("市发改委");
    expect(resolveDepartment("石景山")).toMatchObject({ name: "石景山区", kind: DepartmentKind.DISTRICT });
  });

  it("keeps 区生态环境局 apart from the municipal 市生态环境局", () => {
    expect(resolveDepartment("市生态环境局").id).toBe("ecology-environment-bureau");
    expect(resolveDepartment("区生态环境局").id).not.toBe("ecology-environment-bureau");
  });
});

describe("resolveDepartment: names not in the curated list", () => {
  it("makes a stable uncurated entry with a hash id and a guessed kind", () => {
    const entry = resolveDepartment(" 汤河口镇 ");
    const hash = createHash("sha256").update("汤河口镇", "utf8").digest("hex").slice(0, 10);
    expect(entry).toEqual({
      id: `dept-${hash}`,
      name: "汤河口镇",
      fullName: "汤河口镇",
      nameEn: null,
      aliases: [],
      kind: DepartmentKind.TOWN,
      curated: false,
      parentId: null,
    });
    expect(resolveDepartment("汤河口镇").id).toBe(entry.id);
    expect(resolveDepartment("汤河口镇党委书记").id).toBe(entry.id);
    expect(resolveDepartment("琉璃庙镇").id).not.toBe(entry.id);
  });

  it("gives both scripts of a name one id and keeps the published script in the name", () => {
    const simplified = resolveDepartment("长哨营满族乡");
    const traditional = resolveDepartment("長哨營滿族鄉");
    expect(traditional.id).toBe(simplified.id);
    expect(traditional.name).toBe("長哨營滿族鄉");
    expect(traditional.kind).toBe(DepartmentKind.TOWN);
  });

  it("drops titles from the published name", () => {
    expect(resolveDepartment("门头沟区大台街道工委书记").name).toBe("门头沟区大台街道");
    expect(resolveDepartment("区农业农村局主要负责同志").name).toBe("区农业农村局");
  });

  it.each([
    ["长哨营满族乡", DepartmentKind.TOWN],
    ["喇叭沟门满族乡", DepartmentKind.TOWN],
    ["宁波市", DepartmentKind.CITY],
    ["武川县", DepartmentKind.COUNTY],
    ["县委组织部", DepartmentKind.DISTRICT_DEPARTMENT],
    ["门头沟区大台街道", DepartmentKind.STREET],
    ["区生态环境局", DepartmentKind.DISTRICT_DEPARTMENT],
    ["区农业农村局", DepartmentKind.DISTRICT_DEPARTMENT],
    ["区委组织部", DepartmentKind.DISTRICT_DEPARTMENT],
    ["北京市朝阳区城市管理委", DepartmentKind.DISTRICT_DEPARTMENT],
    ["雄安新区", DepartmentKind.DISTRICT],
    ["北京某某发展集团", DepartmentKind.ENTERPRISE],
    ["某某科技有限公司", DepartmentKind.ENTERPRISE],
    ["市新设委", DepartmentKind.MUNICIPAL_DEPARTMENT],
    ["市某某局", DepartmentKind.MUNICIPAL_DEPARTMENT],
    ["市某某办", DepartmentKind.MUNICIPAL_DEPARTMENT],
    ["某某研究会", DepartmentKind.OTHER],
  ])("guesses the kind of %s", (name, kind) => {
    expect(guessDepartmentKind(name)).toBe(kind);
    expect(resolveDepartment(name)).toMatchObject({ kind, curated: false });
  });

  it("qualifies a district's own bureaus with the district hosting the meeting", () => {
    const huairou = resolveDepartment("区生态环境局", { host: "怀柔" });
    expect(huairou).toMatchObject({
      name: "怀柔区生态环境局",
      fullName: "怀柔区生态环境局",
      aliases: ["区生态环境局"],
      kind: DepartmentKind.DISTRICT_DEPARTMENT,
      curated: false,
      parentId: "huairou-district",
    });
    expect(resolveDepartment("怀柔区生态环境局").id).toBe(huairou.id);
    expect(resolveDepartment("區生態環境局", { host: "懷柔區" }).id).toBe(huairou.id);
    expect(resolveDepartment("区生态环境局", { host: "顺义区" }).id).not.toBe(huairou.id);
  });
  it("refuses an empty name", () => {
    expect(() => resolveDepartment(" 、 ")).toThrow(RangeError);
  });
});

describe("resolveSubject", () => {
  it("splits bodies commented on together", () => {
    expect(ids(resolveSubject("市科委、中关村管委会"))).toEqual([
      "science-technology-commission",
      "zhongguancun-administrative-commission",
    ]);
    expect(ids(resolveSubject("石景山区和顺义区"))).toEqual(["shijingshan-district", "shunyi-district"]);
    expect(ids(resolveSubject("汤河口镇、琉璃庙镇"))).toEqual([
      resolveDepartment("汤河口镇").id,
      resolveDepartment("琉璃庙镇").id,
    ]);
  });

  it("names each body once", () => {
    expect(ids(resolveSubject("石景山、石景山区"))).toEqual(["shijingshan-district"]);
  });

  it("keeps names that contain 和 or 、 whole", () => {
    expect(ids(resolveSubject("市文化和旅游局"))).toEqual(["culture-tourism-bureau"]);
    expect(ids(resolveSubject("中共北京市纪律检查委员会、北京市监察委员会"))).toEqual([
      "discipline-inspection-supervision-commission",
    ]);
    const street = resolveSubject("东城区和平里街道");
    expect(street).toHaveLength(1);
    expect(street[0]).toMatchObject({ name: "东城区和平里街道", kind: DepartmentKind.STREET });
    expect(resolveSubject("区文化和旅游局")).toHaveLength(1);
  });

  it("does not split when a part is not a body", () => {
    const entries = resolveSubject("市发展改革委、有关方面");
    expect(entries).toHaveLength(1);
    expect(entries[0].curated).toBe(false);
  });

  it("returns one entry for a single subject", () => {
    expect(ids(resolveSubject("市发展改革委"))).toEqual(["development-reform-commission"]);
    expect(ids(resolveSubject("区生态环境局", { host: "怀柔区" }))).toEqual([resolveDepartment("怀柔区生态环境局").id]);
  });
});

describe("bodies scoped to the meeting's host", () => {
  const tongzhou = { host: "通州区" };
  const huairou = { host: "怀柔区" };

  it("makes two districts' 区科委 two bodies, each named in full under its district", () => {
    const a = resolveDepartment("区科委", tongzhou);
    const b = resolveDepartment("区科委", huairou);
    expect(a.id).not.toBe(b.id);
    expect(a).toMatchObject({ name: "通州区科委", aliases: ["区科委"], parentId: "tongzhou-district" });
    expect(b).toMatchObject({ name: "怀柔区科委", parentId: "huairou-district" });
    expect(a.kind).toBe(DepartmentKind.DISTRICT_DEPARTMENT);
  });

  it("gives one district's body one id at every meeting and in every written form", () => {
    const id = resolveDepartment("区科委", tongzhou).id;
    expect(resolveDepartment("区科委党组书记", tongzhou).id).toBe(id);
    expect(resolveDepartment("通州区科委", tongzhou).id).toBe(id);
    expect(resolveDepartment("通州区科委").id).toBe(id);
    expect(resolveDepartment("區科委", { host: "通州" }).id).toBe(id);
  });

  it("keeps a party committee's working body whole", () => {
    expect(resolveDepartment("区委教育工委", tongzhou)).toMatchObject({
      name: "通州区委教育工委",
      kind: DepartmentKind.DISTRICT_DEPARTMENT,
      parentId: "tongzhou-district",
    });
  });

  it("puts a district's towns and streets under it, keeping their own names", () => {
    const town = resolveDepartment("宋庄镇", tongzhou);
    expect(town).toMatchObject({
      name: "宋庄镇",
      fullName: "通州区宋庄镇",
      kind: DepartmentKind.TOWN,
      parentId: "tongzhou-district",
    });
    expect(resolveDepartment("宋庄镇党委书记", tongzhou).id).toBe(town.id);
    expect(resolveDepartment("宋庄镇", huairou).id).not.toBe(town.id);
    expect(resolveDepartment("中仓街道", tongzhou)).toMatchObject({ kind: DepartmentKind.STREET });
  });

  it("keeps names that say whose they are: Beijing's own bodies and the curated districts", () => {
    expect(resolveDepartment("市科委", tongzhou).id).toBe("science-technology-commission");
    expect(resolveDepartment("通州区", tongzhou).id).toBe("tongzhou-district");
    expect(resolveDepartment("区委", tongzhou).id).toBe("tongzhou-district");
  });

  it("never resolves another city's bodies to Beijing's", () => {
    const ningbo = { host: "宁波市" };
    const office = resolveDepartment("市台办", ningbo);
    expect(office.curated).toBe(false);
    expect(office).toMatchObject({ name: "宁波市台办", parentId: resolveHost("宁波市").id });
    expect(resolveDepartment("市公安局", ningbo).id).not.toBe(resolveDepartment("市公安局").id);
    expect(resolveDepartment("县委办", { host: "武川县" })).toMatchObject({ name: "武川县委办" });
  });

  it("resolves the hosts: Beijing and its districts curated, other localities by name", () => {
    expect(resolveHost("北京市").id).toBe(BEIJING_ID);
    expect(resolveHost("通州区")).toMatchObject({ id: "tongzhou-district", parentId: BEIJING_ID });
    expect(resolveHost("宁波市")).toMatchObject({ name: "宁波市", kind: DepartmentKind.CITY, curated: false });
  });

  it("lists a body's ancestors nearest first", () => {
    const entry = resolveDepartment("区科委", tongzhou);
    expect(ids(ancestorsOf(entry, tongzhou))).toEqual(["tongzhou-district", BEIJING_ID]);
    expect(ids(ancestorsOf(resolveDepartment("市台办", { host: "宁波市" }), { host: "宁波市" }))).toEqual([
      resolveHost("宁波市").id,
    ]);
  });

  it("splits bodies of a district commented on together", () => {
    expect(resolveSubject("区科委、区经信局", tongzhou).map((e) => e.name)).toEqual(["通州区科委", "通州区经信局"]);
  });

  it("resolves city-level subjects at the city's meetings as before", () => {
    expect(ids(resolveSubject("市发展改革委", { host: "北京市" }))).toEqual(["development-reform-commission"]);
    expect(resolveDepartment("市新设委", { host: "北京市" }).parentId).toBe(BEIJING_ID);
    expect(resolveDepartment("石景山区民政局").parentId).toBe("shijingshan-district");
  });
});

describe("the shipped seed/departments.json", () => {
  const entries = curatedDepartments();

  it("loads, with unique ids and every entry curated", () => {
    expect(entries.length).toBeGreaterThan(80);
    expect(new Set(ids([...entries])).size).toBe(entries.length);
    for (const entry of entries) {
      expect(entry.curated).toBe(true);
      expect(Object.values(DepartmentKind)).toContain(entry.kind);
      expect(entry.id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
    }
  });

  it("resolves every name, full name and alias of an entry to that entry", () => {
    for (const entry of entries) {
      for (const surface of [entry.name, entry.fullName, ...entry.aliases]) {
        expect({ surface, id: findCuratedDepartment(surface)?.id }).toEqual({ surface, id: entry.id });
      }
    }
  });

  it("covers the 16 districts and the development area, each with its short form", () => {
    const districts = entries.filter((e) => e.kind === DepartmentKind.DISTRICT);
    expect(districts).toHaveLength(17);
    for (const d of districts.filter((e) => e.name.endsWith("区") && e.id.endsWith("-district"))) {
      expect(resolveDepartment(d.name.slice(0, -1)).id).toBe(d.id);
    }
  });

  it("uses no theme id as a department id", () => {
    const themeIds = new Set<string>();
    const collect = (node: unknown): void => {
      if (Array.isArray(node)) node.forEach(collect);
      else if (typeof node === "object" && node !== null) {
        for (const [key, value] of Object.entries(node)) {
          if (key === "id" && typeof value === "string") themeIds.add(value);
          else collect(value);
        }
      }
    };
    collect(JSON.parse(readFileSync(join(seedDir, "themes.json"), "utf8")));
    expect(themeIds.size).toBeGreaterThan(10);
    expect(ids([...entries]).filter((id) => themeIds.has(id))).toEqual([]);
  });
});

describe("parseDepartmentSeed", () => {
  const entry = (id: string, name: string, aliases: string[] = []) => ({
    id,
    name,
    fullName: name,
    nameEn: null,
    aliases,
    kind: "municipal-department",
  });

  it("rejects duplicate ids", () => {
    expect(() => parseDepartmentSeed({ departments: [entry("a", "市甲局"), entry("a", "市乙局")] }, "test")).toThrow(
      'test: duplicate department id "a"',
    );
  });

  it("rejects a surface form that two entries claim, even in another script or prefix", () => {
    expect(() =>
      parseDepartmentSeed({ departments: [entry("a", "市甲局", ["市丙局"]), entry("b", "北京市丙局")] }, "test"),
    ).toThrow(/"北京市丙局" of "b" normalises to "丙局", which "a" already claims/);
    expect(() => parseDepartmentSeed({ departments: [entry("a", "市國資委"), entry("b", "市国资委")] }, "t")).toThrow(
      /already claims/,
    );
  });

  it("rejects unknown kinds, reserved ids and malformed files", () => {
    expect(() => parseDepartmentSeed({ departments: [{ ...entry("a", "市甲局"), kind: "ministry" }] })).toThrow(
      /not a department kind/,
    );
    expect(() => parseDepartmentSeed({ departments: [entry("dept-0123456789", "市甲局")] })).toThrow(/must not start/);
    expect(() => parseDepartmentSeed({ departments: [entry("Bad Id", "市甲局")] })).toThrow(/slug/);
    expect(() => parseDepartmentSeed([])).toThrow(/"departments" array/);
  });

  it("accepts an entry that lists the same surface twice", () => {
    const seed = parseDepartmentSeed({ departments: [entry("a", "市甲局", ["北京市甲局", "甲局"])] });
    expect(seed.byKey.get("甲局")?.id).toBe("a");
  });
});
