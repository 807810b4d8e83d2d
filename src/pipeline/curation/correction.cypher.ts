import { ITEM_KINDS, ItemKind } from "../../model/graph.cypher";

/**
 * Corrections are `(:Correction:Entity {id, seq, kind, author, at, reason, targetId, targetType,
 * documentId, payload, undone, undoneBy, orphaned})` nodes, `-[:CORRECTS]->` what they change,
 * kept apart from what the extractor wrote and applied on top of it:
 * - a curator's theme tags are ABOUT {source: 'CURATOR', correctionId}; the extractor's, set aside
 *   the first time, are kept on the item (`extractorTags`, "themeId|reason" in rank order) for undo;
 * - a rejected item carries `rejected` (every list, count and export leaves it out) and keeps no
 *   `searchText` (so the full-text index drops it; `hiddenSearchText` holds it for undo);
 * - an added item carries `addedBy`, `source: 'CURATOR'` (a re-extraction leaves it alone) and an
 *   id derived from its correction;
 * - a report given by another body has GAVE {source: 'CURATOR'}; the extractor's givers are kept
 *   on it (`extractorDepartmentIds`) for undo;
 * - a merged department is gone: its reports, directives, meetings and parts moved to the other
 *   with `mergedFrom` (the path of merges, for undo) on the moved relationships, its names are the
 *   other's `mergedAliases`, and `(:Redirect {fromId, toId})` sends its id to the other.
 * Labels and relationship types come from constants; every value is a parameter.
 */

const ITEM_LABELS = "(x:Achievement OR x:Shortcoming OR x:Directive)";

/** The projection of a correction node `c`. */
export const CORRECTION_FIELDS = `c {.id, .seq, .kind, .author, .at, .reason, .targetId, .targetType, .documentId, .payload,
  undone: coalesce(c.undone, false), undoneById: c.undoneBy, orphaned: coalesce(c.orphaned, false), __typename: 'Correction'}`;

/**
 * Taken first in every correction's transaction: corrections run one at a time, so that each checks
 * its input against what the one before committed (two curators rejecting one item at once make
 * one rejection, not two).
 */
export const LOCK_CORRECTIONS = `
MERGE (counter:Maintenance {id: 'corrections'})
SET counter.lockedAt = datetime()`;

/** The next number of the audit log (under LOCK_CORRECTIONS: corrections are numbered in commit order). */
export const NEXT_SEQ = `
MATCH (counter:Maintenance {id: 'corrections'})
SET counter.seq = coalesce(counter.seq, 0) + 1
RETURN counter.seq AS seq`;

/** Records a correction ($c) and links it to its target when the target is there. */
export const CREATE_CORRECTION = `
CREATE (c:Correction:Entity)
SET c = $c, c.undone = false, c.orphaned = false
WITH c
OPTIONAL MATCH (target:Entity {id: c.targetId})
FOREACH (_ IN CASE WHEN target IS NULL THEN [] ELSE [1] END | MERGE (c)-[:CORRECTS]->(target))
RETURN ${CORRECTION_FIELDS} AS correction`;

export const CORRECTIONS_BY_ID = `
UNWIND $ids AS id
MATCH (c:Correction {id: id})
RETURN id, ${CORRECTION_FIELDS} AS correction`;

/** Corrections of each target (ids), newest first. */
export const CORRECTIONS_BY_TARGET = `
UNWIND $ids AS id
MATCH (c:Correction {targetId: id})
WITH id, c ORDER BY c.seq DESC
RETURN id, collect(${CORRECTION_FIELDS}) AS corrections`;

const LOG_FILTER = `($kind IS NULL OR c.kind = $kind) AND ($author IS NULL OR c.author = $author)`;

/** The audit log: newest first, optionally of one kind or author. */
export const CORRECTION_PAGE = `
CALL {
  MATCH (c:Correction) WHERE ${LOG_FILTER}
  RETURN count(c) AS total
}
CALL {
  MATCH (c:Correction) WHERE ${LOG_FILTER}
  WITH c ORDER BY c.seq DESC
  SKIP $skip LIMIT $limit
  RETURN collect(${CORRECTION_FIELDS}) AS nodes
}
RETURN total, nodes`;

