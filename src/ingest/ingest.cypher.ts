/**
 * The statements of the one "extraction → graph" writer. Every node carries the extra label
 * :Entity (one uniqueness constraint across all ids, and node(id) lookups); every write MERGEs on
 * ids, so running a document's statements again changes nothing.
 */

export const FIND_DOCUMENT = `
MATCH (d:Document {sha256: $sha256})
OPTIONAL MATCH (m:Meeting)-[:RECORDED_IN]->(d)
RETURN d.id AS documentId, m.id AS meetingId`;

export const MERGE_DOCUMENT_AND_MEETING = `
MERGE (d:Document:Entity {id: $document.id})
SET d.sha256 = $document.sha256, d.title = $document.title, d.url = $document.url,
    d.published = $document.published, d.text = $document.text
MERGE (m:Meeting:Entity {id: $meeting.id})
SET m.date = date($meeting.date), m.kind = $meeting.kind, m.title = $meeting.title
MERGE (m)-[:RECORDED_IN]->(d)`;

const mergePeople = (rel: "CHAIRED" | "ATTENDED") => `
MATCH (m:Meeting {id: $meetingId})
UNWIND $people AS p
MERGE (person:Person:Entity {id: p.id})
ON CREATE SET person.name = p.name, person.nameEn = p.nameEn, person.curated = p.curated
MERGE (person)-[r:${rel}]->(m)
SET r.order = p.order`;

export const MERGE_CHAIRS = mergePeople("CHAIRED");
export const MERGE_ATTENDEES = mergePeople("ATTENDED");

// Curated departments refresh their reference properties; an uncurated one keeps what it was
// first given (its name as first published).
export const MERGE_DEPARTMENTS = `
UNWIND $departments AS row
MERGE (d:Department:Entity {id: row.id})
ON CREATE SET d += row
ON MATCH SET d += CASE WHEN row.curated THEN row ELSE {} END`;

export const MERGE_REPORTS = `
MATCH (m:Meeting {id: $meetingId})
UNWIND $reports AS row
MERGE (r:Report:Entity {id: row.id})
SET r.order = row.order, r.subject = row.subject, r.date = m.date
MERGE (r)-[:AT]->(m)
WITH r, row
UNWIND row.departmentIds AS departmentId
MATCH (d:Department {id: departmentId})
MERGE (d)-[:GAVE]->(r)`;

// Items keep their document, meeting and report ids and a reading-order position as properties:
// evidence and ordering then need no traversal.
const mergeItems = (label: "Achievement" | "Shortcoming" | "Directive", parent: "Report" | "Meeting", rel: string) => `
UNWIND $items AS row
MATCH (parent:${parent} {id: row.parentId})
MERGE (x:${label}:Entity {id: row.id})
SET x.text = row.text, x.searchText = row.searchText, x.seq = row.seq, x.start = row.start, x.end = row.end,
    x.sentenceStart = row.sentenceStart, x.sentenceEnd = row.sentenceEnd, x.date = date(row.date),
    x.documentId = $documentId, x.meetingId = $meetingId,
    ${parent === "Report" ? "x.reportId = parent.id, x.position = parent.order * 1000 + row.seq" : "x.reportId = null, x.position = row.seq"}
MERGE (parent)-[:${rel}]->(x)
WITH x, row
UNWIND row.themes AS tag
MATCH (t:PolicyTheme {id: tag.id})
MERGE (x)-[a:ABOUT]->(t)
SET a.rank = tag.rank, a.reason = tag.reason`;

export const MERGE_ACHIEVEMENTS = mergeItems("Achievement", "Report", "ACHIEVED");
export const MERGE_SHORTCOMINGS = mergeItems("Shortcoming", "Report", "FELL_SHORT");
export const MERGE_DIRECTIVES = mergeItems("Directive", "Meeting", "ISSUED");

export const MERGE_ADDRESSEES = `
UNWIND $items AS row
MATCH (x:Directive {id: row.id})
UNWIND row.addresseeIds AS departmentId
MATCH (d:Department {id: departmentId})
MERGE (x)-[:ADDRESSED_TO]->(d)`;
