import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { logExtractorStatus } from "../src/pipeline/bootstrap/bootstrap";
import { runReextract } from "../src/cli/reextract.command";
import { Database } from "../src/platform/db/neo4j";
import { resolveDepartment } from "../src/pipeline/registry/department.registry";
import { deriveMeetings, ensureDerived, underiveMeetings } from "../src/pipeline/derived/derived.repository";
import { extractorVersion, GIVEN_EXTRACTION } from "../src/pipeline/extraction/extractor-version";
import { ingestReadoutText, IngestOutcome } from "../src/pipeline/ingest/ingest.service";
import { STORED_DOCUMENT } from "../src/pipeline/ingest/reextract.cypher";
import { StoredDocument } from "../src/pipeline/ingest/reextract.plan";
import * as hooks from "../src/pipeline/ingest/reextract.hooks";
import { extractAgain, reextractDocuments } from "../src/pipeline/ingest/reextract.service";
import { seedIfEmpty } from "../src/pipeline/ingest/seed";
import { projectRoot } from "../src/platform/paths";
import { RunningServer } from "../src/server/app";
import { resetGraph, testDatabase } from "./support/graph";
import { captureOutput } from "./support/output";
import { DEFAULT_SETTINGS, gql, testServer } from "./support/server";
import { cliUsesTestNeo4j, testConnection } from "./support/test-neo4j";

// The genre readouts written for the tests: four Beijing meetings, and three district meetings
// whose 区科委 and towns are the district's own bodies.
const FIXTURES = ["readouts", "district-readouts"].flatMap((dir) =>
  readdirSync(join(projectRoot, "test", "fixtures", dir))
    .sort()
    .map((f) => ({ name: f.replace(/\.txt$/, ""), path: join(projectRoot, "test", "fixtures", dir, f) })),
);
const TOKEN = "curator-secret-for-reextract";

let db: Database;
let server: RunningServer;
const output = captureOutput();
const savedEnv = { ...process.env };
const outcomes = new Map<string, IngestOutcome>();
let fresh: string[];
let freshRecurrence: unknown;

const documentOf = (name: string) => outcomes.get(name)!.documentId;
const meetingOf = (name: string) => outcomes.get(name)!.meetingId;

// Every node and relationship with its properties, as sorted lines: two graphs that dump alike are
// the same graph. A tally's entries are sorted by meeting (their order is the order they came in).
async function dump(): Promise<string[]> {
  const nodes = await db.read<{ labels: string[]; props: Record<string, unknown> }>(
    "MATCH (n) WHERE NOT n:Maintenance RETURN labels(n) AS labels, properties(n) AS props",
  );
  const rels = await db.read<{ a: string; type: string; b: string; props: Record<string, unknown> }>(
    "MATCH (a)-[r]->(b) RETURN a.id AS a, type(r) AS type, b.id AS b, properties(r) AS props",
  );
  const sortedKeys = (o: Record<string, unknown>) => JSON.stringify(Object.fromEntries(Object.entries(o).sort()));
  const byMeeting = (props: Record<string, unknown>) => {
    const ids = props.meetingIds as string[] | undefined;
    if (!Array.isArray(ids)) return props;
    const order = ids.map((_, i) => i).sort((i, j) => ids[i].localeCompare(ids[j]));
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(props))
      out[k] = Array.isArray(v) && v.length === ids.length ? order.map((i) => v[i]) : v;
    return out;
  };
  return [
    ...nodes.map((n) => `${[...n.labels].sort().join(":")} ${sortedKeys(byMeeting(n.props))}`),
    ...rels.map((r) => `${r.a} -${r.type}-> ${r.b} ${sortedKeys(r.props)}`),
  ].sort();
}

// The directive index and derived data made anew from what the graph states, as start-up does for
// a graph whose derived data another version made.
async function rebuildDerived(): Promise<void> {
  await db.write("MATCH (x) WHERE x:MeetingDirectiveTheme OR x:MeetingAddressee DELETE x");
  await db.write("MATCH (m:Meeting) REMOVE m.directivesIndexed");
  await db.write("MATCH (v:Maintenance {id: 'derived'}) DELETE v");
  await ensureDerived(db, () => undefined);
}

const RECURRENCE = `{ recurringShortcomingThemes(minDepartments: 1) {
  theme { id } departmentCount shortcomingCount meetingCount departments { id } } }`;

async function recurrence(): Promise<unknown> {
  const res = await gql(server, RECURRENCE);
  expect(res.errors).toBeUndefined();
  return res.data!.recurringShortcomingThemes;
}