/** The standing corrections of a document's items and reports, in the order they were made. */
export const STANDING_OF_DOCUMENT = `
MATCH (c:Correction {documentId: $documentId})
WHERE NOT c.undone AND c.kind <> 'UNDO'
RETURN ${CORRECTION_FIELDS} AS correction
ORDER BY c.seq`;

/** The standing corrections of targets ($ids), in the order they were made. */
export const STANDING_OF_TARGETS = `
UNWIND $ids AS id
MATCH (c:Correction {targetId: id})
WHERE NOT c.undone AND c.kind <> 'UNDO'
RETURN ${CORRECTION_FIELDS} AS correction
ORDER BY c.seq`;

/** Flags corrections as placed or orphaned, and links the placed ones to their targets. */
export const MARK_PLACED = `
UNWIND $rows AS row
MATCH (c:Correction {id: row.id})
SET c.orphaned = row.orphaned
WITH c, row WHERE NOT row.orphaned
MATCH (target:Entity {id: c.targetId})
MERGE (c)-[:CORRECTS]->(target)`;

export const MARK_UNDONE = `
MATCH (c:Correction {id: $id})
SET c.undone = true, c.undoneBy = $undoneBy, c.undoneAt = $at`;

// ---- what the mutations check before anything is written -------------------------------------

/** An item by id, its kind, meeting, document and current themes. */
export const ITEM_TARGET = `
MATCH (x:Entity {id: $id}) WHERE ${ITEM_LABELS}
RETURN x.id AS id, [l IN labels(x) WHERE l <> 'Entity'][0] AS type, x.meetingId AS meetingId,
       x.documentId AS documentId, x.rejected IS NOT NULL AS rejected, x.addedBy AS addedBy,
       COLLECT { MATCH (x)-[a:ABOUT]->(t:PolicyTheme) RETURN t.id ORDER BY a.rank } AS themeIds`;

/** A document, its text and meeting, and (when $reportId is set) that report if it is the document's. */
export const ADD_TARGET = `
MATCH (d:Document {id: $documentId})
OPTIONAL MATCH (m:Meeting)-[:RECORDED_IN]->(d)
WITH d, m ORDER BY m.date LIMIT 1
OPTIONAL MATCH (r:Report {id: $reportId})-[:AT]->(m)
RETURN d.text AS text, m.id AS meetingId, r.id AS reportId,
       EXISTS { MATCH (:Report {id: $reportId}) } AS reportExists`;

/** Items of a document with exactly this span, of each label (a duplicate of an item to add). */
export const SAME_SPAN = `
MATCH (x:Entity) WHERE ${ITEM_LABELS} AND x.documentId = $documentId AND x.start = $start AND x.end = $end
  AND x.rejected IS NULL
RETURN x.id AS id, [l IN labels(x) WHERE l <> 'Entity'][0] AS type`;

/** A report, its meeting and document and who gave it. */
export const REPORT_TARGET = `
MATCH (r:Report {id: $id})-[:AT]->(m:Meeting)
OPTIONAL MATCH (m)-[:RECORDED_IN]->(d:Document)
RETURN r.id AS id, m.id AS meetingId, d.id AS documentId,
       COLLECT { MATCH (g:Department)-[:GAVE]->(r) RETURN g.id ORDER BY g.id } AS departmentIds`;

/** Departments by id, an old (merged) id answering with the body it was merged into. */
export const DEPARTMENT_TARGETS = `
UNWIND $ids AS id
OPTIONAL MATCH (redirect:Redirect {fromId: id})
MATCH (d:Department {id: coalesce(redirect.toId, id)})
RETURN id, d {.id, .name, .fullName, .nameEn, .aliases, .kind, .curated, .assignedThemes, .searchText,
              .mergedAliases, .mergedSearch,
              parentId: head([(d)-[:PART_OF]->(up:Department) | up.id])} AS department`;

