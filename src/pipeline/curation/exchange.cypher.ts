import { CORRECTION_FIELDS } from "./correction.cypher";

/**
 * Cypher of `corrections export` / `corrections import` (exchange.ts): reading the log in the
 * order it was made, and finding where a correction's targets are in a graph built again from
 * the same readouts (by id, else by document span). Every value is a parameter.
 */

const ITEM = "(x:Achievement OR x:Shortcoming OR x:Directive)";

/** One page of the log in the order it was made: seq after `$after`, `$batch` of them. */
export const LOG_PAGE = `
MATCH (c:Correction) WHERE c.seq > $after
WITH c ORDER BY c.seq LIMIT $batch
RETURN ${CORRECTION_FIELDS} AS correction`;

/** Where items ($ids) stand: label, document and span, text. */
export const ITEM_PLACES = `
UNWIND $ids AS id
MATCH (x:Entity {id: id}) WHERE ${ITEM}
RETURN x.id AS id, [l IN labels(x) WHERE l <> 'Entity'][0] AS type, x.documentId AS documentId,
       x.start AS start, x.end AS end, x.text AS text`;

/** Where reports ($ids) stand: the document of their meeting, their speaking order and speaker. */
export const REPORT_PLACES = `
UNWIND $ids AS id
MATCH (r:Report {id: id})-[:AT]->(:Meeting)-[:RECORDED_IN]->(d:Document)
RETURN r.id AS id, d.id AS documentId, r.order AS order, r.subject AS subject`;

/**
 * The item of label $type to correct: the one with id $id if it stands at the same span of the
 * same document (ids are positional, so after a re-extraction an id may name another item), else
 * the one at that span (unrejected first).
 */
export const PLACE_ITEM = `
CALL () {
  OPTIONAL MATCH (x:Entity {id: $id}) WHERE ${ITEM} AND $type IN labels(x)
    AND ($start IS NULL OR (x.documentId = $documentId AND x.start = $start AND x.end = $end))
  RETURN x.id AS byId
}
CALL () {
  OPTIONAL MATCH (x:Entity) WHERE ${ITEM} AND $type IN labels(x)
    AND x.documentId = $documentId AND x.start = $start AND x.end = $end
  WITH x ORDER BY x.rejected IS NULL DESC, x.id LIMIT 1
  RETURN x.id AS bySpan
}
RETURN byId, bySpan, EXISTS { MATCH (x:Entity {id: $id}) WHERE ${ITEM} } AS idTaken`;

/** The report to correct: $id if it is the report of that order in that document, else the one of that order. */
export const PLACE_REPORT = `
CALL () {
  OPTIONAL MATCH (r:Report {id: $id})-[:AT]->(:Meeting)-[:RECORDED_IN]->(d:Document)
  WHERE $documentId IS NULL OR (d.id = $documentId AND r.order = $order)
  RETURN r.id AS byId
}
CALL () {
  OPTIONAL MATCH (r:Report {order: $order})-[:AT]->(:Meeting)-[:RECORDED_IN]->(:Document {id: $documentId})
  RETURN r.id AS bySpan LIMIT 1
}
RETURN byId, bySpan`;

/** The department to correct: $id (a merged id answers with its body), else the one named $name. */
export const PLACE_DEPARTMENT = `
CALL () {
  OPTIONAL MATCH (redirect:Redirect {fromId: $id})
  OPTIONAL MATCH (d:Department {id: coalesce(redirect.toId, $id)})
  RETURN d.id AS byId
}
CALL () {
  OPTIONAL MATCH (d:Department) WHERE $name IS NOT NULL AND d.name = $name
  RETURN collect(d.id) AS byName
}
RETURN byId, CASE WHEN size(byName) = 1 THEN byName[0] END AS bySpan`;

/** Which of the corrections ($ids) the graph holds already. */
export const PRESENT = `
UNWIND $ids AS id
MATCH (c:Correction {id: id})
RETURN c.id AS id`;

/** Whether a document ($id) is in the graph. */
export const DOCUMENT_EXISTS = `
RETURN EXISTS { MATCH (:Document {id: $id}) } AS exists`;
