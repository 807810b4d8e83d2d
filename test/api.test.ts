import { Database } from "../src/platform/db/neo4j";
import { seedIfEmpty } from "../src/pipeline/ingest/seed";
import { RunningServer } from "../src/server/app";
import { resetGraph, testDatabase } from "./support/graph";
import { gql, testServer } from "./support/server";

let db: Database;
let server: RunningServer;
const FIVE = ["市发展改革委", "市财政局", "市规划自然资源委", "市住房城乡建设委", "市国资委"];
// The five that reported, and 12345市民服务热线, which a directive names as its addressee.
const SIX = [...FIVE, "12345市民服务热线"];

beforeAll(async () => {
  db = testDatabase();
  await resetGraph(db);
  await seedIfEmpty(db);
  server = await testServer(db);
});

afterAll(async () => {
  await server.close();
  await db.close();
});

describe("connections", () => {
  it("pages departments with totals, cursors and pageInfo", async () => {
    const all = await gql(server, `{ departments(first: 100) { totalCount nodes { id name } } }`);
    expect(all.data!.departments.totalCount).toBe(7);
    expect(all.data!.departments.nodes.map((d: any) => d.name).sort()).toEqual([...SIX, "北京市"].sort());
    // Those that reported most come first: the addressee and the host, which gave no report, last.
    expect(all.data!.departments.nodes.slice(-2).map((d: any) => d.name)).toEqual(["12345市民服务热线", "北京市"]);

    const p1 = await gql(
      server,
      `{ departments(first: 2) { totalCount edges { cursor node { id } } pageInfo { hasNextPage hasPreviousPage startCursor endCursor } } }`,
    );
    const c1 = p1.data!.departments;
    expect(c1.totalCount).toBe(7);
    expect(c1.edges).toHaveLength(2);
    expect(c1.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false, endCursor: c1.edges[1].cursor });

    const p3 = await gql(
      server,
      `query($after: String) { departments(first: 2, after: $after) { edges { node { id } } pageInfo { hasNextPage hasPreviousPage } } }`,
      {
        after: c1.edges[1].cursor,
      },
    );
    const c2 = p3.data!.departments;
    expect(c2.pageInfo).toEqual({ hasNextPage: true, hasPreviousPage: true });
    const seen = [...c1.edges, ...c2.edges].map((e: any) => e.node.id);
    expect(new Set(seen).size).toBe(4);
    expect(seen).toEqual(all.data!.departments.nodes.slice(0, 4).map((d: any) => d.id));
  });

  it("returns an empty last page past the end, and only the total for first: 0", async () => {
    const last = await gql(server, `{ departments(first: 7) { pageInfo { endCursor hasNextPage } } }`);
    expect(last.data!.departments.pageInfo.hasNextPage).toBe(false);
    const past = await gql(
      server,
      `query($a: String) { departments(first: 5, after: $a) { totalCount nodes { id } pageInfo { hasNextPage endCursor } } }`,
      {
        a: last.data!.departments.pageInfo.endCursor,
      },
    );
    expect(past.data!.departments).toEqual({
      totalCount: 7,
      nodes: [],
      pageInfo: { hasNextPage: false, endCursor: null },
    });
    const none = await gql(server, `{ shortcomings(first: 0) { totalCount nodes { id } } }`);
    expect(none.data!.shortcomings).toEqual({ totalCount: 15, nodes: [] });
  });

  it.each([
    [`{ departments(first: -1) { totalCount } }`, "first"],
    [`{ departments(first: 101) { totalCount } }`, "first"],
    [`{ meetings(after: "bm90LWEtY3Vyc29y") { totalCount } }`, "cursor"],
    [`{ meetings(from: "2022-02-30") { totalCount } }`, "YYYY-MM-DD"],
    [`query($f: Int) { shortcomings(first: $f) { totalCount } }`, "first"],
  ])("refuses %s with BAD_USER_INPUT", async (query, word) => {
    const res = await gql(server, query, { f: 1000 });
    const codes = res.errors!.map((e) => e.extensions?.code);
    expect(codes[0] === "BAD_USER_INPUT" || codes[0] === "GRAPHQL_VALIDATION_FAILED").toBe(true);
    expect(res.errors![0].message).toContain(word);
    expect(JSON.stringify(res)).not.toMatch(/stacktrace|\.ts:\d+|\.js:\d+/);
  });

  // Regression: a misspelt theme id answered 0 items, which reads as a finding.
  it.each([
    `{ shortcomings(themeId: "party-buildng") { totalCount } }`,
    `{ directives(themeId: "party-buildng") { totalCount } }`,
    `{ persistentShortcomings(minMeetings: 1, themeId: "party-buildng") { meetingCount } }`,
    `{ timeline(themeId: "party-buildng") { date } }`,
  ])("refuses an unknown theme id in %s", async (query) => {
    const res = await gql(server, query);
    expect(res.data).toBeNull();
    expect(res.errors![0].extensions!.code).toBe("BAD_USER_INPUT");
    expect(res.errors![0].message).toBe('no theme has the id "party-buildng" (the query themes lists them)');
  });

  // Regression: a misspelt department id answered an empty list, which reads as "never flagged".
  it.each([
    [`{ shortcomings(departmentId: "finance-bureu") { totalCount } }`, "BAD_USER_INPUT"],
    [`{ directives(departmentId: "finance-bureu") { totalCount } }`, "BAD_USER_INPUT"],
    [`{ persistentShortcomings(minMeetings: 1, departmentId: "finance-bureu") { meetingCount } }`, "BAD_USER_INPUT"],
    [`{ timeline(departmentId: "finance-bureu") { date } }`, "BAD_USER_INPUT"],
    [`{ similarDepartments(id: "finance-bureu") { score } }`, "NOT_FOUND"],
  ])("refuses an unknown department id in %s", async (query, code) => {
    const res = await gql(server, query);
    expect(res.data).toBeNull();
    expect(res.errors![0].extensions!.code).toBe(code);
    expect(res.errors![0].message).toBe('no department has the id "finance-bureu" (the query departments lists them)');
  });

  it("answers a known department that matches nothing with an empty result, not an error", async () => {
    const res = await gql(
      server,
      `{ timeline(departmentId: "finance-bureau", to: "2000-01-01") { date }
         shortcomings(departmentId: "finance-bureau", to: "2000-01-01") { totalCount }
         persistentShortcomings(departmentId: "finance-bureau") { meetingCount } }`,
    );
    expect(res.errors).toBeUndefined();
    expect(res.data).toEqual({ timeline: [], shortcomings: { totalCount: 0 }, persistentShortcomings: [] });
  });

  it("filters departments by kind", async () => {
    const m = await gql(
      server,
      `{ departments(kind: MUNICIPAL_DEPARTMENT) { totalCount } d: departments(kind: DISTRICT) { totalCount } }`,
    );
    expect(m.data!.departments.totalCount).toBe(5);
    expect(m.data!.d.totalCount).toBe(0);
    const other = await gql(server, `{ departments(kind: OTHER) { nodes { name } } }`);
    expect(other.data!.departments.nodes).toEqual([{ name: "12345市民服务热线" }]);
  });

  it("filters meetings by date window", async () => {
    const res = await gql(
      server,
      `{ a: meetings(from: "2022-03-31", to: "2022-03-31") { totalCount } b: meetings(from: "2022-04-01") { totalCount } c: meetings(to: "2022-03-30") { totalCount } }`,
    );
    expect(res.data).toEqual({ a: { totalCount: 1 }, b: { totalCount: 0 }, c: { totalCount: 0 } });
  });

  it("filters shortcomings, achievements and directives by theme, department and dates", async () => {
    const res = await gql(
      server,
      `{
      pb: shortcomings(themeId: "party-building") { totalCount nodes { text department { name } } }
      sasac: shortcomings(departmentId: "state-owned-assets-commission") { totalCount nodes { text } }
      later: shortcomings(from: "2022-04-01") { totalCount }
      win: achievements(from: "2022-03-01", to: "2022-03-31") { totalCount }
      dirDay: directives(from: "2022-03-31", to: "2022-03-31") { totalCount nodes { meeting { date } } }
      upTo: shortcomings(to: "2022-03-31") { totalCount }
      before: shortcomings(to: "2022-03-30") { totalCount }
      edu: directives(themeId: "education") { totalCount nodes { text } }
      finAch: achievements(departmentId: "finance-bureau") { totalCount }
    }`,
    );
    expect(res.errors).toBeUndefined();
    expect(res.data!.pb.totalCount).toBe(5);
    expect(res.data!.pb.nodes.map((n: any) => n.department.name).sort()).toEqual([...FIVE].sort());
    expect(res.data!.sasac.nodes.map((n: any) => n.text)).toEqual([
      "执行“三重一大”制度",
      "提升国资规模和效益",
      "优化国有经济布局",
    ]);
    expect(res.data!.later.totalCount).toBe(0);
    expect(res.data!.win.totalCount).toBe(19);
    // A date window alone starts from the meetings of those days (items have no date index).
    expect(res.data!.dirDay.totalCount).toBe(24);
    expect(new Set(res.data!.dirDay.nodes.map((n: any) => n.meeting.date))).toEqual(new Set(["2022-03-31"]));
    expect(res.data!.upTo.totalCount).toBe(15);
    expect(res.data!.before.totalCount).toBe(0);
    expect(res.data!.edu.nodes.map((n: any) => n.text)).toContain(
      "要继续抓好“双减”工作，全面规范教育教学秩序，提高课堂教学质量",
    );
    expect(res.data!.finAch.totalCount).toBe(3);
  });
});

