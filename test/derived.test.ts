import { migrate, SEARCH_INDEX } from "../src/pipeline/bootstrap/migrations";
import { Database } from "../src/platform/db/neo4j";
import { ensureDerived } from "../src/pipeline/derived/derived.repository";
import { ingestMany } from "../src/pipeline/ingest/ingest.bulk";
import { ingestReadoutText } from "../src/pipeline/ingest/ingest.service";
import { seedIfEmpty } from "../src/pipeline/ingest/seed";
import { luceneQuery } from "../src/api/search/search.query";
import { searchIndex } from "../src/api/search/search.repository";
import { derivedData as derivedDataOf } from "./support/derived-data";
import { graphCounts, resetGraph, testDatabase } from "./support/graph";
import { ingestAll, READOUTS, readoutText } from "./support/readouts";

// The test readouts, and a follow-up whose directive names a district (the names-department rule).
const ALL = [...READOUTS, "2022-06-30-districts-followup"];
const searchable = (word: string) => searchIndex(db, luceneQuery([word]), 10);

// Inferred links and tallies are derived from the documents. However the documents arrive (one at
// a time through the API, in concurrent bulk batches in any order, or left pending by an ingest
// that stopped), the derived data must come out the same.

let db: Database;

beforeAll(() => {
  db = testDatabase();
});

afterAll(() => db.close());

const derivedData = () => derivedDataOf(db);

describe("derived data", () => {
  let oneAtATime: Awaited<ReturnType<typeof derivedData>>;

  beforeAll(async () => {
    await resetGraph(db);
    await ingestAll(db);
    await ingestReadoutText(db, readoutText("2022-06-30-districts-followup"));
    oneAtATime = await derivedData();
  });

  it("is derived with each document written through the API, and nothing is left pending", () => {
    expect(oneAtATime.links.length).toBeGreaterThan(20);
    expect(oneAtATime.tallies.length).toBeGreaterThan(50);
    expect(oneAtATime.meetings).toHaveLength(5);
    for (const m of oneAtATime.meetings) expect(m.pending).toBeNull();
    // The directive index the rules read: 石景山区 is named by a directive of 2022-06-30.
    const named = oneAtATime.meetings.filter((m) => (m.addresseeIds as string[]).includes("shijingshan-district"));
    expect(named.map((m) => String(m.id).slice(0, 10))).toEqual(["2022-06-30"]);
    expect(oneAtATime.meetings.every((m) => (m.directiveThemes as string[]).length > 0)).toBe(true);
  });

  it("comes out the same from a concurrent bulk ingest in batches, newest readout first", async () => {
    await resetGraph(db);
    await seedIfEmpty(db);
    const statuses: string[] = [];
    const texts = [...ALL].reverse().map((name) => new TextEncoder().encode(readoutText(name)));
    await ingestMany(
      db,
      texts,
      (b) => b,
      { concurrency: 2, deriveEvery: 2 },
      (_, r) => statuses.push(r.outcome?.status ?? String(r.error)),
    );
    expect(statuses).toEqual(["created", "created", "created", "created"]);
    expect(await derivedData()).toEqual(oneAtATime);
  });

  it("comes out the same when documents were left pending and derived at the next start", async () => {
    await resetGraph(db);
    await seedIfEmpty(db);
    for (const name of ALL) await ingestReadoutText(db, readoutText(name), { derive: false });
    const [{ pending, links }] = await db.read<{ pending: number; links: number }>(
      `MATCH (m:Meeting) WHERE m.pendingDerivation WITH count(m) AS pending
       OPTIONAL MATCH ()-[a:ADDRESSES]->() RETURN pending, count(a) AS links`,
    );
    expect(pending).toBe(4);
    expect(links).toBeLessThan(oneAtATime.links.length);
    const log: string[] = [];
    await ensureDerived(db, (line) => log.push(line));
    expect(log).toEqual(["derived 4 meetings left pending"]);
    expect(await derivedData()).toEqual(oneAtATime);
  });

  it("comes out the same from a full rebuild of a graph whose directives an older writer did not index", async () => {
    // As an older writer left them: no index entries, lists on the meeting instead.
    await db.write("MATCH (x) WHERE x:MeetingDirectiveTheme OR x:MeetingAddressee DELETE x");
    await db.write(
      "MATCH (m:Meeting) REMOVE m.directivesIndexed SET m.directiveThemes = ['party-building'], m.addresseeIds = []",
    );
    await db.write("MATCH (v:Maintenance {id: 'derived'}) SET v.version = -1");
    await ensureDerived(db, () => undefined);
    expect(await derivedData()).toEqual(oneAtATime);
    const [{ legacy }] = await db.read<{ legacy: number }>(
      "MATCH (m:Meeting) WHERE m.directiveThemes IS NOT NULL OR m.addresseeIds IS NOT NULL RETURN count(m) AS legacy",
    );
    expect(legacy).toBe(0);
  });
});

