import { Database } from "../src/platform/db/neo4j";
import { ingestReadoutText } from "../src/pipeline/ingest/ingest.service";
import { RunningServer } from "../src/server/app";
import { resetGraph, testDatabase } from "./support/graph";
import { ingestAll, readoutText } from "./support/readouts";
import { gql, testServer } from "./support/server";

// Five meetings: 2021-06-30 districts (石景山区, 顺义区), 2022-01-28 districts (石景山区, 顺义区,
// 大兴区), the seed 2022-03-31 (five municipal departments), 2022-05-31 (市发展改革委, 市财政局, in
// traditional script) and 2022-06-30 districts (顺义区, 大兴区) whose first directive names 石景山区.
// They are ingested out of date order (seed first, the 2022-06-30 follow-up last), as feeds arrive.
// Every expected answer below was worked out by hand from the five texts.

let db: Database;
let server: RunningServer;

beforeAll(async () => {
  db = testDatabase();
  await resetGraph(db);
  await ingestAll(db);
  await ingestReadoutText(db, readoutText("2022-06-30-districts-followup"));
  server = await testServer(db);
});

afterAll(async () => {
  await server.close();
  await db.close();
});

const query = async (q: string) => {
  const res = await gql(server, q);
  expect(res.errors).toBeUndefined();
  return res.data!;
};

describe("themeMatrix", () => {
  it("counts each department's items per top-level theme, and its totals", async () => {
    const { themeMatrix } = await query(`{ themeMatrix {
      themes { id }
      rows { department { name } achievements shortcomings directives cells { theme { id } achievements shortcomings directives } }
    } }`);
    expect(themeMatrix.themes).toHaveLength(19);
    expect(themeMatrix.themes[0].id).toBe("party-building");
    const row = (name: string) => themeMatrix.rows.find((r: any) => r.department.name === name);
    const cell = (name: string, theme: string) => {
      const r = row(name);
      return r.cells[themeMatrix.themes.findIndex((t: any) => t.id === theme)];
    };
    // 石景山区: 4 achievements, 4 shortcomings (2021, 2022-01), one directive naming it (2022-06-30).
    expect(row("石景山区")).toMatchObject({ achievements: 4, shortcomings: 4, directives: 1 });
    expect(cell("石景山区", "party-building")).toMatchObject({ shortcomings: 2, directives: 0 });
    expect(cell("石景山区", "urban-management")).toMatchObject({ shortcomings: 2, directives: 1 });
    // 背街小巷环境整治 is the city's management, not its ecology.
    expect(cell("石景山区", "ecology-environment")).toMatchObject({ shortcomings: 0, directives: 0 });
    // 市财政局: 3 + 2 achievements, all about public finance; 干部监督管理 and 幹部監督管理.
    expect(cell("市财政局", "public-finance")).toMatchObject({ achievements: 5, shortcomings: 2 });
    expect(cell("市财政局", "party-building")).toMatchObject({ achievements: 0, shortcomings: 2 });
    expect(row("市财政局")).toMatchObject({ achievements: 5, shortcomings: 5 });
    // Most shortcomings first: 顺义区 has six (2 + 2 + 2).
    expect(themeMatrix.rows[0].department.name).toBe("顺义区");
  });

  it("filters by window and department kind", async () => {
    const { districts, y2021 } = await query(`{
      districts: themeMatrix(kind: DISTRICT) { rows { department { name } } }
      y2021: themeMatrix(from: "2021-01-01", to: "2021-12-31") { rows { department { name } shortcomings } }
    }`);
    expect(districts.rows.map((r: any) => r.department.name).sort()).toEqual(["大兴区", "石景山区", "顺义区"].sort());
    expect(y2021.rows.map((r: any) => [r.department.name, r.shortcomings]).sort()).toEqual([
      ["石景山区", 2],
      ["顺义区", 2],
    ]);
  });
});