async function reextractJson(...args: string[]): Promise<{ code: number; rows: any[] }> {
  const from = output.out.length;
  const code = await runReextract([...args, "--json"]);
  return { code, rows: JSON.parse(output.out.slice(from)) };
}

// Tags the first item of a kind at a meeting as an older lexicon might have: party building only.
async function retagFirst(label: string, meetingId: string): Promise<string | undefined> {
  const [row] = await db.transaction((tx) =>
    tx.run<{ id: string }>(
      `MATCH (x:${label} {meetingId: $m}) WHERE NOT (x)-[:ABOUT]->(:PolicyTheme {id: 'party-building'})
       WITH x ORDER BY x.id LIMIT 1
       OPTIONAL MATCH (x)-[a:ABOUT]->() DELETE a
       WITH DISTINCT x
       MATCH (t:PolicyTheme {id: 'party-building'}) CREATE (x)-[:ABOUT {rank: 0, reason: 'keyword:old'}]->(t)
       RETURN x.id AS id`,
      { m: meetingId },
    ),
  );
  return row?.id;
}

const rowFor = (rows: any[], name: string) => rows.find((r) => r.document === documentOf(name));

beforeAll(async () => {
  db = testDatabase();
  await resetGraph(db);
  await seedIfEmpty(db);
  for (const f of FIXTURES) outcomes.set(f.name, await ingestReadoutText(db, readFileSync(f.path, "utf8")));
  server = await testServer(db, { curatorToken: TOKEN });
  fresh = await dump();
  freshRecurrence = await recurrence();
  cliUsesTestNeo4j();
}, 180_000);

afterAll(async () => {
  process.env = savedEnv;
  await server.close();
  await db.close();
});

describe("extractor version", () => {
  it("is recorded on every document the extractor read, and `given` on the seed's reviewed extraction", async () => {
    const rows = await db.read<{ version: string | null; n: number }>(
      "MATCH (d:Document) RETURN d.extractorVersion AS version, count(*) AS n ORDER BY version",
    );
    expect(rows).toEqual(
      [
        { version: extractorVersion(), n: FIXTURES.length },
        { version: GIVEN_EXTRACTION, n: 1 },
      ].sort((a, b) => a.version.localeCompare(b.version)),
    );
    const res = await gql(
      server,
      `{ node(id: "${documentOf(FIXTURES[0].name)}") { ... on Document { extractorVersion } } }`,
    );
    expect(res.data!.node.extractorVersion).toBe(extractorVersion());
  });

  it("logs at start-up how many documents are behind and the command that brings them up", async () => {
    const lines: string[] = [];
    expect(await logExtractorStatus(db, (l) => lines.push(l))).toBe(0);
    expect(lines).toEqual([]);
    await db.write("MATCH (d:Document {id: $a}) SET d.extractorVersion = 'old'", { a: documentOf(FIXTURES[0].name) });
    await db.write("MATCH (d:Document {id: $b}) REMOVE d.extractorVersion", { b: documentOf(FIXTURES[1].name) });
    expect(await logExtractorStatus(db, (l) => lines.push(l))).toBe(2);
    expect(lines).toEqual([expect.stringMatching(/^2 document\(s\) .* run `policygraph reextract`/)]);
    await db.write(
      "MATCH (d:Document) WHERE d.extractorVersion IS NULL OR d.extractorVersion = 'old' SET d.extractorVersion = $v",
      {
        v: extractorVersion(),
      },
    );
  });
});

