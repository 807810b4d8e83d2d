/**
 * Re-extraction as Cypher: a stored document read back as the extractor wrote it, and rewritten to
 * what the current extractor reads, inside one transaction per document (see reextract.service).
 * The rewrite reuses the writer's fragments (ingest.cypher) with MERGE for what is kept.
 */
import { DIRECTIVE_INDEX } from "../derived/derived.cypher";
import { EXTRACTED_ITEM, EXTRACTED_TAG, extractedLink } from "./reextract.hooks";
import { ADDRESSEES, DEPARTMENTS, DEPARTMENTS_AND_HOST, items, people, reports } from "./ingest.cypher";

/** Documents read by another extractor version than $version (all with $all), after $after, by id; never those written from a given extraction. */
export const DOCUMENTS_BEHIND = `
MATCH (d:Document)
WHERE ($after IS NULL OR d.id > $after)
  AND coalesce(d.extractorVersion, '') <> $given
  AND ($all OR d.extractorVersion IS NULL OR d.extractorVersion <> $version)
  AND EXISTS { (:Meeting)-[:RECORDED_IN]->(d) }
RETURN d.id AS id ORDER BY id`;

/** How many documents DOCUMENTS_BEHIND would give without $all and $after. */
export const COUNT_BEHIND = `
MATCH (d:Document)
WHERE coalesce(d.extractorVersion, '') <> $given
  AND (d.extractorVersion IS NULL OR d.extractorVersion <> $version)
  AND EXISTS { (:Meeting)-[:RECORDED_IN]->(d) }
RETURN count(d) AS behind`;

const ITEM_FIELDS = (kind: string, parentId: string) => `x {
  .id, .seq, .text, .start, .end, .sentenceStart, .sentenceEnd, kind: ${kind}, parentId: ${parentId},
  themes: COLLECT {
    MATCH (x)-[a:ABOUT]->(t:PolicyTheme) WHERE ${EXTRACTED_TAG}
    RETURN {id: t.id, rank: a.rank, reason: a.reason} AS tag ORDER BY a.rank, t.id
  },
  addresseeIds: COLLECT {
    MATCH (x)-[l:ADDRESSED_TO]->(to:Department) WHERE ${extractedLink("l")}
    RETURN DISTINCT to.id AS id ORDER BY id
  }
}`;

/** The document $id with its meeting, people, reports and the extractor's items and tags (a StoredDocument). */
export const STORED_DOCUMENT = `
MATCH (m:Meeting)-[:RECORDED_IN]->(d:Document {id: $id})
WITH d, m ORDER BY m.id LIMIT 1
RETURN d {.id, .title, .url, .published, .text, .givenHost, .site, .extractorVersion} AS document,
       m {.id, .kind, .title, date: toString(m.date),
          hostId: head(COLLECT { MATCH (m)-[:HELD_BY]->(h:Department) RETURN h.id AS id ORDER BY id }),
          hostName: head(COLLECT { MATCH (m)-[:HELD_BY]->(h:Department) RETURN h.name AS name ORDER BY h.id })} AS meeting,
       COLLECT { MATCH (p:Person)-[r:CHAIRED]->(m) RETURN {id: p.id, order: r.order} AS p ORDER BY r.order, p.id } AS chairs,
       COLLECT { MATCH (p:Person)-[r:ATTENDED]->(m) RETURN {id: p.id, order: r.order} AS p ORDER BY r.order, p.id } AS attendees,
       COLLECT {
         MATCH (r:Report)-[:AT]->(m)
         RETURN r {.id, .order, .subject,
                   departmentIds: COLLECT {
                     MATCH (g:Department)-[l:GAVE]->(r) WHERE ${extractedLink("l")}
                     RETURN DISTINCT g.id AS id ORDER BY id
                   }} AS r
         ORDER BY r.order
       } AS reports,
       COLLECT {
         MATCH (m)<-[:AT]-(r:Report)-[rel:ACHIEVED|FELL_SHORT]->(x) WHERE ${EXTRACTED_ITEM}
         RETURN ${ITEM_FIELDS("CASE type(rel) WHEN 'ACHIEVED' THEN 'achievement' ELSE 'shortcoming' END", "r.id")} AS x
       } + COLLECT {
         MATCH (m)-[:ISSUED]->(x:Directive) WHERE ${EXTRACTED_ITEM}
         RETURN ${ITEM_FIELDS("'directive'", "m.id")} AS x
       } AS items`;

/**
 * An unchanged document records the extractor version that read it again ($readout.document) and its
 * warnings (a document written before they were kept gets them), and
 * its curated departments take the registry's current names (as a write of it would give them).
 */
export const RECORD_VERSION = `
WITH $readout AS readout
MATCH (d:Document {id: readout.document.id})
SET d.extractorVersion = readout.document.extractorVersion, d.givenHost = readout.document.givenHost,
    d.site = readout.document.site, d.extractionWarnings = readout.document.warnings
WITH readout
${DEPARTMENTS}`;

