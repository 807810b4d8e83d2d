import { Queryable } from "../../platform/db/neo4j";
import { SEARCH_INDEX } from "../../pipeline/bootstrap/migrations";

export interface SearchRow {
  id: string;
  label: string;
  score: number;
  text: string;
}

// A rejected item keeps no searchText, so the index drops it; the condition covers the moment
// before the eventually consistent index has caught up with that.
const SEARCH = `
CALL db.index.fulltext.queryNodes($index, $query, {limit: $limit}) YIELD node, score
WHERE node.rejected IS NULL
RETURN node.id AS id, [l IN labels(node) WHERE l <> 'Entity'][0] AS label, score,
       coalesce(node.text, node.name) AS text
ORDER BY score DESC`;

/** Full-text hits over achievements, shortcomings, directives and departments. */
export function searchIndex(db: Queryable, query: string, limit: number): Promise<SearchRow[]> {
  return db.read<SearchRow>(SEARCH, { index: SEARCH_INDEX, query, limit });
}
