import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Parser } from "n3";
import { reapplyCorrections } from "../src/pipeline/curation/correction.apply";
import { Database } from "../src/platform/db/neo4j";
import { ingestReadoutText } from "../src/pipeline/ingest/ingest.service";
import { reextractDocuments } from "../src/pipeline/ingest/reextract.service";
import { writeCsvExport } from "../src/outputs/linked-data/csv";
import { writeDump } from "../src/outputs/linked-data/dump";
import { RunningServer } from "../src/server/app";
import { derivedData, rebuildDerived } from "./support/derived-data";
import { graphCounts, resetGraph, testDatabase } from "./support/graph";
import { ingestAll, readoutText } from "./support/readouts";
import { gql, testServer } from "./support/server";

// The seed (2022-03-31: five municipal departments, all flagged on party building) and the test
// readouts: 2021-06-30 districts (石景山区, 顺义区), 2022-01-28 districts (石景山区, 顺义区, 大兴区),
// 2022-05-31 (市发展改革委, 市财政局, traditional script). The 2022-06-30 follow-up (顺义区, 大兴区)
// arrives after a merge, as a new readout would.

const ALICE = "alice-token-for-tests";
const BOB = "bob-token-for-tests";
const SINGLE = "single-curator-token-for-tests";
const CURATORS = [
  { name: "alice", token: ALICE },
  { name: "bob", token: BOB },
];
const as = (token: string) => ({ authorization: `Bearer ${token}` });

let db: Database;
let server: RunningServer;

beforeAll(async () => {
  db = testDatabase();
  await resetGraph(db);
  await ingestAll(db);
  server = await testServer(db, { curatorToken: SINGLE, curatorTokens: CURATORS });
});

afterAll(async () => {
  await server.close();
  await db.close();
});

async function read(query: string, variables: Record<string, unknown> = {}) {
  const res = await gql(server, query, variables);
  expect(res.errors).toBeUndefined();
  return res.data!;
}

const CORRECTION = `id kind author at reason targetId undone orphaned details target { __typename id }`;

async function correct(mutation: string, variables: Record<string, unknown>, token = ALICE) {
  const res = await gql(server, mutation, variables, as(token));
  expect(res.errors).toBeUndefined();
  return Object.values(res.data!)[0] as Record<string, any>;
}

/** A mutation that must be refused with `code` and leave the graph exactly as it was. */
async function refused(mutation: string, variables: Record<string, unknown>, code = "BAD_USER_INPUT") {
  const before = await graphCounts(db);
  const log = await read(`{ corrections(first: 0) { totalCount } }`);
  const res = await gql(server, mutation, variables, as(ALICE));
  expect(res.errors?.[0].extensions?.code).toBe(code);
  expect(res.data ?? null).toBeNull();
  expect(await graphCounts(db)).toEqual(before);
  expect(await read(`{ corrections(first: 0) { totalCount } }`)).toEqual(log);
  return res.errors![0].message;
}

const SET_THEMES = `mutation($id: ID!, $themeIds: [ID!]!, $reason: String!) {
  setItemThemes(id: $id, themeIds: $themeIds, reason: $reason) { ${CORRECTION} } }`;
const REJECT = `mutation($id: ID!, $reason: String!) { rejectItem(id: $id, reason: $reason) { ${CORRECTION} } }`;
const ADD = `mutation($input: AddItemInput!) { addItem(input: $input) { ${CORRECTION} } }`;
const ASSIGN = `mutation($reportId: ID!, $departmentId: ID!, $reason: String!) {
  assignReport(reportId: $reportId, departmentId: $departmentId, reason: $reason) { ${CORRECTION} } }`;
const MERGE = `mutation($fromId: ID!, $intoId: ID!, $reason: String!) {
  mergeDepartments(fromId: $fromId, intoId: $intoId, reason: $reason) { ${CORRECTION} } }`;
const UNDO = `mutation($id: ID!, $reason: String!) { undoCorrection(id: $id, reason: $reason) { ${CORRECTION} } }`;

const ITEM = `id text rejected unclassified themes { id } themeTags { theme { id } rank reason source }
  corrections { id kind author reason undone }
  report { id } department { id name } meeting { id document { id text } }
  evidence { start end quote sentence { text } }`;

/** The one shortcoming whose text contains `contains` (at the meeting of `day`, default the seed's). */
async function shortcoming(contains: string, day = "2022-03-31") {
  const data = await read(
    `query($c: String!, $day: Date) { shortcomings(contains: $c, from: $day, to: $day) { nodes { ${ITEM} } } }`,
    { c: contains, day },
  );
  expect(data.shortcomings.nodes).toHaveLength(1);
  return data.shortcomings.nodes[0];
}

async function byId(id: string) {
  const data = await read(
    `query($id: ID!) { node(id: $id) { __typename ... on Shortcoming { ${ITEM} } ... on Achievement { ${ITEM} } } }`,
    { id },
  );
  return data.node;
}

const RECURRING = `query($min: Int!, $from: Date, $to: Date) {
  recurringShortcomingThemes(minDepartments: $min, from: $from, to: $to) {
    theme { id } departmentCount shortcomingCount departments { name } shortcomings(first: 50) { id } } }`;

async function recurring(theme: string, window: { from?: string; to?: string } = {}) {
  const data = await read(RECURRING, { min: 1, ...window });
  return data.recurringShortcomingThemes.find((r: any) => r.theme.id === theme) ?? null;
}