describe("entities", () => {
  it("answers node(id) for every type and null for an unknown id", async () => {
    const ids = await gql(
      server,
      `{ meetings { nodes { id document { id } chair { id } reports { id department { id } achievements { id } shortcomings { id } } directives { id } } } themes { id } }`,
    );
    const m = ids.data!.meetings.nodes[0];
    const r = m.reports[0];
    const wanted: [string, string][] = [
      [m.id, "Meeting"],
      [m.document.id, "Document"],
      [m.chair.id, "Person"],
      [r.id, "Report"],
      [r.department.id, "Department"],
      [r.achievements[0].id, "Achievement"],
      [r.shortcomings[0].id, "Shortcoming"],
      [m.directives[0].id, "Directive"],
      [ids.data!.themes[0].id, "PolicyTheme"],
    ];
    for (const [id, type] of wanted) {
      const res = await gql(server, `query($id: ID!) { node(id: $id) { __typename id } }`, { id });
      expect(res.data!.node).toEqual({ __typename: type, id });
    }
    const none = await gql(server, `{ node(id: "no-such-id") { id } }`);
    expect(none.data).toEqual({ node: null });
    expect(none.errors).toBeUndefined();
  });

  it("serves departments with names, aliases, kind, reports and themes", async () => {
    const res = await gql(
      server,
      `{ department(id: "development-reform-commission") {
      name fullName nameEn aliases kind curated
      reports { order meeting { date } }
      shortcomings { totalCount nodes { text } }
      achievements(first: 1) { totalCount nodes { text } }
      themes { id }
    } }`,
    );
    const d = res.data!.department;
    expect(d).toMatchObject({
      name: "市发展改革委",
      fullName: "北京市发展和改革委员会",
      kind: "MUNICIPAL_DEPARTMENT",
      curated: true,
    });
    expect(d.nameEn).toMatch(/Development and Reform/);
    expect(d.aliases).toEqual(expect.arrayContaining(["市发改委"]));
    expect(d.reports).toEqual([{ order: 1, meeting: { date: "2022-03-31" } }]);
    expect(d.shortcomings.totalCount).toBe(3);
    expect(d.achievements).toEqual({ totalCount: 4, nodes: [{ text: "狠抓一季度“开门红”，一批重点项目开工建设" }] });
    expect(d.themes.map((t: any) => t.id)).toEqual(expect.arrayContaining(["party-building", "regional-coordination"]));
  });

  it("serves the theme scheme with parents and children", async () => {
    const res = await gql(server, `{ themes { id name nameEn parent { id } children { id parent { id } } } }`);
    const themes = res.data!.themes;
    const top = themes.filter((t: any) => !t.parent);
    expect(top.slice(0, 2).map((t: any) => t.id)).toEqual(["party-building", "economic-development"]);
    expect(top).toHaveLength(19);
    expect(themes.find((t: any) => t.id === "party-building").name).toBe("党的建设与全面从严治党");
    for (const t of themes) for (const c of t.children) expect(c.parent.id).toBe(t.id);
  });

  it("serves the document and the meeting of a report and item", async () => {
    const res = await gql(
      server,
      `{ shortcomings(first: 1, departmentId: "state-owned-assets-commission") { nodes {
      report { order subject meeting { date } department { id } }
      meeting { date }
      evidence { document { title url published meetings { date } } }
      themeTags { theme { id } rank reason }
    } } }`,
    );
    const s = res.data!.shortcomings.nodes[0];
    expect(s.report).toEqual({
      order: 5,
      subject: "市国资委",
      meeting: { date: "2022-03-31" },
      department: { id: "state-owned-assets-commission" },
    });
    expect(s.evidence.document).toEqual({
      title: "市委召开市直部门党组（党委）书记月度工作点评会",
      url: "",
      published: "2022",
      meetings: [{ date: "2022-03-31" }],
    });
    expect(s.themeTags[0]).toMatchObject({ theme: { id: "party-building" }, rank: 0 });
    expect(s.themeTags[0].reason.length).toBeGreaterThan(0);
  });
});

