import { notRejected } from "../../model/graph.cypher";
import { EntityType } from "../../model/iri";
import { ENTITY_PROPERTIES, ENTITY_TYPES, inboundLinks, isItemType, LinkDef, ownLinks, RelDef } from "./model";

/**
 * Cypher of the linked-data routes and exports, built once at load time from the tables in
 * model.ts: labels, relationship types and property names come from code, values are parameters.
 * Every paged query is keyset-paginated on the unique `id` (index order, `WHERE id > $after`), so
 * a page costs the same at the end of the graph as at its start.
 */

// The other ends of one link, seen from `n`, each as {id, ...relationship properties}.
function linkTargets(l: LinkDef): string {
  const pattern = l.subject === "start" ? `(n)-[r:${l.rel}]->(m:${l.end})` : `(n)<-[r:${l.rel}]-(m:${l.start})`;
  const props = l.props.map((p) => `, ${p}: r.${p}`).join("");
  return `COLLECT { MATCH ${pattern} WHERE ${notRejected("m")} WITH r, m ORDER BY ${l.order} RETURN {id: m.id${props}} }`;
}

// What a curator's correction made of an item: added by, rejected by (only an item's own IRI
// answers for a rejected one: every list and page leaves it out).
const ITEM_CORRECTIONS = "addedBy: n.addedBy, rejected: n.rejected IS NOT NULL, rejectedBy: n.rejectedBy";

// The report's document, for prov:wasDerivedFrom (items keep theirs as a property), and the
// correction that gave it to another body.
const EXTRA_FIELDS: Partial<Record<EntityType, string>> = {
  Report: `documentId: [(n)-[:AT]->(:Meeting)-[:RECORDED_IN]->(d:Document) | d.id][0],
           assignedBy: [(:Department)-[g:GAVE {source: 'CURATOR'}]->(n) | g.correctionId][0]`,
  Achievement: ITEM_CORRECTIONS,
  Shortcoming: ITEM_CORRECTIONS,
  Directive: ITEM_CORRECTIONS,
};

function projection(type: EntityType): string {
  const props = ENTITY_PROPERTIES[type].map((p) => `.${p}`);
  const links = ownLinks(type).map((l) => `${l.key}: ${linkTargets(l)}`);
  const extra = EXTRA_FIELDS[type] ? [EXTRA_FIELDS[type]] : [];
  return `n {${[...props, ...extra, `links: {${links.join(", ")}}`].join(", ")}}`;
}

function byType<T>(build: (type: EntityType) => T): Record<EntityType, T> {
  return Object.fromEntries(ENTITY_TYPES.map((t) => [t, build(t)])) as Record<EntityType, T>;
}

/** One page of entities of a label with their own links: `$after` (id, "" to start), `$batch`; rejected items left out. */
export const ENTITY_PAGE = byType(
  (type) => `
MATCH (n:${type}) WHERE n.id > $after AND ${notRejected("n")}
WITH n ORDER BY n.id LIMIT $batch
RETURN ${projection(type)} AS row`,
);

// Links to the entity from others, up to $limit of each (the full set is in the dump).
function inbound(type: EntityType): string {
  const parts = inboundLinks(type).map((l, i) => {
    const pattern = l.subject === "start" ? `(n)<-[:${l.rel}]-(m:${l.start})` : `(n)-[:${l.rel}]->(m:${l.end})`;
    const live = `WHERE ${notRejected("m")}`;
    return `in${i}: {total: COUNT { MATCH ${pattern} ${live} }, ids: COLLECT { MATCH ${pattern} ${live} WITH DISTINCT m ORDER BY m.id LIMIT $limit RETURN m.id }}`;
  });
  return `{${parts.join(", ")}}`;
}

/** One entity (`$id`), its links from others (`$limit` of each) and, for items, its document's text. */
export const ENTITY_ONE = byType(
  (type) => `
MATCH (n:${type} {id: $id})
RETURN ${projection(type)} AS row, ${inbound(type)} AS inbound,
       ${isItemType(type) ? "COLLECT { MATCH (d:Document {id: n.documentId}) RETURN d.text }[0]" : "null"} AS sourceText`,
);

