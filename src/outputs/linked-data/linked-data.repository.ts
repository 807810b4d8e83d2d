import { Queryable } from "../../platform/db/neo4j";
import { EntityType } from "../../model/iri";
import * as q from "./linked-data.cypher";
import {
  describeCorrection,
  describeCurator,
  describeEntity,
  describeInbound,
  describeScheme,
  Description,
  summarise,
  Terms,
} from "./mapping";
import { CorrectionLdRow, EntityRow, inboundLinks, RelDef, SummaryRow } from "./model";

/** How many links from others an entity's page shows per kind of link (the dumps hold them all). */
export const INBOUND_LIMIT = 200;

/** A link kind whose list on an entity page was cut at INBOUND_LIMIT. */
export interface TruncatedLinks {
  predicate: string;
  shown: number;
  total: number;
}

/** One entity as its IRI serves it. */
export interface EntityView {
  type: EntityType;
  row: EntityRow;
  /** Its own description, the links others state to it, and the labels of its neighbours. */
  description: Description;
  truncated: TruncatedLinks[];
  /** For items: the text of the readout their offsets point into. */
  sourceText: string | null;
}

interface OneRow {
  row: EntityRow;
  inbound: Record<string, { total: number; ids: string[] }>;
  sourceText: string | null;
}

async function addSummaries(db: Queryable, t: Terms, ids: Iterable<string>, into: Description): Promise<void> {
  const unique = [...new Set(ids)];
  if (!unique.length) return;
  const rows = await db.read<{ node: SummaryRow }>(q.SUMMARIES, { ids: unique });
  for (const { node } of rows) summarise(t, node, into);
}

/** Loads one entity with its neighbourhood (two round trips), or null when the graph does not hold it. */
export async function loadEntity(db: Queryable, t: Terms, type: EntityType, id: string): Promise<EntityView | null> {
  const [found] = await db.read<OneRow>(q.ENTITY_ONE[type], { id, limit: INBOUND_LIMIT });
  if (!found) return null;
  const { row, inbound, sourceText } = found;
  const description = describeEntity(t, type, row);
  const links = inboundLinks(type);
  const inboundIds = links.map((_, i) => inbound[`in${i}`]?.ids ?? []);
  describeInbound(t, type, id, inboundIds, description);
  const truncated = links.flatMap((l, i) => {
    const { total = 0, ids = [] } = inbound[`in${i}`] ?? {};
    return total > ids.length ? [{ predicate: l.predicate, shown: ids.length, total }] : [];
  });
  const neighbours = [...Object.values(row.links).flatMap((targets) => targets.map((x) => x.id)), ...inboundIds.flat()];
  if (typeof row.documentId === "string") neighbours.push(row.documentId);
  await addSummaries(
    db,
    t,
    neighbours.filter((n) => n !== id),
    description,
  );
  return { type, row, description, truncated, sourceText };
}

/** Ids of the top-level themes, in the scheme's order. */
export async function topThemeIds(db: Queryable): Promise<string[]> {
  return (await db.read<{ id: string }>(q.TOP_THEMES)).map((r) => r.id);
}

/** The theme scheme with the labels of its top concepts. */
export async function loadScheme(db: Queryable, t: Terms): Promise<Description> {
  const ids = await topThemeIds(db);
  const description = describeScheme(t, ids);
  await addSummaries(db, t, ids, description);
  return description;
}

/** Every entity of a label with its own links, `batch` at a time in id order (keyset pagination). */
export async function* entityPages(db: Queryable, type: EntityType, batch: number): AsyncGenerator<EntityRow[]> {
  let after = "";
  for (;;) {
    const rows = (await db.read<{ row: EntityRow }>(q.ENTITY_PAGE[type], { after, batch })).map((r) => r.row);
    if (rows.length) yield rows;
    if (rows.length < batch) return;
    after = rows[rows.length - 1].id;
  }
}

