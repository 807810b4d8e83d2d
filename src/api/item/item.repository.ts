import { Queryable } from "../../platform/db/neo4j";
import { keyedLoader, LoaderDef } from "../graphql/context";
import { Page } from "../graphql/connection";
import type { Projection } from "../graphql/projection";
import { toSimplified } from "../../platform/text/chinese";
import { ItemFilter, itemPageQuery, itemsByIdQuery, itemsByParentQuery } from "./item.cypher";
import { ItemKind } from "../../model/graph.cypher";
import type { ItemRecord } from "./item.type";

/** Puts an item's tags in rank order (they come back from a pattern comprehension in no set order). */
export function sorted(item: ItemRecord): ItemRecord {
  item.tags?.sort((a, b) => a.rank - b.rank);
  item.themeRefs?.sort((a, b) => a.rank - b.rank);
  return item;
}

/** One page of items of a kind matching the filter, with the total. */
export async function itemPage(
  db: Queryable,
  kind: ItemKind,
  filter: ItemFilter,
  page: Page,
  projection?: Projection,
): Promise<{ total: number; nodes: ItemRecord[] }> {
  const params = { ...filter, ...page, contains: filter.contains ? toSimplified(filter.contains) : null };
  const [row] = await db.read<{ total: number; nodes: ItemRecord[] }>(itemPageQuery(kind, filter, projection), params);
  return { total: row.total, nodes: row.nodes.map(sorted) };
}

/**
 * A loader of items by their parent id (report for achievements/shortcomings, meeting for
 * directives), reading the properties of its projection (all without one).
 */
export function itemsByParent(kind: ItemKind): LoaderDef<string, ItemRecord[], Projection> {
  return keyedLoader<string, ItemRecord[], Projection, { id: string; items: ItemRecord[] }>({
    cypher: (projection) => itemsByParentQuery(kind, projection),
    value: (r) => r.items.map(sorted),
    missing: [],
  });
}

/** A loader of items of a kind by id, reading the properties of its projection (all without one). */
export function itemById(kind: ItemKind): LoaderDef<string, ItemRecord | null, Projection> {
  return keyedLoader<string, ItemRecord | null, Projection, { id: string; item: ItemRecord }>({
    cypher: (projection) => itemsByIdQuery(kind, projection),
    value: (r) => sorted(r.item),
    missing: null,
  });
}