/** The meetings a department's merge touches: those of its reports and of directives addressed to it. */
export const DEPARTMENT_MEETINGS = `
MATCH (d:Department {id: $id})
RETURN COLLECT { MATCH (d)-[:GAVE]->(:Report)-[:AT]->(m:Meeting) RETURN DISTINCT m.id } +
       COLLECT { MATCH (m:Meeting)-[:ISSUED]->(:Directive)-[:ADDRESSED_TO]->(d) RETURN DISTINCT m.id } AS meetingIds,
       EXISTS { (:Department {id: $intoId})-[:PART_OF]->(d) } AS intoIsPart`;

/** The meeting of an item or report, if it is there. */
export const MEETING_OF_TARGET = `
OPTIONAL MATCH (x:Entity {id: $id})
RETURN coalesce(x.meetingId, head([(x)-[:AT]->(m:Meeting) | m.id])) AS meetingId`;

/** Which older redirects a merge re-pointed to its body (for its undo). */
export const SET_REPOINTED = `
MATCH (c:Correction {id: $id})
SET c.repointed = $repointed`;

export const REPOINTED = `
MATCH (c:Correction {id: $id})
RETURN c.repointed AS repointed`;

/** A correction by id, for undo. */
export const CORRECTION_TARGET = `
MATCH (c:Correction {id: $id})
RETURN ${CORRECTION_FIELDS} AS correction`;

/**
 * Standing corrections made after `$seq` that an undo must wait for: a merge of $mergedId (the body
 * an undone merge went into) into another, or a correction of $targetId (an added item).
 */
export const LATER_DEPENDENTS = `
MATCH (c:Correction)
WHERE NOT c.undone AND c.kind <> 'UNDO' AND c.seq > $seq
  AND ((c.kind = 'MERGE_DEPARTMENTS' AND c.mergeFromId = $mergedId) OR c.targetId = $targetId)
RETURN c.id AS id ORDER BY c.seq`;

// ---- applying --------------------------------------------------------------------------------

const curatorTags = (v: string) => `
CALL (${v}, row) {
  UNWIND range(0, size(row.themeIds) - 1) AS rank
  MATCH (t:PolicyTheme {id: row.themeIds[rank]})
  CREATE (${v})-[:ABOUT {rank: rank, reason: row.reason, source: 'CURATOR', correctionId: row.correctionId}]->(t)
}`;

// A relationship the extractor stated (a curator's carry source: 'CURATOR').
const extracted = (v: string) => `coalesce(${v}.source, 'EXTRACTOR') = 'EXTRACTOR'`;

/**
 * Sets items' themes ($rows: {itemId, themeIds, reason, correctionId}). The extractor's tags are
 * set aside first: on the first correction, and again when a re-extraction has written fresh ones
 * beside a standing correction's. An added item has no extractor tags to keep. Returns the ids it
 * found.
 */
export const SET_THEMES = `
UNWIND $rows AS row
MATCH (x:Entity {id: row.itemId}) WHERE ${ITEM_LABELS}
CALL (x) {
  WITH x WHERE x.addedBy IS NULL
    AND (x.extractorTags IS NULL OR EXISTS { (x)-[a:ABOUT]->() WHERE ${extracted("a")} })
  WITH x, COLLECT { MATCH (x)-[a:ABOUT]->(t:PolicyTheme) WHERE ${extracted("a")}
                    RETURN t.id + '|' + coalesce(a.reason, '') ORDER BY a.rank } AS tags
  SET x.extractorTags = tags, x.extractorUnclassified = size(tags) = 0
}
CALL (x) {
  MATCH (x)-[a:ABOUT]->()
  DELETE a
}
${curatorTags("x")}
SET x.unclassified = size(row.themeIds) = 0
RETURN x.id AS id`;

/**
 * Gives items their extractor's tags back ($rows: {itemId}), unless a re-extraction has already
 * written fresh ones (no tag of the item is then a curator's).
 */
