import { Database } from "../../src/platform/db/neo4j";
import { resetGraph, testDatabase } from "../support/graph";
import { catalogue, Statement } from "./catalogue";

// Neo4j plans every catalogued statement (EXPLAIN runs nothing), with representative parameters
// of the types the repositories pass: a statement that no longer parses, names a variable it
// never binds, or reads a parameter nobody gives fails here rather than in one end-to-end answer.

const ID = "x-1";
const DAY = "2022-03-31";
const ROW = { id: ID, parentId: ID, departmentIds: [ID], themes: [], themeIds: [], addresseeIds: [] };

/** One representative value per parameter name; a statement with a name not here fails. */
const PARAMS: Record<string, unknown> = {
  batch: 100,
  ids: [ID],
  limit: 10,
  c: { id: ID, kind: "REJECT_ITEM", author: "curator", at: "2026-01-01T00:00:00Z", reason: "r", targetId: ID },
  kind: "REJECT_ITEM",
  author: "curator",
  skip: 0,
  documentId: ID,
  rows: [ROW],
  id: ID,
  undoneBy: ID,
  at: "2026-01-01T00:00:00Z",
  reportId: ID,
  start: 0,
  end: 10,
  intoId: ID,
  repointed: [ID],
  seq: 1,
  mergedId: ID,
  targetId: ID,
  fromId: ID,
  addedAliases: ["别名"],
  addedSearch: "别名",
  correctionId: ID,
  from: DAY,
  parentId: ID,
  intoWasPartOfFrom: false,
  intoSearchText: "名",
  contains: "党建",
  version: 1,
  perNode: 10,
  to: DAY,
  first: 10,
  group: [ID],
  after: "",
  given: "given",
  all: false,
  readout: { document: { id: ID }, meeting: { id: ID, date: DAY }, reports: [ROW], departments: [ROW] },
  plan: [{ id: ID }],
  unused: [ID],
  departmentId: ID,
  themeId: ID,
  meetingId: ID,
  departmentKind: "DISTRICT",
  afterFrom: "",
  afterTo: "",
  afterRel: "",
  primaryOnly: false,
  minDepartments: 2,
  minMeetings: 2,
  keys: [{ departmentId: ID, themeId: ID }],
  columns: [ID],
  themes: [{ id: ID, name: "主题", parentId: null, position: 1 }],
  fallbackReasons: ["portfolio:"],
  name: "alice",
  type: "Shortcoming",
  order: 1,
  last: 5,
};

const paramsOf = (s: Statement) => [...new Set([...s.cypher.matchAll(/\$([A-Za-z_]\w*)/g)].map((m) => m[1]))];

// The value of `$name` in `cypher` in the shape the statement reads it: a map where it reads a
// field of it or sets a node's properties from it (its fields then null, which plans as any type), a list where it unwinds or tests
// membership in it, else the representative value. Names recur with different shapes across
// statements (`$batch` is a page size in one, a map of meetings and years in another).
function valueFor(name: string, cypher: string): unknown {
  if (new RegExp(`\\$${name}\\.\\w|SET\\s+\\w+\\s*\\+?=\\s*\\$${name}\\b`).test(cypher)) return {};
  const value = PARAMS[name];
  if (new RegExp(`(UNWIND|IN)\\s+\\$${name}\\b`).test(cypher) && !Array.isArray(value)) return [value];
  return value;
}

const { statements } = catalogue();
const runnable = statements.filter((s) => !s.fragment);
let db: Database;

beforeAll(async () => {
  db = testDatabase();
  await resetGraph(db);
});

afterAll(() => db.close());

describe("every catalogued statement", () => {
  it("reads only parameters with a representative value here", () => {
    const unknown = statements.flatMap((s) =>
      paramsOf(s)
        .filter((p) => !(p in PARAMS))
        .map((p) => `${s.name}: $${p}`),
    );
    expect(unknown).toEqual([]);
  });

  it("counts fragments only where a runnable statement holds them", () => {
    const orphans = statements.filter((f) => f.fragment && !runnable.some((s) => s.cypher.includes(f.cypher)));
    expect(orphans.map((s) => s.name)).toEqual([]);
  });

  it.each(runnable.map((s) => [s.name, s]))("%s plans", async (_name, s) => {
    const st = s as Statement;
    const params = Object.fromEntries(paramsOf(st).map((p) => [p, valueFor(p, st.cypher)]));
    const { operators, notifications } = await db.explain(st.cypher, params);
    expect(operators[0]).toMatch(/^ProduceResults|^EmptyResult/);
    // A parameter left out would plan with a warning instead of failing; none may be.
    expect(notifications).not.toContain("Neo.ClientNotification.Statement.ParameterNotProvided");
  });
});
