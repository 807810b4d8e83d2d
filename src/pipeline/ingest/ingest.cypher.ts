import { foldRedirected } from "../curation/correction.cypher";
import { DIRECTIVE_INDEX } from "../derived/derived.cypher";

/**
 * The one "extraction → graph" writer as Cypher. Every node carries the extra label :Entity (one
 * uniqueness constraint across all ids, and node(id) lookups). A document is written once: its
 * meeting, reports and items (whose ids derive from its text) are CREATEd, so that an id clash
 * fails the document on a constraint instead of merging it into another; the nodes documents share
 * (departments, people, themes) are MERGEd. Running a document's write again changes nothing. A
 * group of documents is written by ONE statement (one round trip), WRITE_READOUTS: each document
 * (the variable `readout`) in a subquery of its own, each part below a unit subquery of that. The
 * meeting is left `pendingDerivation` for ../derived to derive what it implies.
 *
 * The statement takes the documents inside ONE map parameter, $group. Neo4j keys its plan cache on
 * the size class of every top-level list parameter (0, 1, 2–9, 10–99, …), so with a list per part
 * each new mix of sizes (a readout with one attendee, ten reports, no directives) was planned again,
 * 1–2.5 s for this statement; the lists inside a map are not part of the key.
 */

/** The documents among $batch.sha256s (body hashes) that are already in the graph. */
export const FIND_DOCUMENTS = `
UNWIND $batch.sha256s AS sha256
MATCH (d:Document {sha256: sha256})
OPTIONAL MATCH (m:Meeting)-[:RECORDED_IN]->(d)
RETURN sha256, d.id AS documentId, m.id AS meetingId`;

const DOCUMENT_AND_MEETING = `
SET d.sha256 = readout.document.sha256, d.title = readout.document.title, d.url = readout.document.url,
    d.published = readout.document.published, d.text = readout.document.text,
    d.givenHost = readout.document.givenHost, d.site = readout.document.site,
    d.extractorVersion = readout.document.extractorVersion, d.extractionWarnings = readout.document.warnings
CREATE (m:Meeting:Entity {id: readout.meeting.id})
SET m.date = date(readout.meeting.date), m.kind = readout.meeting.kind, m.title = readout.meeting.title, m.pendingDerivation = true
CREATE (m)-[:RECORDED_IN]->(d)
WITH m, readout`;

/** The meeting's chairs or attendees (`m`, `readout`): merged people and their ordered links. */
export const people = (param: "chairs" | "attendees", rel: "CHAIRED" | "ATTENDED") => `
CALL (m, readout) {
  UNWIND readout.${param} AS p
  MERGE (person:Person:Entity {id: p.id})
  ON CREATE SET person.name = p.name, person.nameEn = p.nameEn, person.curated = p.curated
  MERGE (person)-[r:${rel}]->(m)
  SET r.order = p.order
}`;

// Curated departments refresh their reference properties; an uncurated one keeps what it was
// first given (its name as first published). Rows come parents first, so a body's parent is there
// when its PART_OF is merged; a body has one parent (a curated parent may be corrected in the seed).
// A body made again under an id a curator merged away is folded into the one it was merged into
// once the readout is written (foldRedirected).
export const DEPARTMENTS = `
CALL (readout) {
  UNWIND readout.departments AS row
  MERGE (d:Department:Entity {id: row.id})
  ON CREATE SET d += row
  ON MATCH SET d += CASE WHEN row.curated THEN row ELSE {} END
  // The names of bodies merged into it (../correction) stay searchable when its row is refreshed.
  SET d.searchText = CASE WHEN row.curated AND d.mergedSearch IS NOT NULL
                          THEN row.searchText + reduce(s = '', a IN d.mergedSearch | s + ' ' + a) ELSE d.searchText END
  WITH d, row WHERE row.parentId IS NOT NULL
  MATCH (parent:Department {id: row.parentId})
  MERGE (d)-[:PART_OF]->(parent)
}`;

/** The departments of `readout`, then the meeting's (`m`) host. */
export const DEPARTMENTS_AND_HOST = `${DEPARTMENTS}
CALL (m, readout) {
  WITH m, readout WHERE readout.meeting.hostId IS NOT NULL
  MATCH (host:Department {id: readout.meeting.hostId})
  CREATE (m)-[:HELD_BY]->(host)
}`;