/** Type and display fields of entities (`$ids`), to label links to them. */
export const SUMMARIES = `
UNWIND $ids AS id
MATCH (m:Entity {id: id})
RETURN m {.id, .name, .nameEn, .title, .subject, date: toString(m.date),
          text: CASE WHEN m:Document THEN null ELSE m.text END,
          label: [l IN labels(m) WHERE l <> 'Entity'][0]} AS node`;

/** Ids of the top-level themes, in the scheme's order. */
export const TOP_THEMES = `
MATCH (t:PolicyTheme) WHERE t.parentId IS NULL
RETURN t.id AS id ORDER BY t.position, t.id`;

/** One page of an entity label's stored properties (CSV). */
export const PROPERTY_PAGE = byType(
  (type) => `
MATCH (n:${type}) WHERE n.id > $after AND ${notRejected("n")}
WITH n ORDER BY n.id LIMIT $batch
RETURN n {${ENTITY_PROPERTIES[type].map((p) => `.${p}`).join(", ")}} AS row`,
);

/**
 * One page of relationships of a type from one start label (CSV), keyset-paginated on
 * (start id, end id, element id): a pair may carry several relationships of a type.
 */
export function relationshipPage(rel: RelDef, from: EntityType): string {
  const props = rel.props.map((p) => `.${p}`).join(", ");
  return `
MATCH (a:${from})-[r:${rel.type}]->(b:${rel.to})
WHERE a.id >= $afterFrom AND ${notRejected("a")} AND ${notRejected("b")}
  AND (a.id > $afterFrom OR b.id > $afterTo OR (b.id = $afterTo AND elementId(r) > $afterRel))
WITH a, r, b ORDER BY a.id, b.id, elementId(r) LIMIT $batch
RETURN a.id AS from, b.id AS to, elementId(r) AS rel, r {${props}} AS props`;
}

// ---- curators' corrections (prov:Activity) ---------------------------------------------------

// A correction with what its IRIs need: the current label of its target (a merged department's
// id answers with its body) and, for a merge, the body its target went into since.
const CORRECTION_LD = `c {.id, .seq, .kind, .author, .at, .reason, .targetId, .targetType, .documentId, .payload,
  undone: coalesce(c.undone, false), undoneBy: c.undoneBy, orphaned: coalesce(c.orphaned, false),
  targetLabel: COLLECT { MATCH (x:Entity {id: c.targetId}) RETURN [l IN labels(x) WHERE l <> 'Entity'][0] }[0]}`;

/** One page of corrections in the order they were made: seq after `$after`, `$batch` of them. */
export const CORRECTION_PAGE = `
MATCH (c:Correction) WHERE c.seq > $after
WITH c ORDER BY c.seq LIMIT $batch
RETURN ${CORRECTION_LD} AS row`;

/** One correction by id. */
export const CORRECTION_ONE = `
MATCH (c:Correction {id: $id})
RETURN ${CORRECTION_LD} AS row`;

/** Every curator who signed a correction, by name. */
export const CURATORS = `
MATCH (c:Correction)
RETURN DISTINCT c.author AS name ORDER BY name`;

/** A curator's corrections (newest first, up to $limit) and their count; no row when none. */
export const CURATOR_ONE = `
MATCH (c:Correction {author: $name})
WITH c ORDER BY c.seq DESC
RETURN count(c) AS total, collect(c.id)[0..$limit] AS ids`;

/** Where the ids of merged departments lead now ($ids), with the merge that made each redirect. */
export const REDIRECTS = `
MATCH (r:Redirect)
RETURN r.fromId AS fromId, r.toId AS toId, r.correctionId AS correctionId ORDER BY fromId`;

/** The body a merged department's id ($id) answers with, if it was merged. */
export const REDIRECT_OF = `
MATCH (r:Redirect {fromId: $id})
RETURN r.toId AS toId`;
