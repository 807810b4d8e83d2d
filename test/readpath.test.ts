import { Database } from "../src/platform/db/neo4j";
import { ingestReadoutText } from "../src/pipeline/ingest/ingest.service";
import { MAX_LAST } from "../src/api/graphql/history.args";
import { RunningServer } from "../src/server/app";
import { resetGraph, testDatabase } from "./support/graph";
import { ingestAll, readoutText } from "./support/readouts";
import { DEFAULT_SETTINGS, gql, testServer } from "./support/server";

// The five meetings of patterns.test.ts: 顺义区 reported on 2021-06-30, 2022-01-28 and 2022-06-30;
// 市发展改革委 on 2022-03-31 and 2022-05-31.

let db: Database;
let server: RunningServer;

beforeAll(async () => {
  db = testDatabase();
  await resetGraph(db);
  await ingestAll(db);
  await ingestReadoutText(db, readoutText("2022-06-30-districts-followup"));
  // The whole read below selects every field at every level: past the default cost limits.
  server = await testServer(db, { complexityLimit: 1e9, limits: { ...DEFAULT_SETTINGS.limits, cost: 1e9 } });
});

afterAll(async () => {
  await server.close();
  await db.close();
});

const query = async (q: string, variables?: Record<string, unknown>) => {
  const res = await gql(server, q, variables);
  expect(res.errors).toBeUndefined();
  return res.data!;
};

/** `value` cut down to the fields of `shape` (a template of the partial selection's answer). */
function pick(value: any, shape: any): any {
  if (Array.isArray(value)) return value.map((v) => pick(v, shape));
  if (value === null || typeof value !== "object") return value;
  return Object.fromEntries(Object.keys(shape).map((k) => [k, pick(value[k], shape[k])]));
}

const THEME = "id name nameEn iri parent { id } children { id }";
const DEPARTMENT = "id name fullName nameEn aliases kind curated iri";
const ITEM = `id iri text seq unclassified rejected themes { ${THEME} } themeTags { rank reason source theme { id name } }
  evidence { start end quote sentence { start end text } document { id } } meeting { id date title kind }`;
const FULL = `{ departments(first: 100) { totalCount nodes { ${DEPARTMENT} parent { ${DEPARTMENT} } parts { id name }
  assignedThemes { id } themes { id }
  reports { id order subject date iri department { ${DEPARTMENT} parent { id } } departments { id name }
    meeting { id date title kind directives { ${ITEM} addressees { id name } } }
    achievements { ${ITEM} report { id } department { id name } }
    shortcomings { ${ITEM} report { id } department { id name } } } } } }`;