/**
 * How a statement puts the document's reports and items in place: CREATE for a new document (an id
 * clash fails it), MERGE for re-extraction (kept ones are there; their links were cleared).
 */
export type Placing = "CREATE" | "MERGE";

/** The meeting's (`m`) reports and who gave them. */
export const reports = (placing: Placing = "CREATE") => `
CALL (m, readout) {
  UNWIND readout.reports AS row
  ${placing} (r:Report:Entity {id: row.id})
  SET r.order = row.order, r.subject = row.subject, r.date = m.date
  ${placing} (r)-[:AT]->(m)
  WITH r, row
  UNWIND row.departmentIds AS departmentId
  MATCH (d:Department {id: departmentId})
  MERGE (d)-[:GAVE]->(r)
}`;

/**
 * Items of one kind with their parent link and theme tags. They keep their document, meeting and
 * report ids and a reading-order position as properties: evidence and ordering then need no traversal.
 */
export const items = (
  param: string,
  label: "Achievement" | "Shortcoming" | "Directive",
  parent: "Report" | "Meeting",
  rel: string,
  placing: Placing = "CREATE",
) => `
CALL (m, readout) {
  UNWIND readout.${param} AS row
  MATCH (parent:${parent} {id: row.parentId})
  ${placing} (x:${label}:Entity {id: row.id})
  SET x.text = row.text, x.searchText = coalesce(row.searchText, row.text), x.seq = row.seq, x.start = row.start, x.end = row.end,
      x.sentenceStart = row.sentenceStart, x.sentenceEnd = row.sentenceEnd, x.date = m.date,
      x.documentId = readout.document.id, x.meetingId = m.id, x.unclassified = row.unclassified,
      ${parent === "Report" ? "x.reportId = parent.id, x.position = parent.order * 1000 + row.seq" : "x.reportId = null, x.position = row.seq"}
  CREATE (parent)-[:${rel}]->(x)
  WITH x, row
  UNWIND row.themes AS tag
  MATCH (t:PolicyTheme {id: tag.id})
  CREATE (x)-[:ABOUT {rank: tag.rank, reason: tag.reason}]->(t)
}`;

/** Whom the readout's directives are addressed to. */
export const ADDRESSEES = `
CALL (readout) {
  UNWIND readout.directives AS row
  UNWIND row.addresseeIds AS departmentId
  MATCH (x:Directive {id: row.id}), (d:Department {id: departmentId})
  MERGE (x)-[:ADDRESSED_TO]->(d)
}`;

/**
 * Writes each document of $group.readouts unless it is already there (a document is written whole,
 * so "there" means recorded in a meeting); returns, per document in order, its id (`id`) and the
 * existing document's ids when it was there (nulls after writing a new one). MERGE on the
 * document's id comes first: it locks the id, so two transactions writing the same document at once
 * run one after the other and the second finds it there.
 */
export const WRITE_READOUTS = `
UNWIND $group.readouts AS readout
CALL (readout) {
  MERGE (d:Document:Entity {id: readout.document.id})
  WITH d, readout
  OPTIONAL MATCH (existingMeeting:Meeting)-[:RECORDED_IN]->(d)
  CALL (d, existingMeeting, readout) {
    WITH d, readout WHERE existingMeeting IS NULL
    ${DOCUMENT_AND_MEETING}
    ${people("chairs", "CHAIRED")}
    ${people("attendees", "ATTENDED")}
    ${DEPARTMENTS_AND_HOST}
    ${reports()}
    ${items("achievements", "Achievement", "Report", "ACHIEVED")}
    ${items("shortcomings", "Shortcoming", "Report", "FELL_SHORT")}
    ${items("directives", "Directive", "Meeting", "ISSUED")}
    ${ADDRESSEES}
    ${DIRECTIVE_INDEX}
  }
  RETURN CASE WHEN existingMeeting IS NULL THEN null ELSE d.id END AS documentId, existingMeeting.id AS meetingId
}
CALL (readout) {
  UNWIND readout.departments AS row
  ${foldRedirected("row")}
}
RETURN readout.document.id AS id, documentId, meetingId`;