describe("patterns and search", () => {
  it("finds the five-department party-discipline pattern", async () => {
    const res = await gql(
      server,
      `{ recurringShortcomingThemes(minDepartments: 5) { theme { id } departmentCount departments { name } shortcomingCount meetingCount shortcomings { text } } }`,
    );
    expect(res.data!.recurringShortcomingThemes).toEqual([
      {
        theme: { id: "party-building" },
        departmentCount: 5,
        departments: expect.any(Array),
        shortcomingCount: 5,
        meetingCount: 1,
        shortcomings: expect.any(Array),
      },
    ]);
    const rec = res.data!.recurringShortcomingThemes[0];
    expect(rec.departments.map((d: any) => d.name).sort()).toEqual([...FIVE].sort());
    expect(rec.shortcomings.map((s: any) => s.text).sort()).toEqual(
      ["全面从严治党", "干部监督管理", "党风廉政建设", "党员干部管理", "执行“三重一大”制度"].sort(),
    );
  });

  it("applies minDepartments and the date window", async () => {
    const res = await gql(
      server,
      `{
      two: recurringShortcomingThemes { theme { id } departmentCount }
      one: recurringShortcomingThemes(minDepartments: 1) { theme { id } departmentCount }
      none: recurringShortcomingThemes(from: "2023-01-01") { theme { id } }
    }`,
    );
    const two = res.data!.two;
    expect(two[0]).toEqual({ theme: { id: "party-building" }, departmentCount: 5 });
    // Narrower themes recur too: 干部监督管理 and 党员干部管理 are both about cadres.
    expect(two).toContainEqual({ theme: { id: "pb-cadres" }, departmentCount: 2 });
    for (const t of two) expect(t.departmentCount).toBeGreaterThanOrEqual(2);
    expect(res.data!.one).toContainEqual({ theme: { id: "planning-land" }, departmentCount: 1 });
    expect(res.data!.one.length).toBeGreaterThan(5);
    expect(res.data!.none).toEqual([]);
    const bad = await gql(server, `{ recurringShortcomingThemes(minDepartments: 0) { theme { id } } }`);
    expect(bad.errors![0].extensions!.code).toBe("BAD_USER_INPUT");
  });

  it("searches Chinese text across item types and departments", async () => {
    const res = await gql(
      server,
      `{
      a: search(query: "三重一大") { score snippet highlights { start end } node { __typename ... on Shortcoming { text } } }
      b: search(query: "发展改革委") { node { __typename id } }
      c: search(query: "疫情防控", first: 3) { node { __typename } }
    }`,
    );
    expect(res.errors).toBeUndefined();
    const a = res.data!.a;
    expect(a[0].node).toEqual({ __typename: "Shortcoming", text: "执行“三重一大”制度" });
    const h = a[0].highlights[0];
    expect(a[0].snippet.slice(h.start, h.end)).toBe("三重一大");
    expect(res.data!.b.map((x: any) => x.node.id)).toContain("development-reform-commission");
    expect(res.data!.c.length).toBeGreaterThan(0);
    expect(res.data!.c.length).toBeLessThanOrEqual(3);
  });

  it("finds nothing for words absent from the graph, and refuses an empty query", async () => {
    const res = await gql(server, `{ search(query: "量子计算机") { score } }`);
    expect(res.data!.search).toEqual([]);
    const empty = await gql(server, `{ search(query: "  ") { score } }`);
    expect(empty.errors![0].extensions!.code).toBe("BAD_USER_INPUT");
  });
});