export const RESTORE_THEMES = `
UNWIND $rows AS row
MATCH (x:Entity {id: row.itemId}) WHERE ${ITEM_LABELS} AND x.extractorTags IS NOT NULL
CALL (x) {
  WITH x WHERE EXISTS { (x)-[a:ABOUT]->() WHERE a.source = 'CURATOR' } OR NOT EXISTS { (x)-[:ABOUT]->() }
  CALL (x) {
    MATCH (x)-[a:ABOUT]->()
    DELETE a
  }
  UNWIND range(0, size(x.extractorTags) - 1) AS rank
  WITH x, rank, x.extractorTags[rank] AS tag
  WITH x, rank, split(tag, '|')[0] AS themeId, tag
  MATCH (t:PolicyTheme {id: themeId})
  CREATE (x)-[:ABOUT {rank: rank, reason: substring(tag, size(themeId) + 1)}]->(t)
}
SET x.unclassified = coalesce(x.extractorUnclassified, NOT EXISTS { (x)-[:ABOUT]->() })
REMOVE x.extractorTags, x.extractorUnclassified
RETURN x.id AS id`;

/** Rejects items ($rows: {itemId, correctionId}): out of every list, count and the search index. */
export const REJECT = `
UNWIND $rows AS row
MATCH (x:Entity {id: row.itemId}) WHERE ${ITEM_LABELS}
SET x.rejected = true, x.rejectedBy = row.correctionId, x.hiddenSearchText = coalesce(x.searchText, x.hiddenSearchText)
REMOVE x.searchText
RETURN x.id AS id`;

/** Takes items' rejection back ($rows: {itemId}). */
export const UNREJECT = `
UNWIND $rows AS row
MATCH (x:Entity {id: row.itemId}) WHERE ${ITEM_LABELS}
SET x.searchText = coalesce(x.searchText, x.hiddenSearchText)
REMOVE x.rejected, x.rejectedBy, x.hiddenSearchText
RETURN x.id AS id`;

/**
 * Writes added items of one kind ($rows: {id, documentId, meetingId, reportId, text, searchText,
 * start, end, sentenceStart, sentenceEnd, themeIds, reason, correctionId}) into their report or
 * meeting, in reading order by their start. MERGE on the id derived from the correction: applying
 * it again (after a re-extraction) rewrites the same node. Returns the ids it placed.
 */
export function addItems(kind: ItemKind): string {
  const { label, fromReport } = ITEM_KINDS[kind];
  const parent = fromReport
    ? "MATCH (parent:Report {id: row.reportId})-[:AT]->(m:Meeting {id: row.meetingId})"
    : "MATCH (parent:Meeting {id: row.meetingId})";
  const rel = fromReport ?? "ISSUED";
  const position = fromReport ? "parent.order * 1000 + seq - 0.5" : "seq - 0.5";
  return `
UNWIND $rows AS row
${parent}
${fromReport ? "" : "WITH row, parent, parent AS m"}
WITH row, parent, m, COUNT { (parent)-[:${rel}]->(o:${label}) WHERE o.start < row.start AND o.id <> row.id } + 1 AS seq
MERGE (x:${label}:Entity {id: row.id})
SET x.text = row.text, x.searchText = row.searchText, x.seq = seq, x.position = ${position},
    x.start = row.start, x.end = row.end, x.sentenceStart = row.sentenceStart, x.sentenceEnd = row.sentenceEnd,
    x.date = m.date, x.documentId = row.documentId, x.meetingId = m.id, x.reportId = ${fromReport ? "parent.id" : "null"},
    x.unclassified = size(row.themeIds) = 0, x.addedBy = row.correctionId, x.source = 'CURATOR'
MERGE (parent)-[:${rel}]->(x)
WITH x, row
CALL (x) {
  MATCH (x)-[a:ABOUT]->()
  DELETE a
}
${curatorTags("x")}
RETURN x.id AS id`;
}

/** Deletes added items ($ids) that are there. */
export const DELETE_ADDED = `
UNWIND $ids AS id
MATCH (x:Entity {id: id}) WHERE ${ITEM_LABELS} AND x.addedBy IS NOT NULL
DETACH DELETE x`;