describe("similarDepartments", () => {
  it("ranks departments by the Jaccard overlap of their shortcoming themes", async () => {
    const { similarDepartments } = await query(
      `{ similarDepartments(id: "shijingshan-district", first: 4) { department { name } score sharedThemes { id } } }`,
    );
    // 石景山区 {party-building, pb-responsibility, urban-management, urban-fine-management,
    // urban-renewal}; 市住房城乡建设委 shares 3 of 8; 市国资委 2 of 6; 顺义区 3 of 10; 市发展改革委 2 of 7.
    expect(similarDepartments.map((s: any) => [s.department.name, s.score])).toEqual([
      ["市住房城乡建设委", 3 / 8],
      ["市国资委", 2 / 6],
      ["顺义区", 3 / 10],
      ["市发展改革委", 2 / 7],
    ]);
    expect(similarDepartments[0].sharedThemes.map((t: any) => t.id).sort()).toEqual(
      ["party-building", "urban-management", "urban-renewal"].sort(),
    );
  });

  it("returns nothing for a department never flagged, and NOT_FOUND for an id that names none", async () => {
    const { departments } = await query(
      `{ departments(first: 100) { nodes { id shortcomings(first: 0) { totalCount } } } }`,
    );
    const unflagged = departments.nodes.find((d: any) => d.shortcomings.totalCount === 0);
    expect(unflagged).toBeDefined();
    expect((await query(`{ similarDepartments(id: "${unflagged.id}") { score } }`)).similarDepartments).toEqual([]);
    const unknown = await gql(server, `{ similarDepartments(id: "no-such") { score } }`);
    expect(unknown.errors![0].extensions!.code).toBe("NOT_FOUND");
  });
});