/**
 * Clears what the extractor stated of the meeting $plan.meetingId before it is written again: the
 * items it no longer finds and the reports it no longer has go with their relationships; kept items
 * lose their place, extractor tags and addressees, kept reports who gave them, the meeting its
 * people, host and directive index entries (these first: they are found by the old addressees and
 * date, and by every theme, as the scheme's hierarchy may have changed). Items a curator added stay.
 */
export const CLEAR_STATED = `
MATCH (m:Meeting {id: $plan.meetingId})
CALL (m) {
  MATCH (t:PolicyTheme)
  MATCH (x:MeetingDirectiveTheme {themeId: t.id, date: m.date, meetingId: m.id})
  DELETE x
}
CALL (m) {
  MATCH (m)-[:ISSUED]->(:Directive)-[:ADDRESSED_TO]->(d:Department)
  WITH DISTINCT m, d
  MATCH (x:MeetingAddressee {departmentId: d.id, date: m.date, meetingId: m.id})
  DELETE x
}
CALL (m) {
  MATCH (m)<-[:AT]-(:Report)-[:ACHIEVED|FELL_SHORT]->(x) WHERE ${EXTRACTED_ITEM} AND NOT x.id IN $plan.keptItemIds
  DETACH DELETE x
}
CALL (m) {
  MATCH (m)-[:ISSUED]->(x:Directive) WHERE ${EXTRACTED_ITEM} AND NOT x.id IN $plan.keptItemIds
  DETACH DELETE x
}
CALL (m) {
  MATCH (m)<-[:AT]-(:Report)-[:ACHIEVED|FELL_SHORT]->(x)-[a:ABOUT]->() WHERE ${EXTRACTED_ITEM} AND ${EXTRACTED_TAG}
  DELETE a
}
CALL (m) {
  MATCH (m)<-[:AT]-(:Report)-[rel:ACHIEVED|FELL_SHORT]->(x) WHERE ${EXTRACTED_ITEM}
  DELETE rel
}
CALL (m) {
  MATCH (m)-[:ISSUED]->(x:Directive)-[a:ABOUT]->() WHERE ${EXTRACTED_ITEM} AND ${EXTRACTED_TAG}
  DELETE a
}
CALL (m) {
  MATCH (m)-[:ISSUED]->(x:Directive)-[rel:ADDRESSED_TO]->() WHERE ${EXTRACTED_ITEM} AND ${extractedLink("rel")}
  DELETE rel
}
CALL (m) {
  MATCH (m)-[rel:ISSUED]->(x:Directive) WHERE ${EXTRACTED_ITEM}
  DELETE rel
}
CALL (m) {
  MATCH (m)<-[:AT]-(r:Report) WHERE NOT r.id IN $plan.keptReportIds
  DETACH DELETE r
}
CALL (m) {
  MATCH (m)<-[:AT]-(:Report)<-[rel:GAVE]-() WHERE ${extractedLink("rel")}
  DELETE rel
}
CALL (m) {
  MATCH (m)<-[rel:CHAIRED|ATTENDED]-()
  DELETE rel
}
CALL (m) {
  MATCH (m)-[rel:HELD_BY]->()
  DELETE rel
}
REMOVE m.directivesIndexed`;

/**
 * Writes a re-extracted document ($readout, GraphRows with the ids it keeps) over what CLEAR_STATED
 * left: the document's version, the meeting's reading (its id stays), then the writer's own parts.
 */
export const WRITE_REEXTRACTED = `
WITH $readout AS readout
MATCH (d:Document {id: readout.document.id})<-[:RECORDED_IN]-(m:Meeting {id: readout.meeting.id})
SET d.extractorVersion = readout.document.extractorVersion, d.givenHost = readout.document.givenHost,
    d.site = readout.document.site, d.extractionWarnings = readout.document.warnings,
    m.date = date(readout.meeting.date), m.kind = readout.meeting.kind, m.title = readout.meeting.title
WITH m, readout
${people("chairs", "CHAIRED")}
${people("attendees", "ATTENDED")}
${DEPARTMENTS_AND_HOST}
${reports("MERGE")}
${items("achievements", "Achievement", "Report", "ACHIEVED", "MERGE")}
${items("shortcomings", "Shortcoming", "Report", "FELL_SHORT", "MERGE")}
${items("directives", "Directive", "Meeting", "ISSUED", "MERGE")}
${ADDRESSEES}
${DIRECTIVE_INDEX}`;

/**
 * Departments and people the rewrite left without any link ($unused.departmentIds, .personIds,
 * those the document named before): an uncurated one goes (a first ingest would not have made it);
 * a department's own PART_OF link does not keep it.
 */
export const DROP_UNUSED = `
CALL () {
  UNWIND $unused.departmentIds AS id
  MATCH (d:Department {id: id})
  WHERE NOT d.curated AND NOT EXISTS { (d)-[r]-() WHERE NOT (type(r) = 'PART_OF' AND startNode(r) = d) }
  DETACH DELETE d
}
CALL () {
  UNWIND $unused.personIds AS id
  MATCH (p:Person {id: id})
  WHERE NOT p.curated AND NOT EXISTS { (p)--() }
  DELETE p
}`;
