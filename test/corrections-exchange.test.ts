import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { runCorrections } from "../src/cli/corrections.command";
import { Database } from "../src/platform/db/neo4j";
import { RunningServer } from "../src/server/app";
import { graphCounts, resetGraph, testDatabase } from "./support/graph";
import { captureOutput } from "./support/output";
import { ingestAll } from "./support/readouts";
import { gql, testServer } from "./support/server";
import { cliUsesTestNeo4j } from "./support/test-neo4j";

// Corrections as data: one of each kind (and an undo) made through the API on the seed and the
// test readouts, exported with the CLI, and replayed onto the same graph and onto graphs built
// again from the same readouts.

const ALICE = "alice-token-for-exchange";
const BOB = "bob-token-for-exchange";
const as = (token: string) => ({ authorization: `Bearer ${token}` });

let db: Database;
let server: RunningServer;
let dir: string;
let exported: string;
const output = captureOutput();
const savedEnv = { ...process.env };

async function read(query: string, variables: Record<string, unknown> = {}) {
  const res = await gql(server, query, variables);
  expect(res.errors).toBeUndefined();
  return res.data!;
}

async function correct(mutation: string, variables: Record<string, unknown>, token = ALICE) {
  const res = await gql(server, mutation, variables, as(token));
  expect(res.errors).toBeUndefined();
  return Object.values(res.data!)[0] as { id: string; targetId: string };
}

const C = `{ id targetId }`;
const SET_THEMES = `mutation($id: ID!, $themeIds: [ID!]!, $reason: String!) { setItemThemes(id: $id, themeIds: $themeIds, reason: $reason) ${C} }`;
const REJECT = `mutation($id: ID!, $reason: String!) { rejectItem(id: $id, reason: $reason) ${C} }`;
const ADD = `mutation($input: AddItemInput!) { addItem(input: $input) ${C} }`;
const ASSIGN = `mutation($reportId: ID!, $departmentId: ID!, $reason: String!) { assignReport(reportId: $reportId, departmentId: $departmentId, reason: $reason) ${C} }`;
const MERGE = `mutation($fromId: ID!, $intoId: ID!, $reason: String!) { mergeDepartments(fromId: $fromId, intoId: $intoId, reason: $reason) ${C} }`;
const UNDO = `mutation($id: ID!, $reason: String!) { undoCorrection(id: $id, reason: $reason) ${C} }`;

async function shortcoming(contains: string, day: string) {
  const data = await read(
    `query($c: String!, $day: Date) { shortcomings(contains: $c, from: $day, to: $day) {
       nodes { id report { id } department { id } meeting { document { id text } } } } }`,
    { c: contains, day },
  );
  expect(data.shortcomings.nodes).toHaveLength(1);
  return data.shortcomings.nodes[0];
}

async function departmentId(name: string): Promise<string> {
  const data = await read(`query($c: String!) { departments(contains: $c, first: 100) { nodes { id name } } }`, {
    c: name,
  });
  return data.departments.nodes.find((d: any) => d.name === name).id;
}

const RECURRING = `{ recurringShortcomingThemes(minDepartments: 1) {
  theme { id } departmentCount shortcomingCount departments { id name } shortcomings(first: 100) { id } } }`;

/** What the corrections change, read so that two graphs can be compared: answers, themes, rejections, givers. */
async function state() {
  const items = await db.read(
    `MATCH (x:Entity) WHERE x:Achievement OR x:Shortcoming OR x:Directive
     RETURN x.id AS id, x.documentId AS documentId, x.start AS start, x.end AS end, x.rejected IS NOT NULL AS rejected,
            COLLECT { MATCH (x)-[a:ABOUT]->(t:PolicyTheme) RETURN [t.id, coalesce(a.source, 'EXTRACTOR'), a.reason] ORDER BY a.rank } AS tags
     ORDER BY id`,
  );
  const givers = await db.read(
    `MATCH (d:Department)-[:GAVE]->(r:Report) RETURN r.id AS report, collect(d.id) AS departments ORDER BY report`,
  );
  const departments = await db.read(`MATCH (d:Department) RETURN d.id AS id, d.mergedAliases AS merged ORDER BY id`);
  const log = await db.read(
    `MATCH (c:Correction) RETURN c.id AS id, c.kind AS kind, c.author AS author, c.at AS at, c.reason AS reason,
            c.undone AS undone, c.orphaned AS orphaned ORDER BY c.seq`,
  );
  return { recurring: await read(RECURRING), items, givers, departments, log };
}