async function departmentId(name: string): Promise<string> {
  const data = await read(`query($c: String!) { departments(contains: $c, first: 100) { nodes { id name } } }`, {
    c: name,
  });
  return data.departments.nodes.find((d: any) => d.name === name).id;
}

describe("named curators", () => {
  it("sign corrections with their token's name; the single token signs as curator; tokens stay secret", async () => {
    const gap = await shortcoming("民生领域投入");
    const first = await correct(REJECT, { id: gap.id, reason: "test: named" }, BOB);
    expect(first.author).toBe("bob");
    const undo = await correct(UNDO, { id: first.id, reason: "test: single" }, SINGLE);
    expect(undo).toMatchObject({ kind: "UNDO", author: "curator", targetId: first.id });
    expect(JSON.stringify([first, undo])).not.toMatch(/token-for-tests/);
  });

  it("refuses a mutation without a curator's token (UNAUTHENTICATED) and writes nothing", async () => {
    const gap = await shortcoming("民生领域投入");
    const before = await graphCounts(db);
    for (const headers of [{}, as("not-a-curator-token")] as Record<string, string>[]) {
      const res = await gql(server, REJECT, { id: gap.id, reason: "no" }, headers);
      expect(res.errors![0].extensions!.code).toBe("UNAUTHENTICATED");
      expect(res.errors![0].message).not.toMatch(/token-for-tests/);
    }
    expect(await graphCounts(db)).toEqual(before);
  });
});

describe("setItemThemes", () => {
  it("replaces the item's themes in order, as a curator's, and the patterns follow at once", async () => {
    const gap = await shortcoming("三重一大");
    expect(gap.themes.map((t: any) => t.id)).toContain("party-building");
    const extractorTags = gap.themeTags;
    // Its department (市国资委) has no other gap on party building.
    const departments = (await recurring("party-building")).departmentCount;
    const windowed = (await recurring("party-building", { from: "2022-03-01", to: "2022-03-31" })).departmentCount;
    expect(windowed).toBe(5);

    const c = await correct(SET_THEMES, {
      id: gap.id,
      themeIds: ["state-assets", "economic-development"],
      reason: "about the assets, not discipline",
    });
    expect(c).toMatchObject({ kind: "SET_ITEM_THEMES", author: "alice", undone: false, orphaned: false });
    expect(c.target).toEqual({ __typename: "Shortcoming", id: gap.id });
    expect(c.details).toEqual({ themeIds: ["state-assets", "economic-development"] });

    const after = await byId(gap.id);
    expect(after.themeTags).toEqual([
      { theme: { id: "state-assets" }, rank: 0, reason: "about the assets, not discipline", source: "CURATOR" },
      { theme: { id: "economic-development" }, rank: 1, reason: "about the assets, not discipline", source: "CURATOR" },
    ]);
    expect(after.corrections).toEqual([
      { id: c.id, kind: "SET_ITEM_THEMES", author: "alice", reason: "about the assets, not discipline", undone: false },
    ]);
    expect((await recurring("party-building")).departmentCount).toBe(departments - 1);
    expect((await recurring("party-building", { from: "2022-03-01", to: "2022-03-31" })).departmentCount).toBe(4);
    const assets = await recurring("state-assets");
    expect(assets.shortcomings.map((s: any) => s.id)).toContain(gap.id);
    const filtered = await read(`{ shortcomings(themeId: "economic-development", first: 100) { nodes { id } } }`);
    expect(filtered.shortcomings.nodes.map((n: any) => n.id)).toContain(gap.id);

    // Undone: the extractor's tags come back, reasons and all.
    await correct(UNDO, { id: c.id, reason: "it was discipline after all" });
    const back = await byId(gap.id);
    expect(back.themeTags).toEqual(extractorTags);
    expect(back.themeTags.every((t: any) => t.source === "EXTRACTOR")).toBe(true);
    expect(back.corrections[0]).toMatchObject({ id: c.id, undone: true });
    expect((await recurring("party-building")).departmentCount).toBe(departments);
  });

  it("refuses unknown items and themes, repeated themes, the same themes and an empty reason", async () => {
    const gap = await shortcoming("三重一大");
    const current = gap.themes.map((t: any) => t.id);
    const cases: [Record<string, unknown>, RegExp][] = [
      [{ id: "no-such-item", themeIds: ["state-assets"], reason: "x" }, /no achievement, shortcoming or directive/],
      [{ id: gap.id, themeIds: ["no-such-theme"], reason: "x" }, /no theme has the id "no-such-theme"/],
      [{ id: gap.id, themeIds: ["state-assets", "state-assets"], reason: "x" }, /twice/],
      [{ id: gap.id, themeIds: current, reason: "x" }, /already has these themes/],
      [{ id: gap.id, themeIds: ["state-assets"], reason: "   " }, /reason is empty/],
    ];
    for (const [variables, message] of cases) expect(await refused(SET_THEMES, variables)).toMatch(message);
  });
});

const SEARCH = `query($q: String!) { search(query: $q) { node { id } } }`;