describe("cost, complexity and round trips", () => {
  const nested = (n: number) =>
    `{ departments(first: ${n}) { nodes { name reports { meeting { date } achievements { text themes { id } } shortcomings { text themes { id } } } } } }`;

  it("reports extensions.cost on every response", async () => {
    const res = await gql(server, `{ themes { id } }`);
    expect(res.extensions!.cost).toEqual({ complexity: expect.any(Number), limit: 50_000, dbRoundTrips: 1 });
  });

  it("costs the same few round trips for one department as for all of them (no N+1)", async () => {
    const one = await gql(server, nested(1));
    const all = await gql(server, nested(50));
    expect(one.data!.departments.nodes).toHaveLength(1);
    expect(all.data!.departments.nodes).toHaveLength(7);
    expect(one.extensions!.cost!.dbRoundTrips).toBe(all.extensions!.cost!.dbRoundTrips);
    expect(all.extensions!.cost!.dbRoundTrips).toBeLessThanOrEqual(6);
  });

  it("refuses an over-complex query before any Cypher runs", async () => {
    // Within the depth limit, but nested lists multiply: 78,501 > 50,000.
    const res = await gql(
      server,
      `{ shortcomings(first: 100) { nodes { report { meeting { reports { shortcomings { themes { children { id } } } } } } } } }`,
    );
    expect(res.status).toBe(400);
    expect(res.data).toBeUndefined();
    expect(res.errors![0].extensions!.code).toBe("QUERY_TOO_COMPLEX");
    expect(res.extensions!.cost!.dbRoundTrips).toBe(0);
    expect(res.extensions!.cost!.complexity).toBeGreaterThan(50_000);
  });

  it.each([
    ["the nested department query at 50", nested(50)],
    [
      "a meeting page with reports, items and directives",
      `{ meetings(first: 100) { nodes { reports { department { name } achievements { text themes { id } } shortcomings { text themes { id } } } directives { text themes { id } } } } }`,
    ],
    [
      "a page of shortcomings with provenance",
      `{ shortcomings(first: 100) { totalCount nodes { text themes { id name } report { department { name } meeting { date } } evidence { quote start end sentence { text } } } } }`,
    ],
  ])("accepts an ordinary analyst query: %s", async (_, query) => {
    const res = await gql(server, query);
    expect(res.errors).toBeUndefined();
    expect(res.extensions!.cost!.complexity).toBeLessThanOrEqual(50_000);
  });
});

// Regression: a body Express could not parse was answered with Express's HTML error page, stack
// trace included, instead of an API error.
describe("unreadable requests", () => {
  const post = (body: string) =>
    fetch(`${server.url}/graphql`, { method: "POST", headers: { "content-type": "application/json" }, body });

  it.each([
    ["malformed JSON", "{bad json", 400, "not valid JSON"],
    [
      "a body over the size limit",
      JSON.stringify({ query: `{ themes { id } }`, x: "会".repeat(800_000) }),
      413,
      "size limit",
    ],
  ])("answers %s with a JSON BAD_USER_INPUT error and no stack trace", async (_, body, status, words) => {
    const res = await post(body);
    expect(res.status).toBe(status);
    expect(res.headers.get("content-type")).toMatch(/^application\/json/);
    const text = await res.text();
    expect(text).not.toMatch(/\bat \S+ \(|node_modules/);
    const json = JSON.parse(text);
    expect(json.errors[0].extensions.code).toBe("BAD_USER_INPUT");
    expect(json.errors[0].message).toContain(words);
  });
});