const importFile = async (file: string, ...flags: string[]) => runCorrections(["import", file, ...flags]);
const statuses = (from = 0) =>
  output.out
    .slice(from)
    .trim()
    .split("\n")
    .map((l) => l.split(/\s+/)[0]);

let original: Awaited<ReturnType<typeof state>>;
let made: string[];

beforeAll(async () => {
  db = testDatabase();
  await resetGraph(db);
  await ingestAll(db);
  server = await testServer(db, {
    curatorTokens: [
      { name: "alice", token: ALICE },
      { name: "bob", token: BOB },
    ],
  });
  cliUsesTestNeo4j();
  dir = mkdtempSync(join(tmpdir(), "pg-corrections-"));
  exported = join(dir, "corrections.jsonl");

  // One correction of each kind, an undo, and a correction of an item a correction added.
  const retag = await shortcoming("三重一大", "2022-03-31");
  const reject = await shortcoming("民生领域投入", "2022-03-31");
  const anchor = await shortcoming("招商引资", "2022-01-28");
  const text: string = anchor.meeting.document.text;
  const start = text.indexOf("疫情防控工作有力有序");
  const c1 = await correct(SET_THEMES, { id: retag.id, themeIds: ["state-assets"], reason: "about the assets" });
  const c2 = await correct(REJECT, { id: reject.id, reason: "not a shortcoming" }, BOB);
  const c3 = await correct(ADD, {
    input: {
      documentId: anchor.meeting.document.id,
      kind: "SHORTCOMING",
      start,
      end: start + "疫情防控工作".length,
      reportId: anchor.report.id,
      themeIds: ["epidemic-control"],
      reason: "the chair's words imply a gap",
    },
  });
  const c4 = await correct(SET_THEMES, {
    id: c3.targetId,
    themeIds: ["epidemic-control", "economic-development"],
    reason: "also the economy",
  });
  const shijingshan = await shortcoming("背街小巷环境整治", "2022-01-28");
  const c5 = await correct(ASSIGN, {
    reportId: shijingshan.report.id,
    departmentId: await departmentId("顺义区"),
    reason: "顺义区 spoke here",
  });
  const c6 = await correct(
    MERGE,
    { fromId: await departmentId("大兴区"), intoId: await departmentId("顺义区"), reason: "one district" },
    BOB,
  );
  const other = await shortcoming("财源建设", "2022-01-28");
  const c7 = await correct(SET_THEMES, { id: other.id, themeIds: ["party-building"], reason: "a try" });
  const c8 = await correct(UNDO, { id: c7.id, reason: "the try was wrong" });
  made = [c1, c2, c3, c4, c5, c6, c7, c8].map((c) => c.id);
  original = await state();
}, 120_000);

afterAll(async () => {
  process.env = savedEnv;
  rmSync(dir, { recursive: true, force: true });
  await server.close();
  await db.close();
});

