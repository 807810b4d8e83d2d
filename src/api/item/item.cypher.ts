import { mapProjection, Projection, projectionFor, ProjectionSpec } from "../graphql/projection";
import type { Selection } from "../graphql/selection";
import { ITEM_KINDS, ItemKind, notRejected } from "../../model/graph.cypher";

const prop = (name: string) => (v: string) => `${v}.${name}`;
const EVIDENCE = ["documentId", "start", "end", "sentenceStart", "sentenceEnd"] as const;

// Cypher counts a string's characters by code point, the offsets count UTF-16 units: the two agree
// up to `end` unless a character beyond the BMP stands before it. Then the span is null and the
// resolver cuts it from the document text instead (see ./evidence.resolver).
const BEYOND_BMP = "'(?s).*[^\\\\x{0}-\\\\x{FFFF}].*'";
const span = (v: string, start: string, end: string) =>
  `head(COLLECT { MATCH (doc:Document {id: ${v}.documentId}) WITH left(doc.text, ${v}.${end}) AS head WHERE NOT head =~ ${BEYOND_BMP} RETURN substring(head, ${v}.${start}) })`;

/**
 * What an item record can read (see ../graphql/projection). Items written before the unclassified
 * flag read as unclassified when they have no theme. Tags carry their theme's id: the resolvers
 * take the theme from the request's scheme (see requestThemes) rather than a copy per tag.
 */
export function itemSpec(kind: ItemKind): ProjectionSpec {
  return {
    columns: {
      id: prop("id"),
      text: prop("text"),
      seq: prop("seq"),
      position: prop("position"),
      start: prop("start"),
      end: prop("end"),
      sentenceStart: prop("sentenceStart"),
      sentenceEnd: prop("sentenceEnd"),
      documentId: prop("documentId"),
      meetingId: prop("meetingId"),
      reportId: prop("reportId"),
      date: (v) => `toString(${v}.date)`,
      __typename: () => `'${kind}'`,
      unclassified: (v) => `coalesce(${v}.unclassified, NOT EXISTS { (${v})-[:ABOUT]->(:PolicyTheme) })`,
      rejected: (v) => `${v}.rejected IS NOT NULL`,
      tags: (v) =>
        `[(${v})-[a:ABOUT]->(t:PolicyTheme) | {rank: a.rank, reason: a.reason, source: coalesce(a.source, 'EXTRACTOR'), themeId: t.id}]`,
      // What `themes` alone needs: the order and the ids, without each tag's reason.
      themeRefs: (v) => `[(${v})-[a:ABOUT]->(t:PolicyTheme) | {rank: a.rank, themeId: t.id}]`,
      // The evidence's text, cut in the store: an item's quote need not ship its whole document.
      quote: (v) => span(v, "start", "end"),
      sentenceText: (v) => span(v, "sentenceStart", "sentenceEnd"),
    },
    always: ["id", "__typename"],
    needs: {
      themes: ["themeRefs"],
      themeTags: ["tags"],
      evidence: EVIDENCE,
      "evidence.quote": ["quote"],
      "evidence.sentence": ["sentenceText"],
      meeting: ["meetingId"],
      report: ["reportId"],
      department: ["reportId"],
    },
  };
}

const ITEM_SPECS = Object.fromEntries(Object.keys(ITEM_KINDS).map((k) => [k, itemSpec(k as ItemKind)])) as Record<
  ItemKind,
  ProjectionSpec
>;

// Read whole, an item has its tags (themeRefs would repeat them) and no cut text: a reader without
// a selection (an export, a node look-up) takes the document's.
const WHOLE = Object.keys(itemSpec("Shortcoming").columns).filter(
  (c) => !["themeRefs", "quote", "sentenceText"].includes(c),
);

/** The projection an item selection needs (every property without one). */
export function itemProjection(kind: ItemKind, selection: Selection | undefined): Projection {
  return selection ? projectionFor(ITEM_SPECS[kind], selection) : WHOLE;
}

/** The projection of an item node (variable `v`, default `x`) into an ItemRecord: all of it, or `projection`. */
export const itemFields = (kind: ItemKind, v = "x", projection?: Projection) =>
  mapProjection(ITEM_SPECS[kind], projection ?? WHOLE, v);

/** Filters shared by every item connection. Unset fields do not filter. */
export interface ItemFilter {
  themeId?: string | null;
  departmentId?: string | null;
  departmentKind?: string | null;
  from?: string | null;
  to?: string | null;
  contains?: string | null;
  meetingId?: string | null;
}