const resolved = (idExpr: string, v: string) => `
OPTIONAL MATCH (redirect:Redirect {fromId: ${idExpr}})
MATCH (${v}:Department {id: coalesce(redirect.toId, ${idExpr})})`;

/**
 * Gives reports to another body ($rows: {reportId, departmentId, correctionId}). The extractor's
 * givers are set aside first: on the first correction, and again when a re-extraction has written
 * fresh ones beside a standing correction's. Returns the ids.
 */
export const ASSIGN = `
UNWIND $rows AS row
MATCH (r:Report {id: row.reportId})
${resolved("row.departmentId", "d")}
CALL (r) {
  WITH r WHERE r.extractorDepartmentIds IS NULL OR EXISTS { ()-[g:GAVE]->(r) WHERE ${extracted("g")} }
  SET r.extractorDepartmentIds = COLLECT { MATCH (e:Department)-[g:GAVE]->(r) WHERE ${extracted("g")} RETURN e.id ORDER BY e.id }
}
CALL (r) {
  MATCH ()-[g:GAVE]->(r)
  DELETE g
}
CREATE (d)-[:GAVE {source: 'CURATOR', correctionId: row.correctionId}]->(r)
RETURN r.id AS id`;

/** Gives reports back to the bodies the extractor found ($rows: {reportId}), unless a re-extraction did. */
export const RESTORE_ASSIGN = `
UNWIND $rows AS row
MATCH (r:Report {id: row.reportId}) WHERE r.extractorDepartmentIds IS NOT NULL
CALL (r) {
  WITH r WHERE EXISTS { ()-[g:GAVE]->(r) WHERE g.source = 'CURATOR' }
  CALL (r) {
    MATCH ()-[g:GAVE]->(r)
    DELETE g
  }
  UNWIND r.extractorDepartmentIds AS id
  ${resolved("id", "d")}
  MERGE (d)-[:GAVE]->(r)
}
REMOVE r.extractorDepartmentIds
RETURN r.id AS id`;

// One relationship type of `from`, moved to `into` (`out`: from is its start). A relationship that
// `into` already has with the same node keeps `into`'s, noting `alsoFrom`; a part of `from` that is
// `into` itself is dropped (the payload remembers it).
const moveRels = (type: string, direction: "out" | "in", other: string) => {
  const [a, b] = direction === "out" ? ["from", "o"] : ["o", "from"];
  const [ia, ib] = direction === "out" ? ["into", "o"] : ["o", "into"];
  return `
CALL (from, into) {
  MATCH (${a})-[g:${type}]->(${b}) WHERE o:${other} AND o <> into
  OPTIONAL MATCH (${ia})-[existing:${type}]->(${ib})
  WITH from, into, g, o, head(collect(existing)) AS existing
  CALL (from, into, g, o, existing) {
    WITH from, into, g, o, existing WHERE existing IS NULL
    CREATE (${ia})-[moved:${type}]->(${ib})
    SET moved = properties(g), moved.mergedFrom = coalesce(g.mergedFrom, []) + [from.id]
  }
  CALL (from, existing) {
    WITH from, existing WHERE existing IS NOT NULL
    SET existing.alsoFrom = coalesce(existing.alsoFrom, []) + [from.id]
  }
  DELETE g
}`;
};

// Back from `into` to `from`: what the merge of `from` moved (the last step of `mergedFrom`), and
// what it merged into relationships `into` had of its own (`alsoFrom`).
const moveBack = (type: string, direction: "out" | "in", other: string) => {
  const [a, b] = direction === "out" ? ["into", "o"] : ["o", "into"];
  const [fa, fb] = direction === "out" ? ["from", "o"] : ["o", "from"];
  return `
CALL (from, into) {
  MATCH (${a})-[g:${type}]->(${b}) WHERE o:${other} AND g.mergedFrom[-1] = from.id
  CREATE (${fa})-[back:${type}]->(${fb})
  SET back = properties(g), back.mergedFrom = CASE WHEN size(g.mergedFrom) > 1 THEN g.mergedFrom[0..-1] END
  DELETE g
}
CALL (from, into) {
  MATCH (${a})-[g:${type}]->(${b}) WHERE o:${other} AND from.id IN coalesce(g.alsoFrom, [])
  CREATE (${fa})-[:${type}]->(${fb})
  SET g.alsoFrom = CASE WHEN size(g.alsoFrom) > 1 THEN [x IN g.alsoFrom WHERE x <> from.id] END
}`;
};