describe("a selection reads only what it asks, and answers as the whole read does", () => {
  let full: any;
  beforeAll(async () => {
    full = (await query(FULL)).departments;
    expect(full.nodes.length).toBeGreaterThan(5);
    expect(full.nodes.flatMap((d: any) => d.reports).length).toBeGreaterThan(5);
  });

  it.each([
    [
      "names and the nested listing of the benchmark",
      `{ departments(first: 100) { nodes { id name reports { meeting { date } shortcomings { text themes { id name } } } } } }`,
      { id: 1, name: 1, reports: { meeting: { date: 1 }, shortcomings: { text: 1, themes: { id: 1, name: 1 } } } },
    ],
    [
      "parents and portfolios only",
      `{ departments(first: 100) { nodes { parent { name } assignedThemes { id } } } }`,
      { parent: { name: 1 }, assignedThemes: { id: 1 } },
    ],
    [
      "provenance, links and tags without text",
      `{ departments(first: 100) { nodes { reports { achievements { evidence { quote } meeting { date } department { name } themeTags { rank source theme { name } } } } } } }`,
      {
        reports: {
          achievements: {
            evidence: { quote: 1 },
            meeting: { date: 1 },
            department: { name: 1 },
            themeTags: { rank: 1, source: 1, theme: { name: 1 } },
          },
        },
      },
    ],
  ])("%s", async (_, q, shape) => {
    const partial = (await query(q)).departments.nodes;
    expect(partial).toEqual(pick(full.nodes, shape));
  });

  it("follows fragments, aliases, @skip and @include", async () => {
    const partial = (
      await query(`query ($no: Boolean = false) { departments(first: 100) { nodes { ...D } } }
        fragment D on Department { label: name reports { order r: shortcomings { seq ... on Shortcoming {
          unclassified @skip(if: $no) text @include(if: $no) } } } }`)
    ).departments.nodes;
    const expected = full.nodes.map((d: any) => ({
      label: d.name,
      reports: d.reports.map((r: any) => ({
        order: r.order,
        r: r.shortcomings.map((x: any) => ({ seq: x.seq, unclassified: x.unclassified })),
      })),
    }));
    expect(partial).toEqual(expected);
  });

  it("answers a node look-up (every property read) as a selection does", async () => {
    const item = full.nodes.flatMap((d: any) => d.reports).flatMap((r: any) => r.shortcomings)[0];
    const { node } = await query(`query ($id: ID!) { node(id: $id) { ... on Shortcoming { ${ITEM} } } }`, {
      id: item.id,
    });
    const { report: _report, department: _department, ...rest } = item;
    expect(node).toEqual(rest);
  });

  it("pages items with a projection and the same answers", async () => {
    const whole = (await query(`{ shortcomings(first: 100) { totalCount nodes { ${ITEM} } } }`)).shortcomings;
    const lean = (await query(`{ shortcomings(first: 100) { totalCount edges { node { text themes { id } } } } }`))
      .shortcomings;
    expect(lean.totalCount).toBe(whole.totalCount);
    expect(lean.edges.map((e: any) => e.node)).toEqual(pick(whole.nodes, { text: 1, themes: { id: 1 } }));
  });

  it("computes a recurrence's department list and meeting counts only when asked, alike", async () => {
    for (const window of ["", `, from: "2022-01-01", to: "2022-12-31"`]) {
      const all = (
        await query(
          `{ recurringShortcomingThemes(minDepartments: 1${window}) { theme { id name } departmentCount shortcomingCount meetingCount departments { id name } } }`,
        )
      ).recurringShortcomingThemes;
      expect(all.length).toBeGreaterThan(2);
      const lean = (
        await query(
          `{ recurringShortcomingThemes(minDepartments: 1${window}) { theme { id name } departmentCount shortcomingCount } }`,
        )
      ).recurringShortcomingThemes;
      expect(lean).toEqual(pick(all, { theme: { id: 1, name: 1 }, departmentCount: 1, shortcomingCount: 1 }));
    }
  });
});

describe("a persistence lists its meetings only when asked", () => {
  it("answers the same with and without the meetings, windowed and all-time", async () => {
    for (const window of ["", `, from: "2021-01-01", to: "2022-12-31"`]) {
      const fields = "department { id } theme { id } meetingCount shortcomingCount";
      const all = (
        await query(`{ persistentShortcomings(minMeetings: 1${window}) { ${fields} meetings { id date } } }`)
      ).persistentShortcomings;
      expect(all.length).toBeGreaterThan(2);
      expect(all.every((p: any) => p.meetings.length === p.meetingCount)).toBe(true);
      const lean = (await query(`{ persistentShortcomings(minMeetings: 1${window}) { ${fields} } }`))
        .persistentShortcomings;
      expect(lean).toEqual(
        pick(all, { department: { id: 1 }, theme: { id: 1 }, meetingCount: 1, shortcomingCount: 1 }),
      );
    }
  });
});