describe("rejectItem", () => {
  it("leaves the item out of lists, counts, patterns, search and exports, reachable by id; undo restores", async () => {
    const gap = await shortcoming("干部监督管理");
    const department = gap.department.id;
    const counts = async () => {
      const data = await read(
        `query($d: ID!, $r: ID!) {
          shortcomings(themeId: "party-building", first: 0) { totalCount }
          department(id: $d) { shortcomings(first: 0) { totalCount } }
          node(id: $r) { ... on Report { shortcomings { id } } }
          themeMatrix { rows { department { id } shortcomings } }
          timeline(departmentId: $d) { date shortcomings }
          search(query: "干部监督管理") { node { id } }
        }`,
        { d: department, r: gap.report.id },
      );
      return {
        themed: data.shortcomings.totalCount,
        ofDepartment: data.department.shortcomings.totalCount,
        inReport: data.node.shortcomings.map((s: any) => s.id),
        matrix: data.themeMatrix.rows.find((r: any) => r.department.id === department).shortcomings,
        timeline: data.timeline.find((p: any) => p.date === "2022-03-31").shortcomings,
        found: data.search.map((h: any) => h.node.id).sort(),
        recurring: (await recurring("party-building")).shortcomings.map((s: any) => s.id),
      };
    };
    const before = await counts();
    expect(before.found).toContain(gap.id);
    expect(before.recurring).toContain(gap.id);

    const c = await correct(REJECT, { id: gap.id, reason: "a wrong split" });
    expect(c).toMatchObject({ kind: "REJECT_ITEM", target: { id: gap.id } });
    const after = await counts();
    expect(after).toEqual({
      themed: before.themed - 1,
      ofDepartment: before.ofDepartment - 1,
      inReport: before.inReport.filter((id: string) => id !== gap.id),
      matrix: before.matrix - 1,
      timeline: before.timeline - 1,
      found: before.found.filter((id: string) => id !== gap.id),
      recurring: before.recurring.filter((id: string) => id !== gap.id),
    });
    expect(await byId(gap.id)).toMatchObject({ id: gap.id, rejected: true, text: "干部监督管理" });

    let dump = "";
    await writeDump(db, async (chunk) => void (dump += chunk), { baseUrl: "http://x.test", format: "turtle" });
    // The item is not in the dump; only the rejection's provenance names it, as what it used.
    const mentions = new Parser()
      .parse(dump)
      .filter((q) => [q.subject, q.object].some((t) => t.value.includes(gap.id)));
    expect(mentions.map((q) => [q.subject.value, q.predicate.value, q.object.value])).toEqual([
      [
        `http://x.test/id/correction/${c.id}`,
        "http://www.w3.org/ns/prov#used",
        `http://x.test/id/shortcoming/${gap.id}`,
      ],
    ]);
    expect(dump).toContain(`${gap.report.id}-s3`);
    const dir = mkdtempSync(join(tmpdir(), "pg-corrections-"));
    try {
      await writeCsvExport(db, dir, "http://x.test");
      expect(readdirSync(dir)).toContain("shortcomings.csv");
      for (const file of ["shortcomings.csv", "fell_short.csv", "about.csv"])
        expect(readFileSync(join(dir, file), "utf8")).not.toContain(gap.id);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    expect(await refused(REJECT, { id: gap.id, reason: "again" })).toMatch(/rejected already/);

    await correct(UNDO, { id: c.id, reason: "it is one" });
    expect(await counts()).toEqual(before);
    expect((await byId(gap.id)).rejected).toBe(false);
  });

  it("refuses an unknown id and an empty reason", async () => {
    expect(await refused(REJECT, { id: "2022-01-01-nothing", reason: "x" })).toMatch(/no achievement/);
    const gap = await shortcoming("干部监督管理");
    expect(await refused(REJECT, { id: gap.id, reason: "" })).toMatch(/reason is empty/);
  });
});

describe("addItem", () => {
  it("adds a missed shortcoming by its span, with evidence, in reading order, counted at once", async () => {
    // 大兴区's report of 2022-01-28: 招商引资 is there; say the chair also named 疫情防控工作.
    const anchor = await shortcoming("招商引资", "2022-01-28");
    const text: string = anchor.meeting.document.text;
    const start = text.indexOf("疫情防控工作有力有序");
    const end = start + "疫情防控工作".length;
    const before = (await recurring("epidemic-control"))?.departmentCount ?? 0;
    const c = await correct(ADD, {
      input: {
        documentId: anchor.meeting.document.id,
        kind: "SHORTCOMING",
        start,
        end,
        reportId: anchor.report.id,
        themeIds: ["epidemic-control"],
        reason: "the chair's words imply a gap",
      },
    });
    expect(c).toMatchObject({ kind: "ADD_ITEM", target: { __typename: "Shortcoming" } });
    expect(c.details).toMatchObject({
      kind: "SHORTCOMING",
      start,
      end,
      text: "疫情防控工作",
      reportId: anchor.report.id,
    });
    const added = await byId(c.targetId);
    expect(added).toMatchObject({
      text: "疫情防控工作",
      rejected: false,
      unclassified: false,
      themes: [{ id: "epidemic-control" }],
      report: { id: anchor.report.id },
      department: { name: "大兴区" },
      evidence: {
        start,
        end,
        quote: "疫情防控工作",
        sentence: { text: "大兴区扎实推进临空经济区建设；疫情防控工作有力有序。" },
      },
    });
    expect(added.themeTags[0]).toMatchObject({ source: "CURATOR", reason: "the chair's words imply a gap" });
    expect(added.corrections).toEqual([expect.objectContaining({ id: c.id, kind: "ADD_ITEM" })]);
    const report = await read(`query($id: ID!) { node(id: $id) { ... on Report { shortcomings { text } } } }`, {
      id: anchor.report.id,
    });
    // It stands before the report's other gaps: its span comes first.
    expect(report.node.shortcomings.map((s: any) => s.text)).toEqual(["疫情防控工作", "党员干部管理", "招商引资"]);
    expect((await recurring("epidemic-control")).departmentCount).toBe(before + 1);
    expect((await read(SEARCH, { q: "疫情防控工作" })).search.map((h: any) => h.node.id)).toContain(c.targetId);

    await correct(UNDO, { id: c.id, reason: "not a gap" });
    expect(await byId(c.targetId)).toBeNull();
    expect((await recurring("epidemic-control"))?.departmentCount ?? 0).toBe(before);
  });

  it("adds a directive to the document's meeting", async () => {
    const anchor = await shortcoming("招商引资", "2022-01-28");
    const text: string = anchor.meeting.document.text;
    const start = text.indexOf("统筹做好疫情防控");
    const c = await correct(ADD, {
      input: {
        documentId: anchor.meeting.document.id,
        kind: "DIRECTIVE",
        start,
        end: start + "统筹做好疫情防控".length,
        themeIds: [],
        reason: "a directive of its own",
      },
    });
    const meeting = await read(
      `query($id: ID!) { node(id: $id) { ... on Meeting { directives { id text unclassified } } } }`,
      {
        id: anchor.meeting.id,
      },
    );
    expect(meeting.node.directives).toContainEqual({ id: c.targetId, text: "统筹做好疫情防控", unclassified: true });
    await correct(UNDO, { id: c.id, reason: "test done" });
  });

  it("refuses spans outside the document or without text, missing or foreign reports, duplicates", async () => {
    const anchor = await shortcoming("招商引资", "2022-01-28");
    const other = await shortcoming("三重一大");
    const doc = anchor.meeting.document;
    const at = doc.text.indexOf("招商引资");
    const input = {
      documentId: doc.id,
      kind: "SHORTCOMING",
      start: at,
      end: at + 2,
      reportId: anchor.report.id,
      themeIds: [],
      reason: "test",
    };
    const cases: [Record<string, unknown>, RegExp][] = [
      [{ end: doc.text.length + 1 }, /outside the document/],
      [{ start: -1 }, /not a range/],
      [{ start: at + 2, end: at + 2 }, /not a range/],
      [{ documentId: "doc-nothing" }, /no document has the id/],
      [{ reportId: null }, /needs the reportId/],
      [{ reportId: "no-such-report" }, /no report has the id/],
      [{ reportId: other.report.id }, /is not a report of document/],
      [{ kind: "DIRECTIVE" }, /leave reportId out/],
      [{ themeIds: ["no-such-theme"] }, /no theme/],
      [{ start: at, end: at + "招商引资".length }, /already holds this shortcoming/],
      [{ reason: " " }, /reason is empty/],
    ];
    for (const [change, message] of cases)
      expect(await refused(ADD, { input: { ...input, ...change } })).toMatch(message);
  });

  it("refuses a span of blank text", async () => {
    const body =
      "3月15日下午，区委召开月度工作点评会。甲镇、乙街道主要负责同志依次发言，区委书记郑一现场点评。\n\n甲镇完成拆违任务。但在垃圾分类等方面仍存不足。乙街道完成背街小巷整治。";
    const outcome = await ingestReadoutText(
      db,
      `---\ntitle: 区委召开月度工作点评会\npublished: 2024-03-16\nhost: 通州区\n---\n\n${body}`,
    );
    const blank = body.indexOf("\n\n");
    const message = await refused(ADD, {
      input: {
        documentId: outcome.documentId,
        kind: "DIRECTIVE",
        start: blank,
        end: blank + 2,
        themeIds: [],
        reason: "blank",
      },
    });
    expect(message).toMatch(/holds no text/);
  });
});

const DEPARTMENT = `id name aliases reports { id date } shortcomings(first: 100) { totalCount nodes { id } }`;

describe("assignReport", () => {
  it("gives a report to another body: its items count for that body from then on; undo gives it back", async () => {
    const gap = await shortcoming("招商引资", "2022-01-28");
    const daxing = gap.department.id;
    const shunyi = await departmentId("顺义区");
    const query = `query($a: ID!, $b: ID!, $r: ID!) {
      a: department(id: $a) { ${DEPARTMENT} } b: department(id: $b) { ${DEPARTMENT} }
      node(id: $r) { ... on Report { department { id } departments { id } shortcomings { id } } } }`;
    const before = await read(query, { a: daxing, b: shunyi, r: gap.report.id });
    const c = await correct(ASSIGN, {
      reportId: gap.report.id,
      departmentId: shunyi,
      reason: "顺义区 spoke here",
    });
    expect(c).toMatchObject({
      kind: "ASSIGN_REPORT",
      target: { __typename: "Report", id: gap.report.id },
      details: { departmentId: shunyi, previousDepartmentIds: [daxing] },
    });
    const after = await read(query, { a: daxing, b: shunyi, r: gap.report.id });
    const moved = before.node.shortcomings.length;
    expect(moved).toBe(2);
    expect(after.node).toMatchObject({ department: { id: shunyi }, departments: [{ id: shunyi }] });
    expect(after.a.shortcomings.totalCount).toBe(before.a.shortcomings.totalCount - moved);
    expect(after.b.shortcomings.totalCount).toBe(before.b.shortcomings.totalCount + moved);
    expect(after.b.shortcomings.nodes.map((n: any) => n.id)).toContain(gap.id);
    expect(after.b.reports.map((r: any) => r.id)).toContain(gap.report.id);
    const matrix = await read(`{ themeMatrix { rows { department { id } shortcomings } } }`);
    const row = (id: string) => matrix.themeMatrix.rows.find((r: any) => r.department.id === id)?.shortcomings ?? 0;
    expect(row(shunyi)).toBe(before.b.shortcomings.totalCount + moved);
    expect((await byId(gap.id)).department.id).toBe(shunyi);

    await correct(UNDO, { id: c.id, reason: "it was 大兴区" });
    expect(await read(query, { a: daxing, b: shunyi, r: gap.report.id })).toEqual(before);
  });

  it("refuses an unknown report or department and the body that gave it already", async () => {
    const gap = await shortcoming("招商引资", "2022-01-28");
    const shunyi = await departmentId("顺义区");
    expect(await refused(ASSIGN, { reportId: "nope", departmentId: shunyi, reason: "x" })).toMatch(/no report/);
    expect(await refused(ASSIGN, { reportId: gap.report.id, departmentId: "nope", reason: "x" })).toMatch(
      /no department has the id "nope"/,
    );
    expect(await refused(ASSIGN, { reportId: gap.report.id, departmentId: gap.department.id, reason: "x" })).toMatch(
      /already/,
    );
  });
});

describe("mergeDepartments", () => {
  it("moves the first body's reports and names to the second; its id answers with the second; undo splits them", async () => {
    const fromId = await departmentId("大兴区");
    const intoId = await departmentId("顺义区");
    const query = `query($a: ID!, $b: ID!) {
      a: department(id: $a) { ${DEPARTMENT} } b: department(id: $b) { ${DEPARTMENT} }
      node(id: $a) { __typename id }
      departments(first: 100) { nodes { id } } }`;
    const before = await read(query, { a: fromId, b: intoId });
    const c = await correct(MERGE, { fromId, intoId, reason: "one district" }, BOB);
    expect(c).toMatchObject({ kind: "MERGE_DEPARTMENTS", author: "bob", target: { id: intoId } });
    expect(c.details).toMatchObject({ fromId, intoId, addedAliases: ["大兴区", "北京市大兴区", "大兴"] });

    const after = await read(query, { a: fromId, b: intoId });
    expect(after.a.id).toBe(intoId);
    expect(after.a).toEqual(after.b);
    expect(after.node).toEqual({ __typename: "Department", id: intoId });
    expect(after.b.aliases).toEqual(expect.arrayContaining(["大兴区"]));
    expect(after.b.reports).toHaveLength(before.a.reports.length + before.b.reports.length);
    expect(after.b.shortcomings.totalCount).toBe(before.a.shortcomings.totalCount + before.b.shortcomings.totalCount);
    expect(after.departments.nodes.map((d: any) => d.id)).not.toContain(fromId);
    const found = await read(`{ search(query: "大兴区") { node { __typename id } } }`);
    expect(found.search.map((h: any) => h.node.id)).toContain(intoId);
    expect((await recurring("party-building")).departments.map((d: any) => d.name)).not.toContain("大兴区");
    // Regression: a filter by the old id answered empty; it answers with the merged body's items.
    const byOldId = await read(
      `query($a: ID!) { shortcomings(departmentId: $a, first: 1) { totalCount }
        timeline(departmentId: $a) { shortcomings }
        persistentShortcomings(departmentId: $a, minMeetings: 1) { department { id } } }`,
      { a: fromId },
    );
    expect(byOldId.shortcomings.totalCount).toBe(after.b.shortcomings.totalCount);
    expect(byOldId.timeline.length).toBeGreaterThan(0);
    expect(new Set(byOldId.persistentShortcomings.map((p: any) => p.department.id))).toEqual(new Set([intoId]));

    // A new readout that names the old body goes to the merged one.
    await ingestReadoutText(db, readoutText("2022-06-30-districts-followup"));
    const [{ old }] = await db.read<{ old: number }>("MATCH (d:Department {id: $id}) RETURN count(d) AS old", {
      id: fromId,
    });
    expect(old).toBe(0);
    const merged = await read(query, { a: fromId, b: intoId });
    expect(merged.b.reports).toHaveLength(after.b.reports.length + 2);

    expect(await refused(MERGE, { fromId, intoId, reason: "again" })).toMatch(/one body already/);
    await correct(UNDO, { id: c.id, reason: "two districts after all" }, BOB);
    const split = await read(query, { a: fromId, b: intoId });
    expect(split.a.id).toBe(fromId);
    expect(split.a.name).toBe("大兴区");
    expect(split.b.aliases).not.toContain("大兴区");
    expect(split.a.reports).toHaveLength(before.a.reports.length + 1);
    expect(split.b.reports).toHaveLength(before.b.reports.length + 1);
    expect(split.node).toEqual({ __typename: "Department", id: fromId });
  });

  it("refuses unknown ids and a body merged into itself", async () => {
    const a = await departmentId("大兴区");
    expect(await refused(MERGE, { fromId: "nope", intoId: a, reason: "x" })).toMatch(/no department has the id "nope"/);
    expect(await refused(MERGE, { fromId: a, intoId: "nope", reason: "x" })).toMatch(/no department/);
    expect(await refused(MERGE, { fromId: a, intoId: a, reason: "x" })).toMatch(/into itself/);
    expect(await refused(MERGE, { fromId: a, intoId: a, reason: "" })).toMatch(/reason is empty/);
  });
});

describe("undoCorrection", () => {
  it("refuses an unknown correction, one undone already and an undo", async () => {
    const log = await read(`{ corrections(first: 1, kind: UNDO) { nodes { id targetId } } }`);
    const [undo] = log.corrections.nodes;
    expect(await refused(UNDO, { id: "corr-nothing", reason: "x" })).toMatch(/no correction/);
    expect(await refused(UNDO, { id: undo.targetId, reason: "x" })).toMatch(/undone already/);
    expect(await refused(UNDO, { id: undo.id, reason: "x" })).toMatch(/cannot be undone/);
  });
});

describe("the audit log", () => {
  it("lists every correction newest first, by kind and author, with what each changed", async () => {
    const all = await read(
      `{ corrections(first: 100) { totalCount nodes { id kind author at undone target { id } } } }`,
    );
    const nodes = all.corrections.nodes;
    expect(all.corrections.totalCount).toBe(nodes.length);
    expect(nodes.length).toBeGreaterThanOrEqual(14);
    const times = nodes.map((n: any) => n.at);
    expect([...times].sort().reverse()).toEqual(times);
    expect(new Set(nodes.map((n: any) => n.author))).toEqual(new Set(["alice", "bob", "curator"]));

    const bobs = await read(`{ corrections(author: "bob", first: 100) { totalCount nodes { author kind } } }`);
    expect(bobs.corrections.nodes.every((n: any) => n.author === "bob")).toBe(true);
    expect(bobs.corrections.nodes.map((n: any) => n.kind)).toEqual(["UNDO", "MERGE_DEPARTMENTS", "REJECT_ITEM"]);
    const merges = await read(
      `{ corrections(kind: MERGE_DEPARTMENTS) { totalCount nodes { undone undoneBy { kind author } } } }`,
    );
    expect(merges.corrections).toEqual({
      totalCount: 1,
      nodes: [{ undone: true, undoneBy: { kind: "UNDO", author: "bob" } }],
    });

    const page1 = await read(`{ corrections(first: 2) { nodes { id } pageInfo { endCursor hasNextPage } } }`);
    expect(page1.corrections.nodes.map((n: any) => n.id)).toEqual(nodes.slice(0, 2).map((n: any) => n.id));
    const page2 = await read(`query($after: String) { corrections(first: 2, after: $after) { nodes { id } } }`, {
      after: page1.corrections.pageInfo.endCursor,
    });
    expect(page2.corrections.nodes.map((n: any) => n.id)).toEqual(nodes.slice(2, 4).map((n: any) => n.id));
    const one = await read(`query($id: ID!) { node(id: $id) { __typename ... on Correction { id iri } } }`, {
      id: nodes[0].id,
    });
    expect(one.node).toMatchObject({ __typename: "Correction", id: nodes[0].id });
  });
});

const PATTERNS = `{
  recurringShortcomingThemes(minDepartments: 2) { theme { id } departmentCount shortcomingCount meetingCount departments { id } shortcomings(first: 50) { id } }
  windowed: recurringShortcomingThemes(minDepartments: 2, from: "2021-01-01", to: "2022-12-31") { theme { id } departmentCount shortcomingCount }
  persistentShortcomings { department { id } theme { id } meetingCount }
  epidemic: shortcomings(themeId: "epidemic-control", first: 100) { totalCount nodes { id } }
  themeMatrix { rows { department { id } achievements shortcomings directives } }
  corrections(first: 100) { totalCount nodes { id kind author undone orphaned } }
}`;

describe("corrections stick", () => {
  let standing: Record<string, any> = {};
  let answers: Record<string, any>;

  beforeAll(async () => {
    const retag = await shortcoming("三重一大");
    const reject = await shortcoming("民生领域投入");
    const anchor = await shortcoming("招商引资", "2022-01-28");
    const text: string = anchor.meeting.document.text;
    const start = text.indexOf("疫情防控工作有力有序");
    const shijingshan = await departmentId("石景山区");
    const report = (
      await read(`query($id: ID!) { department(id: $id) { reports { id date } } }`, { id: shijingshan })
    ).department.reports.find((r: any) => r.date === "2021-06-30");
    standing = {
      retag: await correct(SET_THEMES, { id: retag.id, themeIds: ["state-assets"], reason: "kept: retag" }),
      reject: await correct(REJECT, { id: reject.id, reason: "kept: reject" }, BOB),
      add: await correct(ADD, {
        input: {
          documentId: anchor.meeting.document.id,
          kind: "SHORTCOMING",
          start,
          end: start + 6,
          reportId: anchor.report.id,
          themeIds: ["epidemic-control"],
          reason: "kept: add",
        },
      }),
      assign: await correct(ASSIGN, {
        reportId: report.id,
        departmentId: await departmentId("顺义区"),
        reason: "kept: assign",
      }),
      merge: await correct(
        MERGE,
        { fromId: await departmentId("市国资委"), intoId: await departmentId("市财政局"), reason: "kept: merge" },
        SINGLE,
      ),
    };
    answers = await read(PATTERNS);
  });

  it("hold in the patterns at once", () => {
    const party = answers.recurringShortcomingThemes.find((r: any) => r.theme.id === "party-building");
    expect(party.shortcomings.map((s: any) => s.id)).not.toContain(standing.retag.targetId);
    expect(answers.epidemic.nodes.map((n: any) => n.id)).toContain(standing.add.targetId);
    const counted = answers.recurringShortcomingThemes.flatMap((r: any) => r.shortcomings.map((x: any) => x.id));
    expect(counted).not.toContain(standing.reject.targetId);
    const ids = answers.themeMatrix.rows.map((r: any) => r.department.id);
    expect(ids).not.toContain(standing.merge.details.fromId);
    expect(ids).toContain(standing.merge.details.intoId);
    const log = answers.corrections.nodes.slice(0, 5).map((n: any) => [n.kind, n.author]);
    expect(log).toEqual([
      ["MERGE_DEPARTMENTS", "curator"],
      ["ASSIGN_REPORT", "alice"],
      ["ADD_ITEM", "alice"],
      ["REJECT_ITEM", "bob"],
      ["SET_ITEM_THEMES", "alice"],
    ]);
  });

  it("leave derived data as a rebuild from what the graph states gives it", async () => {
    const incremental = await derivedData(db);
    await rebuildDerived(db);
    expect(await derivedData(db)).toEqual(incremental);
    expect(await read(PATTERNS)).toEqual(answers);
  });

  it("survive a restart of the service", async () => {
    await server.close();
    server = await testServer(db, { curatorToken: SINGLE, curatorTokens: CURATORS });
    expect(await read(PATTERNS)).toEqual(answers);
  });

  it("survive a re-ingest of the same readouts (nothing is rewritten)", async () => {
    const outcomes = await ingestAll(db);
    expect(outcomes.map((o) => o.status)).toEqual(["unchanged", "unchanged", "unchanged"]);
    expect((await ingestReadoutText(db, readoutText("2022-06-30-districts-followup"))).status).toBe("unchanged");
    expect(await read(PATTERNS)).toEqual(answers);
    expect((await byId(standing.retag.targetId)).themeTags[0]).toMatchObject({
      theme: { id: "state-assets" },
      source: "CURATOR",
    });
    expect((await byId(standing.reject.targetId)).rejected).toBe(true);
    expect((await byId(standing.add.targetId)).text).toBe("疫情防控工作");
  });
});

describe("reapplyCorrections", () => {
  const inTx = (documentId: string) => db.transaction((tx) => reapplyCorrections(tx, documentId));
  const documentOf = async (itemId: string) => (await byId(itemId)).meeting.document.id;

  it("re-applies a document's corrections over freshly written extractor output", async () => {
    const retagged = await byId(
      (await read(`{ corrections(kind: SET_ITEM_THEMES, first: 1) { nodes { targetId } } }`)).corrections.nodes[0]
        .targetId,
    );
    const seed = retagged.meeting.document.id;
    // As a re-extraction writes an item it keeps: the extractor's tags afresh beside the curator's
    // (here by a new rule), no rejection.
    await db.write(
      `MATCH (x {id: $id}), (t:PolicyTheme {id: 'party-building'})
       CREATE (x)-[:ABOUT {rank: 0, reason: 'rule:new'}]->(t)`,
      { id: retagged.id },
    );
    const rejected = (await read(`{ corrections(kind: REJECT_ITEM, first: 1) { nodes { targetId } } }`)).corrections
      .nodes[0].targetId;
    await db.write("MATCH (x {id: $id}) REMOVE x.rejected SET x.searchText = x.text", { id: rejected });
    expect((await byId(rejected)).rejected).toBe(false);

    expect(await inTx(seed)).toEqual({ orphaned: [] });
    expect((await byId(retagged.id)).themeTags).toEqual([
      { theme: { id: "state-assets" }, rank: 0, reason: "kept: retag", source: "CURATOR" },
    ]);
    // The fresh extractor tags are the ones an undo would give back.
    const [{ kept }] = await db.read<{ kept: string[] }>("MATCH (x {id: $id}) RETURN x.extractorTags AS kept", {
      id: retagged.id,
    });
    expect(kept).toEqual(["party-building|rule:new"]);
    expect((await byId(rejected)).rejected).toBe(true);
  });

  it("reports a correction whose target is gone as orphaned, keeps it, and places it again when it is back", async () => {
    const [retag] = (await read(`{ corrections(kind: SET_ITEM_THEMES, first: 1) { nodes { id targetId } } }`))
      .corrections.nodes;
    const seed = await documentOf(retag.targetId);
    const saved = await db.read<{ props: Record<string, unknown>; report: string }>(
      "MATCH (r:Report)-[:FELL_SHORT]->(x {id: $id}) RETURN properties(x) AS props, r.id AS report",
      { id: retag.targetId },
    );
    // A re-extraction that splits the sentence differently: the item is gone.
    await db.write("MATCH (x {id: $id}) DETACH DELETE x", { id: retag.targetId });
    expect(await inTx(seed)).toEqual({ orphaned: [retag.id] });
    const log = await read(
      `query($id: ID!) { node(id: $id) { ... on Correction { id orphaned undone target { id } } } }`,
      {
        id: retag.id,
      },
    );
    expect(log.node).toEqual({ id: retag.id, orphaned: true, undone: false, target: null });

    // The extractor finds the item again: the correction is placed again.
    await db.write(
      `MATCH (r:Report {id: $report}) CREATE (r)-[:FELL_SHORT]->(x:Shortcoming:Entity) SET x = $props
       WITH x MATCH (t:PolicyTheme {id: 'party-building'}) CREATE (x)-[:ABOUT {rank: 0, reason: 'keyword:三重一大'}]->(t)`,
      { report: saved[0].report, props: saved[0].props },
    );
    expect(await inTx(seed)).toEqual({ orphaned: [] });
    const again = await byId(retag.targetId);
    expect(again.themes).toEqual([{ id: "state-assets" }]);
    expect(again.corrections[0]).toMatchObject({ id: retag.id });
  });

  it("writes an added item again, and orphans it when its report is gone", async () => {
    const [add] = (await read(`{ corrections(kind: ADD_ITEM, first: 1) { nodes { id targetId details } } }`))
      .corrections.nodes;
    const doc = add.details.documentId;
    await db.write("MATCH (x {id: $id}) DETACH DELETE x", { id: add.targetId });
    expect(await byId(add.targetId)).toBeNull();
    expect(await inTx(doc)).toEqual({ orphaned: [] });
    expect((await byId(add.targetId)).text).toBe("疫情防控工作");

    await db.write("MATCH (r:Report {id: $id}) SET r.id = $id + '-gone'", { id: add.details.reportId });
    expect(await inTx(doc)).toEqual({ orphaned: [add.id] });
    expect(await byId(add.targetId)).toBeNull();
    await db.write("MATCH (r:Report {id: $id}) SET r.id = $back", {
      id: `${add.details.reportId}-gone`,
      back: add.details.reportId,
    });
    expect(await inTx(doc)).toEqual({ orphaned: [] });
    expect((await byId(add.targetId)).report.id).toBe(add.details.reportId);
  });

  it("folds a body a re-extraction wrote again under a merged id into the one it was merged into", async () => {
    const [merge] = (
      await read(`{ corrections(kind: MERGE_DEPARTMENTS, first: 5) { nodes { id undone details } } }`)
    ).corrections.nodes.filter((m: any) => !m.undone);
    const { fromId, intoId } = merge.details;
    const seedDoc = await documentOf(
      (await read(`{ corrections(kind: SET_ITEM_THEMES, first: 1) { nodes { targetId } } }`)).corrections.nodes[0]
        .targetId,
    );
    const [report] = await db.read<{ id: string }>(
      "MATCH (:Department {id: $into})-[g:GAVE]->(r:Report) WHERE g.mergedFrom = [$from] RETURN r.id AS id",
      { into: intoId, from: fromId },
    );
    // As a writer that resolves the old name: the old body again, giving its report.
    await db.write(
      `MATCH (r:Report {id: $report}), (:Department {id: $into})-[g:GAVE]->(r) DELETE g
       WITH r CREATE (d:Department:Entity {id: $from, name: '市国资委'})-[:GAVE]->(r)`,
      { report: report.id, into: intoId, from: fromId },
    );
    expect(await inTx(seedDoc)).toEqual({ orphaned: [] });
    const [{ old, givers }] = await db.read<{ old: number; givers: string[] }>(
      `OPTIONAL MATCH (d:Department {id: $from}) WITH count(d) AS old
       MATCH (g:Department)-[:GAVE]->(:Report {id: $report}) RETURN old, collect(g.id) AS givers`,
      { from: fromId, report: report.id },
    );
    expect({ old, givers }).toEqual({ old: 0, givers: [intoId] });
  });
});

describe("corrections and re-extraction", () => {
  it("survive reextract --all: every standing correction is back on top and the patterns answer the same", async () => {
    const before = await read(PATTERNS);
    const run = await reextractDocuments(db, { all: true });
    expect(run.rows.length).toBeGreaterThan(0);
    expect(run.rows.filter((r) => r.status === "failed")).toEqual([]);
    expect(run.rows.flatMap((r) => r.orphaned)).toEqual([]);
    expect(await read(PATTERNS)).toEqual(before);
    const log = await read(`{ corrections(first: 50) { nodes { kind undone } } }`);
    expect(log.corrections.nodes.length).toBeGreaterThanOrEqual(5);
  });

  it("reports a correction whose item a changed split took away, and keeps it stored", async () => {
    const target = await shortcoming("招商引资", "2022-01-28");
    const rejected = await correct(REJECT, { id: target.id, reason: "orphan: reject" });
    // The graph as an older extractor split it: the item's span no longer matches what the
    // current extractor reads, so re-extraction replaces it with an item of a new id.
    await db.write("MATCH (x:Shortcoming {id: $id}) SET x.end = x.end - 1, x.text = left(x.text, size(x.text) - 1)", {
      id: target.id,
    });
    const run = await reextractDocuments(db, { all: true });
    expect(run.rows.flatMap((r) => r.orphaned)).toContain(rejected.id);
    const log = await read(`{ corrections(first: 50) { nodes { id } } }`);
    expect(log.corrections.nodes.map((n: any) => n.id)).toContain(rejected.id);
  });
});
