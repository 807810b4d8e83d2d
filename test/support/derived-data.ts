import { Database } from "../../src/platform/db/neo4j";
import { ensureDerived } from "../../src/pipeline/derived/derived.repository";

const LINKS = `
MATCH (dx:Directive)-[a:ADDRESSES]->(s:Shortcoming)
RETURN dx.id + ' -> ' + s.id + ' ' + a.rule + coalesce(' ' + a.theme, '') AS key,
       a.themes AS themes, a.reason AS reason, a.inferred AS inferred
ORDER BY key`;

const TALLIES = `
MATCH (t) WHERE t:DepartmentThemeTally OR t:ThemeTally OR t:DepartmentTally
   OR t:DepartmentThemeTotal OR t:ThemeTotal OR t:DepartmentTotal
RETURN labels(t)[0] + ' ' + coalesce(t.departmentId, '') + ' ' + coalesce(t.themeId, '') + ' ' + coalesce(toString(t.year), '') AS key,
       properties(t) AS counts
ORDER BY key`;

const MEETINGS = `
MATCH (m:Meeting)
RETURN m.id AS id, m.pendingDerivation AS pending,
       COLLECT { MATCH (x:MeetingDirectiveTheme {meetingId: m.id}) WHERE x.date = m.date RETURN x.themeId ORDER BY x.themeId } AS directiveThemes,
       COLLECT { MATCH (x:MeetingAddressee {meetingId: m.id}) WHERE x.date = m.date RETURN x.departmentId ORDER BY x.departmentId } AS addresseeIds,
       m.achievementCount AS achievements, m.shortcomingCount AS shortcomings, m.directiveCount AS directives
ORDER BY id`;

type Row = Record<string, unknown>;

// A year tally's lists hold one entry per meeting in the order the meetings were derived: compare
// them as sets of entries.
function entriesOf(counts: Row): Row {
  const ids = counts.meetingIds as string[] | undefined;
  if (!ids) return counts;
  const lists = Object.keys(counts).filter((k) => Array.isArray(counts[k]));
  const rest = Object.fromEntries(Object.entries(counts).filter(([k]) => !lists.includes(k)));
  const entries = ids.map((_, i) => Object.fromEntries(lists.map((k) => [k, (counts[k] as unknown[])[i]])));
  return { ...rest, entries: entries.sort((a, b) => String(a.meetingIds).localeCompare(String(b.meetingIds))) };
}

/** The derived data of the graph (inferred links, tallies, per-meeting counters and directive index), comparable across orders of derivation. */
export async function derivedData(db: Database) {
  const tallies = await db.read<{ key: string; counts: Row }>(TALLIES);
  return {
    links: await db.read(LINKS),
    tallies: tallies.map((t) => ({ key: t.key, counts: entriesOf(t.counts) })),
    meetings: await db.read(MEETINGS),
  };
}

/** Derives everything again from what the texts (and corrections) state, directive index included, as a start-up rebuild does. */
export async function rebuildDerived(db: Database): Promise<void> {
  await db.write("MATCH (x) WHERE x:MeetingDirectiveTheme OR x:MeetingAddressee DELETE x");
  await db.write("MATCH (m:Meeting) REMOVE m.directivesIndexed");
  await db.write("MATCH (v:Maintenance {id: 'derived'}) SET v.version = -1");
  await ensureDerived(db, () => undefined);
}