describe("bounded history lists: Department.reports and Person.meetings (from, to, last)", () => {
  const SHUNYI = `{ departments(first: 100, contains: "顺义") { nodes { id
    all: reports { id date }
    newest: reports(last: 2) { id date }
    none: reports(last: 0) { id }
    y2022: reports(from: "2022-01-01", to: "2022-12-31") { id date }
    y2022last: reports(from: "2022-01-01", last: 1) { id date }
    after: reports(from: "2022-02-01") { id date } } } }`;

  it("bounds a department's reports by window and newest N, newest first", async () => {
    const [d] = (await query(SHUNYI)).departments.nodes;
    expect(d.all.map((r: any) => r.date)).toEqual(["2022-06-30", "2022-01-28", "2021-06-30"]);
    expect(d.newest).toEqual(d.all.slice(0, 2));
    expect(d.none).toEqual([]);
    expect(d.y2022).toEqual(d.all.slice(0, 2));
    expect(d.y2022last).toEqual(d.all.slice(0, 1));
    expect(d.after).toEqual(d.all.slice(0, 1));
  });

  it("bounds every department's reports in one batch per argument set", async () => {
    const nested = (first: number) =>
      `{ departments(first: ${first}) { nodes { reports(last: 1) { id } older: reports(to: "2022-01-31") { id } } } }`;
    const one = await gql(server, nested(1));
    const all = await gql(server, nested(100));
    expect(all.errors).toBeUndefined();
    expect(all.data!.departments.nodes.length).toBeGreaterThan(5);
    for (const d of all.data!.departments.nodes) expect(d.reports.length).toBeLessThanOrEqual(1);
    // The page, then one batch for each of the two argument sets.
    expect(all.extensions!.cost!.dbRoundTrips).toBe(3);
    expect(one.extensions!.cost!.dbRoundTrips).toBe(3);
  });

  it("bounds a person's meetings alike", async () => {
    const { meetings } = await query(`{ meetings(first: 100) { nodes { chair { id } } } }`);
    const chairId = meetings.nodes.find((m: any) => m.chair)?.chair.id;
    expect(chairId).toBeDefined();
    const { node } = await query(
      `query ($id: ID!) { node(id: $id) { ... on Person { all: meetings { id date } newest: meetings(last: 1) { id date }
        y2022: meetings(from: "2022-01-01", to: "2022-12-31") { id date } none: meetings(last: 0) { id } } } }`,
      { id: chairId },
    );
    expect(node.all.length).toBeGreaterThan(1);
    expect(node.newest).toEqual(node.all.slice(0, 1));
    expect(node.y2022).toEqual(node.all.filter((m: any) => m.date >= "2022-01-01" && m.date <= "2022-12-31"));
    expect(node.none).toEqual([]);
  });

  it.each([
    ["a negative last", `reports(last: -1)`, '"last" must be between 0'],
    ["a last over the cap", `reports(last: ${MAX_LAST + 1})`, '"last" must be between 0'],
    ["an empty window", `reports(from: "2022-06-01", to: "2022-01-01")`, "the window is empty"],
    ["a date that is no date", `reports(from: "2022-13-01")`, "Date must be"],
  ])("refuses %s with BAD_USER_INPUT", async (_, field, words) => {
    const res = await gql(server, `{ departments(first: 1) { nodes { ${field} { id } } } }`);
    expect(res.errors!.length).toBeGreaterThan(0);
    expect(res.errors![0].extensions!.code).toBe("BAD_USER_INPUT");
    expect(res.errors![0].message).toContain(words);
  });

  it("refuses a bad last on a person's meetings too", async () => {
    const res = await gql(server, `{ meetings(first: 1) { nodes { chair { meetings(last: -5) { id } } } } }`);
    expect(res.errors![0].extensions!.code).toBe("BAD_USER_INPUT");
  });
});

describe("evidence cut in the store", () => {
  const EVIDENCE = `{ meetings(first: 100) { nodes { date document { id text } reports { shortcomings { evidence { start end quote sentence { start end text } } }
    achievements { evidence { start end quote sentence { start end text } } } } } } }`;

  it("reads an item's quote and sentence without its document", async () => {
    const res = await gql(
      server,
      `{ departments(first: 100) { nodes { reports { shortcomings { evidence { quote sentence { text } } } } } } }`,
    );
    expect(res.errors).toBeUndefined();
    const quotes = res.data!.departments.nodes.flatMap((d: any) => d.reports.flatMap((r: any) => r.shortcomings));
    expect(quotes.length).toBeGreaterThan(5);
    // The page, the reports, the shortcomings: no batch of documents.
    expect(res.extensions!.cost!.dbRoundTrips).toBe(3);
  });

  it("cuts by UTF-16 offsets where a character beyond the BMP precedes the span", async () => {
    // 𠀀 (U+20000) is one code point for Cypher and two UTF-16 units for the offsets.
    const text = readoutText("2021-06-30-districts")
      .replace("published: 2021-07-01", "published: 2023-07-01")
      .replace("顺义区抓项目抓投资", "顺义区抓项目𠀀抓投资");
    expect(text).toContain("𠀀");
    await ingestReadoutText(db, text);
    const meetings = (await query(EVIDENCE)).meetings.nodes;
    const astral = meetings.filter((m: any) => m.document.text.includes("𠀀"));
    expect(astral).toHaveLength(1);
    let before = 0;
    let after = 0;
    for (const m of meetings) {
      const at = m.document.text.indexOf("𠀀");
      for (const r of m.reports) {
        for (const { evidence: e } of [...r.shortcomings, ...r.achievements]) {
          expect(e.quote).toBe(m.document.text.slice(e.start, e.end));
          expect(e.sentence.text).toBe(m.document.text.slice(e.sentence.start, e.sentence.end));
          if (at >= 0 && e.end <= at) before++;
          if (at >= 0 && e.start > at) after++;
        }
      }
    }
    expect(before).toBeGreaterThan(0);
    expect(after).toBeGreaterThan(0);
  });
});
