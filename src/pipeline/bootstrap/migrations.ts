import { ENTITY_LABELS } from "../../model/graph.cypher";
import { Queryable } from "../../platform/db/neo4j";

/** Every node label of the graph that has a uniqueness constraint on `id`: the entities, and `Entity` itself. */
export const LABELS = ["Entity", ...ENTITY_LABELS] as const;

/** Name of the full-text index over Chinese text (simplified copies, CJK bigram analyser). */
export const SEARCH_INDEX = "policygraph_search";

/**
 * Idempotent schema statements, run at every start-up. Names are fixed so that `IF NOT EXISTS`
 * recognises them; the analyser of a full-text index cannot change once it exists.
 */
export const MIGRATIONS: readonly string[] = [
  ...LABELS.map((l) => `CREATE CONSTRAINT ${l.toLowerCase()}_id IF NOT EXISTS FOR (n:${l}) REQUIRE n.id IS UNIQUE`),
  "CREATE CONSTRAINT document_sha256 IF NOT EXISTS FOR (n:Document) REQUIRE n.sha256 IS UNIQUE",
  "CREATE INDEX meeting_date IF NOT EXISTS FOR (n:Meeting) ON (n.date)",
  // Meetings whose inferred links and tallies are still to be derived (bulk ingestion, crashes).
  "CREATE INDEX meeting_pending_derivation IF NOT EXISTS FOR (n:Meeting) ON (n.pendingDerivation)",
  // Reports and items carry their meeting's date without an index of their own: a date window
  // starts from the meetings (item.cypher), and each ingested item paid for an index entry that
  // only that query read.
  ...["report", "achievement", "shortcoming", "directive"].map((l) => `DROP INDEX ${l}_date IF EXISTS`),
  "CREATE INDEX department_kind IF NOT EXISTS FOR (n:Department) ON (n.kind)",
  // Tallies were once one node per department (and theme) for all years: lists that grew with history.
  "DROP CONSTRAINT department_theme_tally IF EXISTS",
  "DROP CONSTRAINT department_tally IF EXISTS",
  "CREATE CONSTRAINT department_theme_year_tally IF NOT EXISTS FOR (n:DepartmentThemeTally) REQUIRE (n.departmentId, n.themeId, n.year) IS UNIQUE",
  "CREATE CONSTRAINT theme_tally IF NOT EXISTS FOR (n:ThemeTally) REQUIRE (n.themeId, n.year) IS UNIQUE",
  "CREATE CONSTRAINT department_year_tally IF NOT EXISTS FOR (n:DepartmentTally) REQUIRE (n.departmentId, n.year) IS UNIQUE",
  "CREATE CONSTRAINT department_theme_total IF NOT EXISTS FOR (n:DepartmentThemeTotal) REQUIRE (n.departmentId, n.themeId) IS UNIQUE",
  "CREATE CONSTRAINT theme_total IF NOT EXISTS FOR (n:ThemeTotal) REQUIRE n.themeId IS UNIQUE",
  "CREATE CONSTRAINT department_total IF NOT EXISTS FOR (n:DepartmentTotal) REQUIRE n.departmentId IS UNIQUE",
  // Composite keys lead with the department: per-theme reads need their own index.
  "CREATE INDEX department_theme_tally_theme_year IF NOT EXISTS FOR (n:DepartmentThemeTally) ON (n.themeId, n.year)",
  "CREATE INDEX department_theme_total_theme IF NOT EXISTS FOR (n:DepartmentThemeTotal) ON (n.themeId)",
  // Windowed patterns read the year tallies of the years the window touches.
  "CREATE INDEX department_theme_tally_year IF NOT EXISTS FOR (n:DepartmentThemeTally) ON (n.year)",
  "CREATE INDEX department_tally_year IF NOT EXISTS FOR (n:DepartmentTally) ON (n.year)",
  "CREATE INDEX theme_tally_year IF NOT EXISTS FOR (n:ThemeTally) ON (n.year)",
  // The inference rules' "first meeting after / last before a date that directed on a theme or
  // named a department": equality on the key, then index order (see DIRECTIVE_INDEX).
  "CREATE INDEX meeting_directive_theme IF NOT EXISTS FOR (n:MeetingDirectiveTheme) ON (n.themeId, n.date, n.meetingId)",
  "CREATE INDEX meeting_addressee IF NOT EXISTS FOR (n:MeetingAddressee) ON (n.departmentId, n.date, n.meetingId)",
  // Curators' corrections (src/pipeline/curation, src/api/correction): the audit log in order, a target's, a document's; a
  // merged department's old id and where it leads.
  "CREATE CONSTRAINT correction_seq IF NOT EXISTS FOR (n:Correction) REQUIRE n.seq IS UNIQUE",
  "CREATE INDEX correction_target IF NOT EXISTS FOR (n:Correction) ON (n.targetId)",
  "CREATE INDEX correction_document IF NOT EXISTS FOR (n:Correction) ON (n.documentId)",
  "CREATE CONSTRAINT redirect_from IF NOT EXISTS FOR (n:Redirect) REQUIRE n.fromId IS UNIQUE",
  "CREATE INDEX redirect_to IF NOT EXISTS FOR (n:Redirect) ON (n.toId)",
  "CREATE CONSTRAINT maintenance_id IF NOT EXISTS FOR (n:Maintenance) REQUIRE n.id IS UNIQUE",
  // Eventually consistent: a commit only queues its text, and a background thread indexes the
  // queued texts of many commits at once (a quarter of a bulk ingest's CPU went to indexing them one
  // commit at a time). Writers that answer a caller wait for the refresh (awaitSearchable).
  `CREATE FULLTEXT INDEX ${SEARCH_INDEX} IF NOT EXISTS
   FOR (n:Achievement|Shortcoming|Directive|Department) ON EACH [n.searchText]
   OPTIONS { indexConfig: { \`fulltext.analyzer\`: 'cjk', \`fulltext.eventually_consistent\`: true } }`,
];

