import { notRejected } from "../../model/graph.cypher";

// What the meeting's directives are about (top-level themes) and whom they name, as small index
// entries beside it (a rejected directive directs on nothing): the inference rules look for the
// first meeting after (or the last before) a date that directed on a theme or named a department,
// and a composite range index ordered by (key, date, meetingId) answers that in one seek. Walking
// meetings by date and reading lists on each one grew with the number of meetings crossed (11 ms
// per derived meeting after 1,000).
export const DIRECTIVE_INDEX = `
CALL (m) {
  MATCH (m)-[:ISSUED]->(dx:Directive)-[:ABOUT]->(t:PolicyTheme) WHERE t.parentId IS NULL AND ${notRejected("dx")}
  WITH DISTINCT m, t.id AS themeId
  CREATE (:MeetingDirectiveTheme {themeId: themeId, date: m.date, meetingId: m.id})
}
CALL (m) {
  MATCH (m)-[:ISSUED]->(dx:Directive)-[:ADDRESSED_TO]->(d:Department) WHERE ${notRejected("dx")}
  WITH DISTINCT m, d.id AS departmentId
  CREATE (:MeetingAddressee {departmentId: departmentId, date: m.date, meetingId: m.id})
}
SET m.directivesIndexed = true`;

/**
 * Derived data (inferred ADDRESSES links and tallies) is kept in step with the documents meeting by
 * meeting. A newly written meeting carries `pendingDerivation: true` until its derivation commits;
 * every derivation statement starts from DERIVING, so a meeting is never derived twice, and any that
 * a crash left pending are picked up at the next start or ingest.
 */

/**
 * The opening of every derivation statement: the pending meetings among $batch.meetingIds, as `m`.
 * The ids come inside a map because Neo4j plans a statement again for each size class of a
 * top-level list parameter (1, 2–9, 10–99, …): a bulk ingest's last, smaller batch re-planned all of
 * them.
 */
export const DERIVING = `
UNWIND $batch.meetingIds AS meetingId
MATCH (m:Meeting {id: meetingId})
WHERE m.pendingDerivation`;

/**
 * Taken first in every derivation transaction: derivations run one at a time, each reading what the
 * previous one committed (the inference rules re-point links that earlier meetings made).
 */
export const LOCK_DERIVATION = `
MERGE (l:Maintenance {id: 'derivation-lock'})
SET l.lockedAt = datetime()`;

export const MARK_DERIVED = `
UNWIND $batch.meetingIds AS meetingId
MATCH (m:Meeting {id: meetingId})
REMOVE m.pendingDerivation`;

/** The meetings of $batch.meetingIds are pending again: their derivation is undone and to be redone. */
export const MARK_PENDING = `
UNWIND $batch.meetingIds AS meetingId
MATCH (m:Meeting {id: meetingId})
SET m.pendingDerivation = true`;

/** The oldest pending meetings first: a batch of them. */
export const PENDING_MEETINGS = `
MATCH (m:Meeting) WHERE m.pendingDerivation
RETURN m.id AS id ORDER BY m.date, m.id LIMIT $limit`;

/** Before a full rebuild: every meeting is pending again (a batch; returns how many it marked). */
export const MARK_ALL_PENDING = `
MATCH (m:Meeting) WHERE m.pendingDerivation IS NULL
WITH m LIMIT 10000
SET m.pendingDerivation = true
RETURN count(*) AS done`;

/**
 * Meetings written before the writer indexed their directives get their index entries; the lists
 * older writers kept instead are dropped (a batch; returns how many).
 */
export const BACKFILL_DIRECTIVE_INDEX = `
MATCH (m:Meeting) WHERE m.directivesIndexed IS NULL
WITH m LIMIT 10000
REMOVE m.directiveThemes, m.addresseeIds
WITH m
${DIRECTIVE_INDEX}
RETURN count(*) AS done`;

/** Which version of the derived data the graph holds. */
export const DERIVED_VERSION = `
OPTIONAL MATCH (v:Maintenance {id: 'derived'})
RETURN v.version AS version`;

export const SET_DERIVED_VERSION = `
MERGE (v:Maintenance {id: 'derived'})
SET v.version = $version, v.rebuiltAt = datetime()`;

/** Deletes a batch of inferred links and tallies; returns how many. */
export const DROP_DERIVED = `
CALL {
  MATCH ()-[a:ADDRESSES]->() WITH a LIMIT 50000 DELETE a RETURN count(*) AS links
}
CALL {
  MATCH (t) WHERE t:DepartmentThemeTally OR t:ThemeTally OR t:DepartmentTally
     OR t:DepartmentThemeTotal OR t:ThemeTotal OR t:DepartmentTotal
  WITH t LIMIT 50000 DELETE t RETURN count(*) AS tallies
}
RETURN links + tallies AS done`;

/**
 * Before meetings are derived again ($batch.meetingIds, a correction changed them): their years,
 * the meetings whose shortcomings their directives answer (whose links may follow them), and
 * which of those are still pending (a bulk ingest under way: they have no tally entries yet).
 */
export const REDERIVE_SCOPE = `
UNWIND $batch.meetingIds AS meetingId
MATCH (m:Meeting {id: meetingId})
OPTIONAL MATCH (m)-[:ISSUED]->(:Directive)-[:ADDRESSES]->(s:Shortcoming)
OPTIONAL MATCH (pending:Meeting {id: s.meetingId}) WHERE pending.pendingDerivation
RETURN collect(DISTINCT m.date.year) AS years, collect(DISTINCT s.meetingId) AS linked,
       collect(DISTINCT pending.id) AS pendingLinked`;

/**
 * Meetings to derive again: every inferred link to their shortcomings goes (the rules make them
 * again), and they are pending once more.
 */
export const UNDERIVE = `
UNWIND $batch.meetingIds AS meetingId
MATCH (m:Meeting {id: meetingId})
CALL (m) {
  MATCH (m)<-[:AT]-(:Report)-[:FELL_SHORT]->(:Shortcoming)<-[a:ADDRESSES]-(:Directive)
  DELETE a
}
SET m.pendingDerivation = true`;

/**
 * The directive index entries of meetings whose directives changed ($batch.meetingIds), written
 * again; $batch.themeIds are the top-level themes and $batch.departmentIds any department no longer
 * addressed there (merged away), so every old entry is found by index seek.
 */
export const REINDEX_DIRECTIVES = `
UNWIND $batch.meetingIds AS meetingId
MATCH (m:Meeting {id: meetingId})
CALL (m) {
  UNWIND $batch.themeIds AS themeId
  MATCH (x:MeetingDirectiveTheme {themeId: themeId, date: m.date, meetingId: m.id})
  DELETE x
}
CALL (m) {
  UNWIND COLLECT { MATCH (m)-[:ISSUED]->(:Directive)-[:ADDRESSED_TO]->(d:Department) RETURN d.id } + $batch.departmentIds AS departmentId
  WITH DISTINCT m, departmentId
  MATCH (x:MeetingAddressee {departmentId: departmentId, date: m.date, meetingId: m.id})
  DELETE x
}
WITH m
${DIRECTIVE_INDEX}`;
