import { Queryable } from "../db/neo4j";
import { SEARCH_INDEX } from "../db/migrations";

export interface SearchRow {
  id: string;
  label: string;
  score: number;
  text: string;
}

const SEARCH = `
CALL db.index.fulltext.queryNodes($index, $query, {limit: $limit}) YIELD node, score
RETURN node.id AS id, [l IN labels(node) WHERE l <> 'Entity'][0] AS label, score,
       coalesce(node.text, node.name) AS text
ORDER BY score DESC`;

/** Full-text hits over achievements, shortcomings, directives and departments. */
export function searchIndex(db: Queryable, query: string, limit: number): Promise<SearchRow[]> {
  return db.read<SearchRow>(SEARCH, { index: SEARCH_INDEX, query, limit });
}
