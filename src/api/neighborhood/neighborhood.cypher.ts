/**
 * Walks for explorers. Relationship types are not filtered: every typed edge of the graph may be
 * shown. Hub nodes (a theme has thousands of items) are capped per node, so a walk stays small.
 */

/** Up to $perNode neighbours of each node of a frontier, with the edges to them. */
export const NEIGHBOURS = `
UNWIND $ids AS id
MATCH (n:Entity {id: id})
CALL (n) {
  MATCH (n)-[r]-(m:Entity)
  RETURN r, m ORDER BY type(r), m.id LIMIT $perNode
}
RETURN id, type(r) AS type, startNode(r).id AS source, endNode(r).id AS target, m.id AS neighbour,
       [l IN labels(m) WHERE l <> 'Entity'][0] AS label, properties(r) AS properties`;

// Paths follow what readouts say about bodies, meetings and items, not the administrative
// hierarchy: every two of Beijing's bodies are parts of 北京市, and every two of its meetings were
// held by it, so PART_OF and HELD_BY would answer every question in two hops and hide the evidence.
const SHORTEST = (hops: number) => `
MATCH (a:Entity {id: $from}), (b:Entity {id: $to})
MATCH p = allShortestPaths((a)-[*..${hops}]-(b))
WHERE none(r IN relationships(p) WHERE type(r) IN ['PART_OF', 'HELD_BY'])
WITH p LIMIT $first
RETURN [n IN nodes(p) | {id: n.id, label: [l IN labels(n) WHERE l <> 'Entity'][0]}] AS nodes,
       [r IN relationships(p) | {type: type(r), source: startNode(r).id, target: endNode(r).id, properties: properties(r)}] AS edges`;

/** Shortest-path queries by hop limit (a pattern's length cannot be a parameter). */
export const SHORTEST_PATHS: Record<number, string> = Object.fromEntries(
  [1, 2, 3, 4, 5, 6].map((hops) => [hops, SHORTEST(hops)]),
);