describe("policygraph reextract", () => {
  it("reads a freshly ingested document back into the very rows its ingest wrote", async () => {
    for (const f of FIXTURES) {
      const [stored] = await db.read<StoredDocument>(STORED_DOCUMENT, { id: documentOf(f.name) });
      expect(extractAgain(stored)).toEqual(outcomes.get(f.name)!.rows);
    }
  });

  it("finds every document of a fresh graph unchanged and changes nothing; the seed's reviewed extraction is left alone", async () => {
    const { code, rows } = await reextractJson("--all");
    expect(code).toBe(0);
    expect(rows.map((r) => r.document).sort()).toEqual(FIXTURES.map((f) => documentOf(f.name)).sort());
    for (const r of rows)
      expect(r).toEqual({
        document: r.document,
        status: "unchanged",
        added: 0,
        removed: 0,
        retagged: 0,
        resolved: 0,
        orphaned: [],
        error: null,
      });
    expect(await dump()).toEqual(fresh);
  });

  it("brings a graph an older extractor wrote to what the current one writes, keeping ids", async () => {
    // As an older extractor left it: the district's 区科委 unscoped (one node for every district),
    // a shortcoming and a directive tagged otherwise, a wrong extra item, another meeting name, and
    // no version, host or site recorded.
    const scoped = resolveDepartment("区科委", { host: "通州区" });
    const unscoped = resolveDepartment("区科委");
    expect(unscoped.id).not.toBe(scoped.id);
    await db.write(
      `MATCH (scoped:Department {id: $scoped})
       CREATE (u:Department:Entity {id: $unscoped.id, name: $unscoped.name, fullName: $unscoped.fullName, aliases: [],
               kind: $unscoped.kind, curated: false, assignedThemes: ['science-innovation'], searchText: '区科委', nameEn: null, parentId: null})
       WITH scoped, u
       MATCH (scoped)-[g:GAVE]->(r:Report)
       CREATE (u)-[:GAVE]->(r)
       DELETE g
       WITH DISTINCT scoped DETACH DELETE scoped`,
      { scoped: scoped.id, unscoped: { ...unscoped } },
    );
    const retagged = await retagFirst("Shortcoming", meetingOf("2022-01-28-districts"));
    const directive = await retagFirst("Directive", meetingOf("2022-06-30-districts-followup"));
    expect([retagged, directive]).toEqual([expect.any(String), expect.any(String)]);
    const wrongSplit = `${meetingOf("2021-06-30-districts")}-r1-s9`;
    await db.write(
      `MATCH (r:Report {id: $report})-[:AT]->(m:Meeting)-[:RECORDED_IN]->(d:Document)
       CREATE (r)-[:FELL_SHORT]->(x:Shortcoming:Entity {id: $id, text: substring(d.text, 0, 4), searchText: substring(d.text, 0, 4),
               start: 0, end: 4, sentenceStart: 0, sentenceEnd: 10, seq: 9, position: r.order * 1000 + 9, date: m.date,
               documentId: d.id, meetingId: m.id, reportId: r.id, unclassified: false})
       WITH x MATCH (t:PolicyTheme {id: 'party-building'}) CREATE (x)-[:ABOUT {rank: 0, reason: 'keyword:old'}]->(t)`,
      { report: `${meetingOf("2021-06-30-districts")}-r1`, id: wrongSplit },
    );
    await db.write("MATCH (m:Meeting {id: $m}) SET m.title = '旧的会议名称'", { m: meetingOf("2024-03-28-huairou") });
    await db.write(
      "MATCH (d:Document) WHERE d.extractorVersion <> $given REMOVE d.extractorVersion, d.givenHost, d.site",
      {
        given: GIVEN_EXTRACTION,
      },
    );
    await rebuildDerived();
    const itemIds = await db.read<{ id: string }>(
      "MATCH (x) WHERE x:Achievement OR x:Shortcoming OR x:Directive RETURN x.id AS id ORDER BY id",
    );
    expect(await recurrence()).not.toEqual(freshRecurrence);

    const { code, rows } = await reextractJson();
    expect(code).toBe(0);
    expect(rows).toHaveLength(FIXTURES.length);
    const counts = (name: string) => {
      const r = rowFor(rows, name);
      return [r.status, r.added, r.removed, r.retagged, r.resolved, r.error];
    };
    expect(counts("2024-03-29-tongzhou")).toEqual(["updated", 0, 0, 0, 1, null]);
    expect(counts("2024-04-29-tongzhou")).toEqual(["updated", 0, 0, 0, 1, null]);
    expect(counts("2022-01-28-districts")).toEqual(["updated", 0, 0, 1, 0, null]);
    expect(counts("2022-06-30-districts-followup")).toEqual(["updated", 0, 0, 1, 0, null]);
    expect(counts("2021-06-30-districts")).toEqual(["updated", 0, 1, 0, 0, null]);
    expect(counts("2024-03-28-huairou")).toEqual(["updated", 0, 0, 0, 0, null]);
    expect(counts("2022-05-31-municipal-traditional")).toEqual(["unchanged", 0, 0, 0, 0, null]);

    // The district body is the district's again, and the unscoped node is gone.
    const gave = await db.read<{ id: string; subject: string }>(
      "MATCH (d:Department)-[:GAVE]->(r:Report {subject: '区科委'})-[:AT]->(:Meeting)-[:HELD_BY]->(:Department {id: 'tongzhou-district'}) RETURN d.id AS id, r.subject AS subject",
    );
    expect(gave.map((g) => g.id)).toEqual([scoped.id, scoped.id]);
    expect(await db.read("MATCH (d:Department {id: $id}) RETURN d", { id: unscoped.id })).toEqual([]);
    // Every item but the wrong split kept its id, every meeting its id, and the graph is the one a
    // first ingest with this extractor writes: items, links, tallies and all.
    const after = await db.read<{ id: string }>(
      "MATCH (x) WHERE x:Achievement OR x:Shortcoming OR x:Directive RETURN x.id AS id ORDER BY id",
    );
    expect(after.map((r) => r.id)).toEqual(itemIds.map((r) => r.id).filter((id) => id !== wrongSplit));
    expect(await dump()).toEqual(fresh);
    expect(await recurrence()).toEqual(freshRecurrence);
  });

  it("finds nothing behind on a second run, and every document unchanged with --all", async () => {
    expect(await reextractJson()).toEqual({ code: 0, rows: [] });
    const { code, rows } = await reextractJson("--all");
    expect(code).toBe(0);
    expect(rows.map((r) => r.status)).toEqual(FIXTURES.map(() => "unchanged"));
    expect(await dump()).toEqual(fresh);
  });

  it("gives an item the extractor finds anew an id of its own, and derives as a rebuild would", async () => {
    const name = "2022-01-28-districts";
    const [gone] = await db.read<{ id: string; text: string }>(
      "MATCH (x:Shortcoming {meetingId: $m}) WITH x ORDER BY x.id LIMIT 1 RETURN x.id AS id, x.text AS text",
      { m: meetingOf(name) },
    );
    await db.write("MATCH (x:Shortcoming {id: $id}) DETACH DELETE x", { id: gone.id });
    await db.write("MATCH (d:Document {id: $d}) SET d.extractorVersion = 'old'", { d: documentOf(name) });
    await rebuildDerived();
    const { code, rows } = await reextractJson();
    expect(code).toBe(0);
    expect(rows).toEqual([
      expect.objectContaining({ document: documentOf(name), status: "updated", added: 1, removed: 0 }),
    ]);
    const found = await db.read<{ id: string }>("MATCH (x:Shortcoming {meetingId: $m, text: $t}) RETURN x.id AS id", {
      m: meetingOf(name),
      t: gone.text,
    });
    expect(found).toHaveLength(1);
    expect(found[0].id).not.toBe(gone.id);
    expect(found[0].id.startsWith(`${gone.id}-`)).toBe(true);
    const incremental = await dump();
    await rebuildDerived();
    expect(await dump()).toEqual(incremental);
    expect(await recurrence()).toEqual(freshRecurrence);
    // From here on the graph differs from a first ingest by that item's id.
    fresh = incremental;
  });

  it("writes nothing on --dry-run, and says what it would do", async () => {
    const name = "2024-03-29-tongzhou";
    expect(await retagFirst("Achievement", meetingOf(name))).toEqual(expect.any(String));
    await db.write("MATCH (d:Document) WHERE d.extractorVersion <> $given SET d.extractorVersion = 'old'", {
      given: GIVEN_EXTRACTION,
    });
    const before = await dump();
    const { code, rows } = await reextractJson("--dry-run");
    expect(code).toBe(0);
    expect(rows).toHaveLength(FIXTURES.length);
    expect(rowFor(rows, name)).toEqual({
      document: documentOf(name),
      status: "updated",
      added: 0,
      removed: 0,
      retagged: 1,
      resolved: 0,
      orphaned: [],
      error: null,
    });
    expect(rows.filter((r) => r.status === "unchanged")).toHaveLength(FIXTURES.length - 1);
    expect(await dump()).toEqual(before);
    expect(output.err).toMatch(/dry run, nothing written/);
  });

  it("prints a line per document without --json, and brings the graph back", async () => {
    expect(await runReextract([])).toBe(0);
    const lines = output.out.trim().split("\n");
    expect(lines).toHaveLength(FIXTURES.length);
    expect(lines.filter((l) => l.startsWith("updated"))).toEqual([
      `updated    ${documentOf("2024-03-29-tongzhou")} (0 added, 0 removed, 1 retagged, 0 re-resolved)`,
    ]);
    expect(output.err).toMatch(/7 document\(s\): 1 updated, 6 unchanged, 0 failed/);
    expect(await dump()).toEqual(fresh);
  });

  it("reports a document the extractor cannot read any more as failed, keeps it, and exits 1", async () => {
    const name = "2024-04-29-tongzhou";
    await db.write(
      "MATCH (d:Document {id: $d}) SET d.extractorVersion = 'old', d.saved = d.text, d.text = '今天白天晴转多云，北风二三级。'",
      {
        d: documentOf(name),
      },
    );
    const before = await dump();
    const { code, rows } = await reextractJson();
    expect(code).toBe(1);
    expect(rows).toEqual([
      expect.objectContaining({
        document: documentOf(name),
        status: "failed",
        error: expect.stringMatching(/finds no reports/),
      }),
    ]);
    expect(await dump()).toEqual(before);
    await db.write("MATCH (d:Document {id: $d}) SET d.text = d.saved, d.extractorVersion = $v REMOVE d.saved", {
      d: documentOf(name),
      v: extractorVersion(),
    });
    expect(await dump()).toEqual(fresh);
  });

  it("leaves what a curator added alone and puts corrections back through the seam, reporting the orphaned", async () => {
    const name = "2022-05-31-municipal-traditional";
    const [{ report }] = await db.read<{ report: string }>(
      "MATCH (r:Report)-[:AT]->(:Meeting {id: $m}) RETURN r.id AS report ORDER BY r.order LIMIT 1",
      { m: meetingOf(name) },
    );
    await db.write(
      `MATCH (r:Report {id: $report}), (t:PolicyTheme {id: 'culture-civility'})
       CREATE (r)-[:FELL_SHORT]->(x:Shortcoming:Entity {id: 'curated-item', source: 'CURATOR', text: '补', start: 0, end: 1, meetingId: $m})
       WITH r, t MATCH (r)-[:ACHIEVED]->(a:Achievement) WITH a, t ORDER BY a.id LIMIT 1
       CREATE (a)-[:ABOUT {rank: 9, reason: 'curator', source: 'CURATOR'}]->(t)`,
      { report, m: meetingOf(name) },
    );
    const curated = () =>
      db.read<{ n: number }>(
        `MATCH (x {source: 'CURATOR'}) WITH count(x) AS items
         MATCH ()-[a:ABOUT {source: 'CURATOR'}]->() WITH items, count(a) AS tags RETURN items + tags AS n`,
      );
    await db.write("MATCH (d:Document {id: $d}) SET d.extractorVersion = 'old'", { d: documentOf(name) });
    const seam = jest.spyOn(hooks, "reapplyCorrections");
    const unchanged = await reextractJson();
    expect(unchanged.rows).toEqual([expect.objectContaining({ document: documentOf(name), status: "unchanged" })]);
    expect(seam).not.toHaveBeenCalled();
    expect(await curated()).toEqual([{ n: 2 }]);

    expect(await retagFirst("Directive", meetingOf(name))).toEqual(expect.any(String));
    await db.write("MATCH (d:Document {id: $d}) SET d.extractorVersion = 'old'", { d: documentOf(name) });
    seam.mockImplementation(async (tx, documentId) => {
      // Inside the re-extraction's transaction, after the rewrite: the item is tagged afresh.
      const [row] = await tx.run<{ reason: string }>(
        "MATCH (:Directive {meetingId: $m, seq: 1})-[a:ABOUT]->() RETURN a.reason AS reason ORDER BY a.rank LIMIT 1",
        { m: meetingOf(name) },
      );
      expect(row.reason).not.toBe("keyword:old");
      expect(documentId).toBe(documentOf(name));
      return { orphaned: ["correction-1"] };
    });
    const updated = await reextractJson();
    expect(updated.rows).toEqual([
      expect.objectContaining({
        document: documentOf(name),
        status: "updated",
        retagged: 1,
        orphaned: ["correction-1"],
      }),
    ]);
    expect(seam).toHaveBeenCalledTimes(1);
    expect(output.err).toMatch(/1 correction\(s\) lost their target/);
    expect(await curated()).toEqual([{ n: 2 }]);
    // Taken back as a correction would be: its meeting's derivation undone first, then done again.
    await db.transaction(async (tx) => {
      const again = await underiveMeetings(tx, [meetingOf(name)]);
      await tx.run("MATCH (x:Shortcoming {id: 'curated-item'}) DETACH DELETE x");
      await tx.run("MATCH ()-[a:ABOUT {source: 'CURATOR'}]->() DELETE a");
      await deriveMeetings(tx, again);
    });
    expect(await dump()).toEqual(fresh);
  });

  it("exits 2 on bad usage", async () => {
    expect(await runReextract(["--frobnicate"])).toBe(2);
    expect(output.err).toMatch(/unknown option --frobnicate/);
    expect(await runReextract(["some-file.txt"])).toBe(2);
    expect(output.err).toMatch(/unexpected argument some-file.txt/);
  });

  it("exits 3 with one line when the database cannot be reached", async () => {
    process.env.NEO4J_URI = "bolt://127.0.0.1:1";
    process.env.NEO4J_CONNECT_TIMEOUT = "1";
    try {
      expect(await runReextract([])).toBe(3);
    } finally {
      process.env.NEO4J_URI = testConnection().uri;
      delete process.env.NEO4J_CONNECT_TIMEOUT;
    }
    expect(output.err.trim().split("\n").at(-1)).toMatch(/^policygraph reextract: cannot reach the database: /);
  });
});