// The date window of `filter` as conditions on the `date` of variable `v` (none when unset).
const dateWindow = (filter: ItemFilter, v: string): string[] =>
  [filter.from && `${v}.date >= date($from)`, filter.to && `${v}.date <= date($to)`].filter((c): c is string =>
    Boolean(c),
  );

// Start from the most selective anchor: the department's reports, else the theme's subtree (its
// items are found by the ABOUT edges of the theme and its narrower themes), else the meetings of
// the date window (by the meeting date index: items carry their meeting's date but have no date
// index of their own, which cost every bulk-ingested item an index entry), else all items.
function matchClause(kind: ItemKind, filter: ItemFilter): string {
  const { label, fromReport } = ITEM_KINDS[kind];
  if (filter.departmentId) {
    return fromReport
      ? `MATCH (:Department {id: $departmentId})-[:GAVE]->(:Report)-[:${fromReport}]->(x:${label})`
      : `MATCH (x:${label})-[:ADDRESSED_TO]->(:Department {id: $departmentId})`;
  }
  if (filter.themeId)
    return `MATCH (:PolicyTheme {id: $themeId})<-[:BROADER*0..3]-(:PolicyTheme)<-[:ABOUT]-(x:${label})`;
  if (filter.from || filter.to) {
    const items = fromReport ? `(m)<-[:AT]-(:Report)-[:${fromReport}]->(x:${label})` : `(m)-[:ISSUED]->(x:${label})`;
    return `MATCH (m:Meeting) WHERE ${dateWindow(filter, "m").join(" AND ")}\n  MATCH ${items}`;
  }
  return `MATCH (x:${label})`;
}

function whereClause(kind: ItemKind, filter: ItemFilter): string {
  const { fromReport } = ITEM_KINDS[kind];
  const conditions: string[] = [notRejected("x"), ...dateWindow(filter, "x")];
  if (filter.meetingId) conditions.push("x.meetingId = $meetingId");
  if (filter.contains) conditions.push("x.searchText CONTAINS $contains");
  // A theme includes its narrower themes (already so when the theme is the anchor).
  if (filter.themeId && filter.departmentId) {
    conditions.push("EXISTS { (x)-[:ABOUT]->(:PolicyTheme)-[:BROADER*0..3]->(:PolicyTheme {id: $themeId}) }");
  }
  if (filter.departmentKind) {
    conditions.push(
      fromReport
        ? `EXISTS { (d:Department)-[:GAVE]->(:Report)-[:${fromReport}]->(x) WHERE d.kind = $departmentKind }`
        : "EXISTS { (x)-[:ADDRESSED_TO]->(d:Department) WHERE d.kind = $departmentKind }",
    );
  }
  return `WHERE ${conditions.join(" AND ")}`;
}

/** One page of items matching `filter`, newest meeting first, in reading order within a meeting. */
export function itemPageQuery(kind: ItemKind, filter: ItemFilter, projection?: Projection): string {
  const match = `${matchClause(kind, filter)}\n  ${whereClause(kind, filter)}`;
  return `
CALL {
  ${match}
  RETURN count(DISTINCT x) AS total
}
CALL {
  ${match}
  WITH DISTINCT x
  ORDER BY x.date DESC, x.meetingId, x.position
  SKIP $skip LIMIT $limit
  RETURN collect(${itemFields(kind, "x", projection)}) AS nodes
}
RETURN total, nodes`;
}

/** Items of many parents (reports or meetings) at once, each list in reading order. */
export function itemsByParentQuery(kind: ItemKind, projection?: Projection): string {
  const { label, fromReport } = ITEM_KINDS[kind];
  const match = fromReport
    ? `(:Report {id: id})-[:${fromReport}]->(x:${label})`
    : `(:Meeting {id: id})-[:ISSUED]->(x:${label})`;
  return `
UNWIND $ids AS id
MATCH ${match}
WHERE ${notRejected("x")}
WITH id, x ORDER BY x.position
RETURN id, collect(${itemFields(kind, "x", projection)}) AS items`;
}

/** Items by id, rejected ones included (an id still answers). */
export function itemsByIdQuery(kind: ItemKind, projection?: Projection): string {
  return `
UNWIND $ids AS id
MATCH (x:${ITEM_KINDS[kind].label} {id: id})
RETURN id, ${itemFields(kind, "x", projection)} AS item`;
}