/** Every entity of a label, its stored properties only, `batch` at a time in id order. */
export async function* propertyPages(
  db: Queryable,
  type: EntityType,
  batch: number,
): AsyncGenerator<Record<string, unknown>[]> {
  let after = "";
  for (;;) {
    const rows = (await db.read<{ row: Record<string, unknown> }>(q.PROPERTY_PAGE[type], { after, batch })).map(
      (r) => r.row,
    );
    if (rows.length) yield rows;
    if (rows.length < batch) return;
    after = String(rows[rows.length - 1].id);
  }
}

/** A relationship as the CSV export writes it. */
export interface RelationshipRow {
  from: string;
  to: string;
  rel: string;
  props: Record<string, unknown>;
}

/** Every relationship of a type, `batch` at a time, ordered by start id, end id and element id. */
export async function* relationshipPages(db: Queryable, rel: RelDef, batch: number): AsyncGenerator<RelationshipRow[]> {
  for (const from of rel.from) {
    const query = q.relationshipPage(rel, from);
    let after = { afterFrom: "", afterTo: "", afterRel: "" };
    for (;;) {
      const rows = await db.read<RelationshipRow>(query, { ...after, batch });
      if (rows.length) yield rows;
      if (rows.length < batch) break;
      const last = rows[rows.length - 1];
      after = { afterFrom: last.from, afterTo: last.to, afterRel: last.rel };
    }
  }
}

// ---- curators' corrections -------------------------------------------------------------------

// The entities a correction names, for the labels of its links.
function namedBy(row: CorrectionLdRow): string[] {
  const p = JSON.parse(row.payload) as Record<string, unknown>;
  const ids = [p.documentId, p.reportId, p.departmentId, p.fromId, p.intoId];
  if (row.kind !== "UNDO") ids.push(row.targetId);
  return ids.filter((id): id is string => typeof id === "string" && id !== "");
}

/** One correction as its IRI serves it, with the labels of what it names; null when there is none. */
export async function loadCorrection(db: Queryable, t: Terms, id: string): Promise<Description | null> {
  const [found] = await db.read<{ row: CorrectionLdRow }>(q.CORRECTION_ONE, { id });
  if (!found) return null;
  const description = describeCorrection(t, found.row);
  describeCurator(t, found.row.author, description);
  await addSummaries(db, t, namedBy(found.row), description);
  return description;
}

/** A curator who signed corrections, with (up to INBOUND_LIMIT of) them; null for a name no correction bears. */
export async function loadCurator(db: Queryable, t: Terms, name: string): Promise<Description | null> {
  const [found] = await db.read<{ total: number; ids: string[] }>(q.CURATOR_ONE, { name, limit: INBOUND_LIMIT });
  if (!found?.total) return null;
  const description = describeCurator(t, name);
  for (const id of found.ids) description.add(t.correction(id), t.v("prov:wasAssociatedWith"), t.curator(name));
  return description;
}

/** The id a merged department's id answers with now, or null when it was not merged. */
export async function redirectOf(db: Queryable, id: string): Promise<string | null> {
  const [found] = await db.read<{ toId: string }>(q.REDIRECT_OF, { id });
  return found?.toId ?? null;
}

/** Every correction in the order made, `batch` at a time. */
export async function* correctionPages(db: Queryable, batch: number): AsyncGenerator<CorrectionLdRow[]> {
  let after = 0;
  for (;;) {
    const rows = (await db.read<{ row: CorrectionLdRow & { seq: number } }>(q.CORRECTION_PAGE, { after, batch })).map(
      (r) => r.row,
    );
    if (rows.length) yield rows;
    if (rows.length < batch) return;
    after = rows[rows.length - 1].seq;
  }
}

/** The names of every curator who signed a correction. */
export async function curatorNames(db: Queryable): Promise<string[]> {
  return (await db.read<{ name: string }>(q.CURATORS)).map((r) => r.name);
}

/** Every merged department's id and the id it answers with now. */
export async function redirects(db: Queryable): Promise<{ fromId: string; toId: string }[]> {
  return db.read<{ fromId: string; toId: string }>(q.REDIRECTS);
}