describe("next-meeting links", () => {
  // Regression: a shortcoming derived after two meetings of the same later day was linked to one of
  // them only (the lower id), and to both when derived before them.
  it("lead to every meeting of the first later day, whichever was derived first", async () => {
    const gap = readoutText("2021-06-30-districts");
    const sameDay = [readoutText("2022-01-28-districts"), `${readoutText("2022-01-28-districts")}\n（完）\n`];
    const nextMeetingLinks = () =>
      db.read<{ meeting: string; theme: string }>(
        `MATCH (dx:Directive)-[a:ADDRESSES {rule: 'next-meeting'}]->(s:Shortcoming)
         WHERE s.date = date('2021-06-30')
         RETURN DISTINCT dx.meetingId AS meeting, a.theme AS theme ORDER BY meeting, theme`,
      );
    const byOrder = async (texts: string[]) => {
      await resetGraph(db);
      for (const text of texts) expect((await ingestReadoutText(db, text)).status).toBe("created");
      return nextMeetingLinks();
    };
    const gapFirst = await byOrder([gap, ...sameDay]);
    expect(new Set(gapFirst.map((l) => l.meeting)).size).toBe(2);
    expect(await byOrder([...sameDay, gap])).toEqual(gapFirst);
    expect(await byOrder([sameDay[1], gap, sameDay[0]])).toEqual(gapFirst);

    // A graph derived by version 5 (one meeting of the day only) gets the others' links at start-up.
    await db.write(
      `MATCH (dx:Directive)-[a:ADDRESSES {rule: 'next-meeting'}]->(s:Shortcoming {date: date('2021-06-30')})
       WHERE dx.meetingId = $meeting DELETE a`,
      { meeting: gapFirst[0].meeting },
    );
    expect(await nextMeetingLinks()).not.toEqual(gapFirst);
    await db.write("MATCH (v:Maintenance {id: 'derived'}) SET v.version = 5");
    const log: string[] = [];
    await ensureDerived(db, (line) => log.push(line));
    expect(log).toEqual(["upgrading derived data from v5 to v6…"]);
    expect(await nextMeetingLinks()).toEqual(gapFirst);
  });
});

describe("bulk writes", () => {
  it("write a document sent twice at the same time once", async () => {
    await resetGraph(db);
    const text = readoutText("2022-01-28-districts");
    const outcomes = await Promise.all([ingestReadoutText(db, text), ingestReadoutText(db, text)]);
    expect(outcomes.map((o) => o.status).sort()).toEqual(["created", "unchanged"]);
    expect(outcomes[0].meetingId).toBe(outcomes[1].meetingId);
    expect(await graphCounts(db)).toMatchObject({ Document: 1, Meeting: 1, Report: 3 });
  });

  it("leave what they wrote searchable when they return", async () => {
    await resetGraph(db);
    const texts = [new TextEncoder().encode(readoutText("2021-06-30-districts"))];
    await ingestMany(
      db,
      texts,
      (b) => b,
      {},
      () => undefined,
    );
    expect(await searchable("拆除违法建设")).toHaveLength(1);
  });
});

describe("the search index", () => {
  it("is made again, eventually consistent, when an older one was not", async () => {
    const config = () =>
      db.read<{ ec: boolean }>(
        `SHOW FULLTEXT INDEXES YIELD name, options WHERE name = $name
         RETURN options.indexConfig['fulltext.eventually_consistent'] AS ec`,
        { name: SEARCH_INDEX },
      );
    await db.write(`DROP INDEX ${SEARCH_INDEX}`);
    await db.write(
      `CREATE FULLTEXT INDEX ${SEARCH_INDEX} FOR (n:Achievement|Shortcoming|Directive|Department) ON EACH [n.searchText]
       OPTIONS { indexConfig: { \`fulltext.analyzer\`: 'cjk' } }`,
    );
    expect(await config()).toEqual([{ ec: false }]);
    await migrate(db);
    expect(await config()).toEqual([{ ec: true }]);
    expect(await searchable("拆除违法建设")).toHaveLength(1);
  });
});
