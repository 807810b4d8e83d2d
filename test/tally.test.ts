import { Database } from "../src/platform/db/neo4j";
import { ensureDerived } from "../src/pipeline/derived/derived.repository";
import { resetGraph, testDatabase } from "./support/graph";
import { ingestAll } from "./support/readouts";

// Tallies are derived data: whatever way they were built (meeting by meeting as documents arrive,
// a full rebuild, or an upgrade from the previous version), they must agree with the items.

let db: Database;

beforeAll(async () => {
  db = testDatabase();
  await resetGraph(db);
  await ingestAll(db);
});

afterAll(() => db.close());

const TOTALS = `
MATCH (t) WHERE t:DepartmentThemeTotal OR t:ThemeTotal OR t:DepartmentTotal
RETURN [l IN labels(t) | l][0] + ' ' + coalesce(t.departmentId, '') + ' ' + coalesce(t.themeId, '') AS key,
       properties(t) AS counts
ORDER BY key`;

async function totals(): Promise<Record<string, unknown>> {
  const rows = await db.read<{ key: string; counts: Record<string, unknown> }>(TOTALS);
  return Object.fromEntries(rows.map((r) => [r.key, r.counts]));
}

describe("tallies", () => {
  it("hold, per department and theme, the counts of the items themselves", async () => {
    const [check] = await db.read<{ pairs: number; wrong: string[] }>(`
      MATCH (d:Department)-[:GAVE]->(:Report)-[:FELL_SHORT]->(s:Shortcoming)-[:ABOUT]->(:PolicyTheme)-[:BROADER*0..3]->(t:PolicyTheme)
      WITH d, t, count(DISTINCT s) AS shortcomings, count(DISTINCT s.meetingId) AS meetings
      OPTIONAL MATCH (x:DepartmentThemeTotal {departmentId: d.id, themeId: t.id})
      WITH count(*) AS pairs, collect(CASE WHEN x IS NULL OR x.shortcomings <> shortcomings OR x.shortcomingsMeetings <> meetings
                                          THEN d.id + '/' + t.id END) AS wrong
      RETURN pairs, wrong`);
    expect(check.pairs).toBeGreaterThan(20);
    expect(check.wrong).toEqual([]);
  });

  it("come out the same from a full rebuild and from an upgrade of the previous version", async () => {
    const built = await totals();
    expect(Object.keys(built).length).toBeGreaterThan(20);

    // Full rebuild: an unknown version drops every derived node and link and derives them again.
    await db.write("MATCH (v:Maintenance {id: 'derived'}) SET v.version = -1");
    await ensureDerived(db, () => undefined);
    expect(await totals()).toEqual(built);

    // Upgrade: version 4 had year tallies without meeting counters or all-time totals (its upgrade
    // runs first in the chain up to the current version).
    await db.write(`MATCH (t) WHERE t:DepartmentThemeTotal OR t:ThemeTotal OR t:DepartmentTotal DETACH DELETE t`);
    await db.write(`MATCH (t) WHERE t:DepartmentThemeTally OR t:ThemeTally OR t:DepartmentTally
                    SET t.achievementsMeetings = null, t.shortcomingsMeetings = null,
                        t.primaryShortcomingsMeetings = null, t.directivesMeetings = null`);
    await db.write("MATCH (v:Maintenance {id: 'derived'}) SET v.version = 4");
    const log: string[] = [];
    await ensureDerived(db, (line) => log.push(line));
    expect(log).toEqual([expect.stringMatching(/^upgrading derived data/)]);
    expect(await totals()).toEqual(built);
  });
});