/** The search index as it exists, if it does: whether it is eventually consistent. */
const SEARCH_INDEX_CONFIG = `
SHOW FULLTEXT INDEXES YIELD name, options WHERE name = $name
RETURN options.indexConfig['fulltext.eventually_consistent'] AS eventuallyConsistent`;

/** Applies the schema (constraints, indexes, full-text index) and waits for indexes to come online. */
export async function migrate(db: Queryable): Promise<void> {
  // An index config cannot change in place: a search index made before it was eventually
  // consistent is dropped and made again (Neo4j repopulates it from the nodes).
  const [existing] = await db.read<{ eventuallyConsistent: boolean | null }>(SEARCH_INDEX_CONFIG, {
    name: SEARCH_INDEX,
  });
  if (existing && existing.eventuallyConsistent !== true) await db.write(`DROP INDEX ${SEARCH_INDEX}`);
  // A schema transaction costs Neo4j some 25 ms even when IF NOT EXISTS finds nothing to do: at
  // start-up only the statements that change something run (a second of a warm start before).
  const present = new Set<string>();
  for (const show of SCHEMA_NAMES)
    for (const { names } of await db.read<{ names: string[] }>(show)) names.forEach((n) => present.add(n));
  for (const statement of pendingMigrations(MIGRATIONS, present)) await db.write(statement);
  await db.write("CALL db.awaitIndexes(300)");
}

const SCHEMA_NAMES = [
  "SHOW INDEXES YIELD name RETURN collect(name) AS names",
  "SHOW CONSTRAINTS YIELD name RETURN collect(name) AS names",
];

const SCHEMA_STATEMENT = /^\s*(CREATE|DROP)\s+(?:FULLTEXT\s+)?(?:CONSTRAINT|INDEX)\s+(\w+)/;

/** The migrations that would change a schema holding the index and constraint names `present`. */
export function pendingMigrations(statements: readonly string[], present: ReadonlySet<string>): string[] {
  return statements.filter((statement) => {
    const m = SCHEMA_STATEMENT.exec(statement);
    if (!m) return true;
    return m[1] === "CREATE" ? !present.has(m[2]) : present.has(m[2]);
  });
}