describe("directiveCoverage", () => {
  it("counts per theme the shortcomings, the directives that followed, and the gaps left", async () => {
    const { directiveCoverage } = await query(`{ directiveCoverage {
      theme { id } shortcomingCount departmentCount directiveCount coveredShortcomings uncoveredShortcomings lastDirected directed
    } }`);
    const of = (id: string) => directiveCoverage.find((c: any) => c.theme.id === id);
    // Party building: 12 shortcomings of 8 departments; directed at 2021-06-30, 2022-01-28, 2022-03-31;
    // the two of 2022-05-31 and the one of 2022-06-30 came after the last directive.
    expect(of("party-building")).toEqual({
      theme: { id: "party-building" },
      shortcomingCount: 12,
      departmentCount: 8,
      directiveCount: 3,
      coveredShortcomings: 9,
      uncoveredShortcomings: 3,
      lastDirected: "2022-03-31",
      directed: true,
    });
    // Public finance: flagged four times (顺义区 twice, 市财政局 twice), never directed on.
    expect(of("public-finance")).toMatchObject({
      shortcomingCount: 4,
      directiveCount: 0,
      uncoveredShortcomings: 4,
      directed: false,
    });
    // Urban management: every gap followed (2022-03-31 twice, 2022-06-30 once).
    expect(of("urban-management")).toMatchObject({ shortcomingCount: 4, directiveCount: 3, uncoveredShortcomings: 0 });
    expect(directiveCoverage[0].theme.id).toBe("public-finance");
  });

  it("answers the same from the all-time totals as from the year tallies over a window holding everything", async () => {
    const fields =
      "theme { id } shortcomingCount departmentCount directiveCount coveredShortcomings uncoveredShortcomings lastDirected";
    const allTime = await query(`{ directiveCoverage { ${fields} } }`);
    const wide = await query(`{ directiveCoverage(from: "1900-01-01", to: "2100-12-31") { ${fields} } }`);
    expect(allTime.directiveCoverage.length).toBeGreaterThan(5);
    expect(allTime.directiveCoverage).toEqual(wide.directiveCoverage);
    for (const pattern of [
      "recurringShortcomingThemes(minDepartments: 1) { theme { id } departmentCount shortcomingCount meetingCount }",
      "persistentShortcomings(minMeetings: 1) { department { id } theme { id } meetingCount shortcomingCount meetings { id } }",
      "themeMatrix { rows { department { id } achievements shortcomings directives cells { achievements shortcomings directives } } }",
    ]) {
      const [name, rest] = [pattern.slice(0, pattern.search(/[({]/)), pattern.slice(pattern.search(/[({]/))];
      const windowed = rest.startsWith("(")
        ? `${name}(from: "1900-01-01", to: "2100-12-31", ${rest.slice(1)}`
        : `${name}(from: "1900-01-01", to: "2100-12-31") ${rest}`;
      expect((await query(`{ ${pattern} }`))[name]).toEqual((await query(`{ ${windowed} }`))[name]);
    }
  });

  it("limits to the window", async () => {
    const { directiveCoverage } = await query(
      `{ directiveCoverage(from: "2022-05-01", to: "2022-05-31") { theme { id } shortcomingCount directiveCount } }`,
    );
    expect(directiveCoverage.find((c: any) => c.theme.id === "party-building")).toEqual({
      theme: { id: "party-building" },
      shortcomingCount: 2,
      directiveCount: 0,
    });
  });
});

describe("timeline", () => {
  it("counts items per meeting for a theme, oldest first", async () => {
    const { timeline } = await query(
      `{ timeline(themeId: "party-building") { date achievements shortcomings directives } }`,
    );
    expect(timeline.map((p: any) => [p.date, p.achievements, p.shortcomings, p.directives])).toEqual([
      ["2021-06-30", 0, 2, 1],
      ["2022-01-28", 0, 2, 1],
      ["2022-03-31", 1, 5, 1],
      ["2022-05-31", 0, 2, 0],
      ["2022-06-30", 0, 1, 0],
    ]);
  });

  it("follows one department: its reports and the directives addressed to it", async () => {
    const { timeline } = await query(
      `{ timeline(departmentId: "shijingshan-district") { meeting { date } achievements shortcomings directives } }`,
    );
    expect(timeline.map((p: any) => [p.meeting.date, p.achievements, p.shortcomings, p.directives])).toEqual([
      ["2021-06-30", 2, 2, 0],
      ["2022-01-28", 2, 2, 0],
      ["2022-06-30", 0, 0, 1],
    ]);
  });
});

describe("inferred links between directives and shortcomings", () => {
  const linksOf = async (departmentId: string, from: string) => {
    const { shortcomings } =
      await query(`{ shortcomings(departmentId: "${departmentId}", from: "${from}", to: "${from}") { nodes {
      text addressedBy { inferred rules reasons themes { id } directive { text meeting { date } } }
    } } }`);
    return Object.fromEntries(
      shortcomings.nodes.map((s: any) => [
        s.text,
        s.addressedBy.map((l: any) => [l.directive.meeting.date, l.directive.text.slice(0, 12), l.rules.join("+")]),
      ]),
    );
  };

  it("links a gap to the same meeting's directives, the first later follow-up and directives naming its department", async () => {
    expect(await linksOf("shijingshan-district", "2021-06-30")).toEqual({
      // Ingested after the seed, this link first pointed at 2022-03-31; the 2022-01-28 readout,
      // ingested later, became the first follow-up on party building and took it over.
      全面从严治党: [
        ["2021-06-30", "各区要落实全面从严治党主", "SAME_MEETING"],
        ["2022-01-28", "要压紧压实全面从严治党主", "NEXT_MEETING"],
        ["2022-06-30", "石景山区要加快背街小巷环", "NAMES_DEPARTMENT"],
      ],
      推进城市更新: [
        ["2022-03-31", "狠抓基础设施、“高精尖”", "NEXT_MEETING"],
        ["2022-03-31", "要推进文明城区创建，在精", "NEXT_MEETING"],
        ["2022-06-30", "石景山区要加快背街小巷环", "NAMES_DEPARTMENT"],
      ],
    });
  });

  it("says plainly that a link is inferred and why", async () => {
    const { shortcomings } =
      await query(`{ shortcomings(departmentId: "shijingshan-district", from: "2022-01-28", to: "2022-01-28") {
      nodes { text addressedBy { inferred rules reasons themes { id } directive { meeting { date } } } }
    } }`);
    const gap = shortcomings.nodes.find((s: any) => s.text === "背街小巷环境整治不到位");
    const named = gap.addressedBy.find((l: any) => l.rules.includes("NAMES_DEPARTMENT"));
    expect(named).toEqual({
      inferred: true,
      rules: ["NAMES_DEPARTMENT"],
      reasons: ["addressed to 石景山区, whose shortcoming it is"],
      themes: expect.any(Array),
      directive: { meeting: { date: "2022-06-30" } },
    });
    expect(named.themes.map((t: any) => t.id).sort()).toEqual(["urban-fine-management", "urban-management"].sort());
    for (const link of gap.addressedBy) expect(link.inferred).toBe(true);
    expect(
      gap.addressedBy.filter((l: any) => l.rules.includes("NEXT_MEETING")).map((l: any) => l.directive.meeting.date),
    ).toEqual(["2022-03-31", "2022-03-31"]);
  });

  it("shows the same links from the directive's side", async () => {
    const { directives } = await query(`{ directives(departmentId: "shijingshan-district") { nodes {
      text addresses { rules shortcoming { text meeting { date } department { name } } }
    } } }`);
    expect(directives.nodes).toHaveLength(1);
    const links = directives.nodes[0].addresses.map((l: any) => [
      l.shortcoming.meeting.date,
      l.shortcoming.department.name,
      l.shortcoming.text,
      l.rules.join("+"),
    ]);
    expect(links).toEqual([
      ["2022-06-30", "顺义区", "城市更新", "SAME_MEETING"],
      ["2022-03-31", "市住房城乡建设委", "推进城市更新", "NEXT_MEETING"],
      ["2022-01-28", "石景山区", "落实“两个责任”层层递减", "NAMES_DEPARTMENT"],
      ["2022-01-28", "石景山区", "背街小巷环境整治不到位", "NAMES_DEPARTMENT"],
      ["2021-06-30", "石景山区", "全面从严治党", "NAMES_DEPARTMENT"],
      ["2021-06-30", "石景山区", "推进城市更新", "NAMES_DEPARTMENT"],
    ]);
  });

  it("are kept apart from what the texts state", async () => {
    const [row] = await db.read<{ stated: number; inferred: number; flagged: number }>(
      `MATCH ()-[a:ADDRESSES]->() WITH count(a) AS inferred, sum(CASE WHEN a.inferred THEN 1 ELSE 0 END) AS flagged
       MATCH ()-[s:ADDRESSED_TO]->() RETURN inferred, flagged, count(s) AS stated`,
    );
    expect(row.inferred).toBeGreaterThan(0);
    expect(row.flagged).toBe(row.inferred);
    // Only two directives name an addressee in the texts: 12345市民服务热线 and 石景山区.
    expect(row.stated).toBe(2);
  });
});

describe("neighborhood and paths", () => {
  it("returns the typed edges around an entity, one level at a time", async () => {
    const { neighborhood } = await query(`{ neighborhood(id: "shijingshan-district", depth: 1) {
      center { id } truncated nodes { __typename id } edges { type source target }
    } }`);
    expect(neighborhood.center.id).toBe("shijingshan-district");
    expect(neighborhood.truncated).toBe(false);
    // The district itself (self), Beijing (PART_OF), the directive that names it and its two reports.
    expect(neighborhood.nodes.map((n: any) => n.__typename).sort()).toEqual([
      "Department",
      "Department",
      "Directive",
      "Report",
      "Report",
    ]);
    expect(neighborhood.edges.map((e: any) => e.type).sort()).toEqual(["ADDRESSED_TO", "GAVE", "GAVE", "PART_OF"]);
    for (const e of neighborhood.edges) {
      expect([e.source, e.target]).toContain("shijingshan-district");
    }
  });

  it("goes deeper, caps the size and says when it did", async () => {
    const { deep, capped } = await query(`{
      deep: neighborhood(id: "shijingshan-district", depth: 2, first: 100) { truncated nodes { __typename } edges { type properties } }
      capped: neighborhood(id: "party-building", depth: 1, first: 5) { truncated nodes { id } }
    }`);
    const types = new Set(deep.nodes.map((n: any) => n.__typename));
    // Two steps from 石景山区: its reports' items and meetings, and the themes of the directive naming it.
    expect([...types].sort()).toEqual(
      ["Achievement", "Department", "Directive", "Meeting", "PolicyTheme", "Report", "Shortcoming"].sort(),
    );
    const addresses = deep.edges.filter((e: any) => e.type === "ADDRESSES");
    expect(addresses.length).toBeGreaterThan(0);
    for (const e of addresses) expect(e.properties.inferred).toBe(true);
    expect(capped.truncated).toBe(true);
    expect(capped.nodes).toHaveLength(5);
  });

  it("finds the shortest paths between two entities", async () => {
    const { paths, none, unknown } = await query(`{
      paths(from: "shijingshan-district", to: "development-reform-commission", maxHops: 6, first: 3) {
        length nodes { __typename id } edges { type source target }
      }
      none: paths(from: "shijingshan-district", to: "development-reform-commission", maxHops: 5) { length }
      unknown: paths(from: "shijingshan-district", to: "no-such") { length }
    }`);
    expect(paths).toHaveLength(3);
    for (const p of paths) {
      expect(p.length).toBe(6);
      expect(p.nodes[0].id).toBe("shijingshan-district");
      expect(p.nodes.at(-1).id).toBe("development-reform-commission");
      p.edges.forEach((e: any, i: number) => {
        expect([e.source, e.target].sort()).toEqual([p.nodes[i].id, p.nodes[i + 1].id].sort());
      });
    }
    expect(none).toEqual([]);
    expect(unknown).toEqual([]);
  });

  it("refuses out-of-range arguments", async () => {
    for (const q of [
      `{ neighborhood(id: "shijingshan-district", depth: 4) { truncated } }`,
      `{ neighborhood(id: "shijingshan-district", first: 0) { truncated } }`,
      `{ paths(from: "a", to: "b", maxHops: 7) { length } }`,
      `{ paths(from: "a", to: "a") { length } }`,
    ]) {
      const res = await gql(server, q);
      expect(res.errors![0].extensions!.code).toBe("BAD_USER_INPUT");
    }
  });
});

describe("connection filters", () => {
  it("includes narrower themes, department kinds and text", async () => {
    const { cadres, pb, districts, text } = await query(`{
      cadres: shortcomings(themeId: "pb-cadres") { totalCount nodes { text } }
      pb: shortcomings(themeId: "party-building") { totalCount }
      districts: shortcomings(departmentKind: DISTRICT, themeId: "party-building") { totalCount }
      text: shortcomings(contains: "党风廉政") { totalCount nodes { text } }
    }`);
    expect(cadres.nodes.map((n: any) => n.text).sort()).toEqual(
      ["党员干部管理", "党员干部管理", "干部监督管理", "幹部監督管理"].sort(),
    );
    expect(pb.totalCount).toBe(12);
    // 石景山区 2 + 顺义区 1 + 大兴区 2.
    expect(districts.totalCount).toBe(5);
    // Simplified search text finds the traditional 黨風廉政建設 as well.
    expect(text.nodes.map((n: any) => n.text).sort()).toEqual(
      ["党风廉政建设", "党风廉政建设", "党风廉政建设", "黨風廉政建設"].sort(),
    );
  });
});