const MOVED = [
  ["GAVE", "out", "Report"],
  ["ADDRESSED_TO", "in", "Directive"],
  ["HELD_BY", "in", "Meeting"],
  ["PART_OF", "in", "Department"],
] as const;

const FOLD = `${MOVED.map(([t, d, o]) => moveRels(t, d, o)).join("")}
DETACH DELETE from`;

/**
 * Merges department $fromId into $intoId: its relationships move, its names ($addedAliases, their
 * simplified forms $addedSearch) become the other's, and its id redirects there (as do the ids
 * already redirected to it, returned as `repointed`).
 */
export const MERGE_DEPARTMENT = `
MATCH (from:Department {id: $fromId}), (into:Department {id: $intoId})
SET into.mergedAliases = coalesce(into.mergedAliases, []) + $addedAliases,
    into.mergedSearch = coalesce(into.mergedSearch, []) + $addedSearch,
    into.searchText = coalesce(into.searchText, '') + reduce(s = '', a IN $addedSearch | s + ' ' + a)
WITH from, into
CALL (from, into) {
  OPTIONAL MATCH (older:Redirect {toId: $fromId})
  SET older.toId = $intoId
  RETURN collect(older.fromId) AS repointed
}
CREATE (:Redirect {fromId: $fromId, toId: $intoId, correctionId: $correctionId})
WITH from, into, repointed
${FOLD}
RETURN repointed`;

/**
 * Folds a department that a writer made again under an id merged away (a readout or a
 * re-extraction named it) into the body its id redirects to; `row` is a variable with its `id`.
 * A unit subquery for writers: nothing happens where no redirect matches.
 */
export const foldRedirected = (row: string) => `
CALL (${row}) {
  MATCH (redirect:Redirect {fromId: ${row}.id})
  MATCH (from:Department {id: redirect.fromId}), (into:Department {id: redirect.toId})
  ${FOLD}
}`;

/** foldRedirected for every redirect: after a re-extraction rewrote a document. */
export const FOLD_ALL_REDIRECTED = `
MATCH (redirect:Redirect)
MATCH (from:Department {id: redirect.fromId}), (into:Department {id: redirect.toId})
${FOLD}
RETURN count(*) AS folded`;

/**
 * Takes a merge back: the department is made again from $from (its stored properties), gets back
 * its parent ($parentId), what was moved from it and its names; its redirect goes, and the ids
 * re-pointed to the other by the merge ($repointed) point to it again.
 */
export const UNMERGE_DEPARTMENT = `
MATCH (into:Department {id: $intoId})
CREATE (from:Department:Entity)
SET from = $from
WITH from, into
CALL (from) {
  ${resolved("$parentId", "parent")}
  CREATE (from)-[:PART_OF]->(parent)
}
${MOVED.map(([t, d, o]) => moveBack(t, d, o)).join("")}
CALL (from, into) {
  WITH from, into WHERE $intoWasPartOfFrom
  CREATE (into)-[:PART_OF]->(from)
}
SET into.mergedAliases = [a IN coalesce(into.mergedAliases, []) WHERE NOT a IN $addedAliases],
    into.mergedSearch = [a IN coalesce(into.mergedSearch, []) WHERE NOT a IN $addedSearch],
    into.searchText = $intoSearchText
WITH from
CALL () {
  MATCH (r:Redirect {fromId: $fromId})
  DELETE r
}
CALL () {
  MATCH (r:Redirect) WHERE r.fromId IN $repointed
  SET r.toId = $fromId
}
RETURN from.id AS id`;