describe("the reextract mutation", () => {
  const MUTATION = `mutation ($all: Boolean, $dryRun: Boolean) {
    reextract(all: $all, dryRun: $dryRun) {
      dryRun extractorVersion updated unchanged failed remaining continueAfter
      documents { documentId status added removed retagged resolved orphaned error }
    } }`;
  const auth = { authorization: `Bearer ${TOKEN}` };

  it("refuses a caller without the curator token and writes nothing", async () => {
    await db.write("MATCH (d:Document {id: $d}) SET d.extractorVersion = 'old'", {
      d: documentOf("2021-06-30-districts"),
    });
    const before = await dump();
    const res = await gql(server, MUTATION, {});
    expect(res.errors?.[0].extensions?.code).toBe("UNAUTHENTICATED");
    const wrong = await gql(server, MUTATION, {}, { authorization: "Bearer nope" });
    expect(wrong.errors?.[0].extensions?.code).toBe("UNAUTHENTICATED");
    expect(await dump()).toEqual(before);
  });

  it("re-extracts for a curator, on a dry run without writing", async () => {
    const dry = await gql(server, MUTATION, { dryRun: true }, auth);
    expect(dry.errors).toBeUndefined();
    expect(dry.data!.reextract).toEqual({
      dryRun: true,
      extractorVersion: extractorVersion(),
      updated: 0,
      unchanged: 1,
      failed: 0,
      remaining: 0,
      continueAfter: null,
      documents: [
        {
          documentId: documentOf("2021-06-30-districts"),
          status: "UNCHANGED",
          added: 0,
          removed: 0,
          retagged: 0,
          resolved: 0,
          orphaned: [],
          error: null,
        },
      ],
    });
    expect(await db.read("MATCH (d:Document {extractorVersion: 'old'}) RETURN d.id")).toHaveLength(1);
    const res = await gql(server, MUTATION, {}, auth);
    expect(res.errors).toBeUndefined();
    expect(res.data!.reextract).toMatchObject({ dryRun: false, unchanged: 1, remaining: 0 });
    expect(await dump()).toEqual(fresh);
  });

  it("is not held to the round-trip limit of a query: its work grows with the graph", async () => {
    const tight = await testServer(db, {
      curatorToken: TOKEN,
      limits: { ...DEFAULT_SETTINGS.limits, roundTrips: 5 },
    });
    try {
      const all = await gql(tight, MUTATION, { all: true }, auth);
      expect(all.errors).toBeUndefined();
      expect(all.data!.reextract).toMatchObject({ unchanged: FIXTURES.length, updated: 0, failed: 0, remaining: 0 });
      expect(all.extensions!.cost!.dbRoundTrips).toBeGreaterThan(5);
      const query = await gql(
        tight,
        `{ a: meetings(first: 1) { totalCount } b: meetings(first: 2) { totalCount } c: meetings(first: 3) { totalCount } d: meetings(first: 4) { totalCount } e: meetings(first: 5) { totalCount } f: meetings(first: 6) { totalCount } }`,
      );
      expect(query.errors?.[0].extensions?.code).toBe("QUERY_TOO_COMPLEX");
    } finally {
      await tight.close();
    }
  });

  it("stops before its deadline, saying how many it left and where to go on", async () => {
    const every = FIXTURES.map((f) => documentOf(f.name)).sort();
    const late = await reextractDocuments(db, { all: true, deadline: Date.now() - 1 });
    expect(late).toEqual({ rows: [], remaining: every.length, continueAfter: null, unavailable: null });
    const rest = await reextractDocuments(db, { all: true, after: every[2] });
    expect(rest.rows.map((r) => r.document)).toEqual(every.slice(3));
    expect(rest).toMatchObject({ remaining: 0, continueAfter: null });
  });
});