describe("policygraph corrections export", () => {
  it("writes every correction in the order made, with its targets by id and by span, and no token", async () => {
    expect(await runCorrections(["export", "--out", exported])).toBe(0);
    expect(output.err).toMatch(/8 correction\(s\) exported/);
    const text = readFileSync(exported, "utf8");
    expect(text).not.toMatch(/token-for-exchange/);
    const lines = text
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l));
    expect(lines.map((l) => l.id)).toEqual(made);
    expect(lines.map((l) => [l.kind, l.author])).toEqual([
      ["SET_ITEM_THEMES", "alice"],
      ["REJECT_ITEM", "bob"],
      ["ADD_ITEM", "alice"],
      ["SET_ITEM_THEMES", "alice"],
      ["ASSIGN_REPORT", "alice"],
      ["MERGE_DEPARTMENTS", "bob"],
      ["SET_ITEM_THEMES", "alice"],
      ["UNDO", "alice"],
    ]);
    expect(lines.map((l) => [l.at, l.reason, l.undone])).toEqual(
      original.log.map((c: any) => [c.at, c.reason, c.undone]),
    );
    // An item is placed by its document and span, whose characters are its text.
    const [retag] = await db.read<{ text: string }>(`MATCH (d:Document {id: $id}) RETURN d.text AS text`, {
      id: lines[0].target.documentId,
    });
    expect(lines[0].target).toMatchObject({
      type: "Shortcoming",
      id: expect.any(String),
      documentId: expect.stringMatching(/^doc-/),
    });
    expect(retag.text.slice(lines[0].target.start, lines[0].target.end)).toBe(lines[0].target.text);
    expect(lines[2].report).toMatchObject({ type: "Report", order: 3, documentId: lines[2].details.documentId });
    expect(lines[4].target).toMatchObject({ type: "Report", order: 1 });
    expect(lines[4].department).toMatchObject({ type: "Department", name: "顺义区" });
    expect(lines[5].from).toMatchObject({ type: "Department", name: "大兴区" });
    expect(lines[5].target).toMatchObject({ type: "Department", name: "顺义区" });
    expect(lines[7].target).toEqual({ type: "Correction", id: made[6] });

    // On stdout, the same lines.
    expect(await runCorrections(["export"])).toBe(0);
    expect(output.out).toBe(text);
  });

  it("refuses bad usage with exit 2", async () => {
    expect(await runCorrections(["export", "--format", "ttl"])).toBe(2);
    expect(await runCorrections(["export", "--out", dir])).toBe(2);
    expect(output.err).toMatch(/is a directory/);
    expect(await runCorrections(["frobnicate"])).toBe(2);
    expect(await runCorrections(["import"])).toBe(2);
  });
});

describe("policygraph corrections import", () => {
  it("onto the graph it was exported from changes nothing and says so per line", async () => {
    const before = await graphCounts(db);
    expect(await importFile(exported)).toBe(0);
    expect(statuses()).toEqual(Array(8).fill("present"));
    expect(output.out).toMatch(/line 1 .*already in the graph/);
    expect(output.err).toMatch(/8 line\(s\): 0 applied, 8 present, 0 unplaced, 0 refused/);
    expect(await graphCounts(db)).toEqual(before);
    expect(await state()).toEqual(original);
  });

  it("onto a graph built again from the same readouts gives the same answers; a second import is a no-op", async () => {
    await resetGraph(db);
    await ingestAll(db);
    expect((await state()).recurring).not.toEqual(original.recurring);
    expect(await importFile(exported, "--json")).toBe(0);
    const rows = JSON.parse(output.out);
    expect(rows.map((r: any) => [r.line, r.id, r.status, r.placedBy])).toEqual(
      made.map((id, i) => [i + 1, id, "applied", "id"]),
    );
    expect(await state()).toEqual(original);

    const counts = await graphCounts(db);
    const mark = output.out.length;
    expect(await importFile(exported)).toBe(0);
    expect(statuses(mark)).toEqual(Array(8).fill("present"));
    expect(await graphCounts(db)).toEqual(counts);
    expect(await state()).toEqual(original);
  });

  it("places targets by document span and name when the ids in the file are not this graph's", async () => {
    const lines = readFileSync(exported, "utf8")
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l));
    const regenerate = (p: any) => p && p.type !== "Correction" && (p.id = `regenerated-${p.id}`);
    for (const l of lines) [l.target, l.report, l.department, l.from].forEach(regenerate);
    const file = join(dir, "regenerated.jsonl");
    writeFileSync(file, lines.map((l) => JSON.stringify(l)).join("\n") + "\n");

    await resetGraph(db);
    await ingestAll(db);
    expect(await importFile(file, "--json")).toBe(0);
    expect(JSON.parse(output.out).map((r: any) => [r.status, r.placedBy])).toEqual([
      ...Array(7).fill(["applied", "span"]),
      ["applied", "id"],
    ]);
    expect(await state()).toEqual(original);
  });

  it("reports each line it cannot place, applies the others and exits 1", async () => {
    await resetGraph(db);
    await ingestAll(db);
    const lines = readFileSync(exported, "utf8").trim().split("\n");
    const gone = JSON.parse(lines[0]);
    gone.target = { ...gone.target, id: "no-such-item", start: 1, end: 2 };
    const file = join(dir, "partial.jsonl");
    writeFileSync(file, [JSON.stringify(gone), lines[1]].join("\n") + "\n");
    expect(await importFile(file)).toBe(1);
    const out = output.out.trim().split("\n");
    expect(out).toHaveLength(2);
    expect(out[0]).toMatch(
      new RegExp(
        `^unplaced +line 1 ${made[0]} SET_ITEM_THEMES: no shortcoming at doc-\\w+ \\[1, 2\\) nor with id no-such-item$`,
      ),
    );
    expect(out[1]).toMatch(new RegExp(`^applied +line 2 ${made[1]} REJECT_ITEM$`));
    expect(output.err).toMatch(/2 line\(s\): 1 applied, 0 present, 1 unplaced, 0 refused/);
    const log = await db.read<{ id: string }>(`MATCH (c:Correction) RETURN c.id AS id`);
    expect(log.map((c) => c.id)).toEqual([made[1]]);

    // An undo whose correction is not in the graph cannot be placed either.
    const undoOnly = join(dir, "undo-only.jsonl");
    writeFileSync(undoOnly, lines[7] + "\n");
    const mark = output.out.length;
    expect(await importFile(undoOnly)).toBe(1);
    expect(output.out.slice(mark)).toMatch(
      new RegExp(`^unplaced +line 1 ${made[7]} UNDO: the correction it undoes, ${made[6]}, is not in this graph`),
    );
  });

  it("refuses a malformed file whole, naming the line, and writes nothing", async () => {
    const lines = readFileSync(exported, "utf8").trim().split("\n");
    const before = await graphCounts(db);
    const cases: [string[], RegExp][] = [
      [[lines[2], lines[3], "{not json"], /line 3: not JSON/],
      [[lines[2], "", JSON.stringify({ ...JSON.parse(lines[3]), kind: "DELETE_ALL" })], /line 3: "kind" is not one of/],
      [[JSON.stringify({ ...JSON.parse(lines[2]), reason: " " })], /line 1: "reason" is empty/],
      [[JSON.stringify({ ...JSON.parse(lines[2]), format: "other/2" })], /line 1: "format" is not/],
      [[lines[2], "[1, 2]"], /line 2: not a JSON object/],
    ];
    for (const [content, message] of cases) {
      const file = join(dir, "malformed.jsonl");
      writeFileSync(file, content.join("\n"));
      const from = output.err.length;
      expect(await importFile(file)).toBe(2);
      const said = output.err.slice(from);
      expect(said).toMatch(message);
      expect(said).toMatch(/nothing was written\n$/);
      expect(said.trim().split("\n")).toHaveLength(1);
      expect(await graphCounts(db)).toEqual(before);
    }
    expect(await importFile(join(dir, "no-such-file.jsonl"))).toBe(2);
    expect(output.err).toMatch(/cannot read/);
  });
});
