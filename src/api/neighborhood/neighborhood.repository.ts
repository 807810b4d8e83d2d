import { Context } from "../graphql/context";
import type { Typed } from "../graphql/node.type";
import { labelsOf, loadLabelled } from "../node/node.repository";
import * as q from "./neighborhood.cypher";
import type { GraphEdge } from "./neighborhood.type";

interface NeighbourRow extends GraphEdge {
  id: string;
  neighbour: string;
  label: string;
}

export interface NeighborhoodRecord {
  center: Typed;
  nodes: Typed[];
  edges: GraphEdge[];
  truncated: boolean;
}

const edgeKey = (e: GraphEdge) => `${e.type}|${e.source}|${e.target}|${JSON.stringify(e.properties)}`;

/**
 * The entities within `depth` edges of `id`, breadth first, at most `first` of them (the center
 * included), with the edges among them. One Cypher round trip per level, then one per node type.
 */
export async function neighborhood(
  ctx: Context,
  id: string,
  depth: number,
  first: number,
): Promise<NeighborhoodRecord | null> {
  const label = (await labelsOf(ctx.db, [id])).get(id);
  if (!label) return null;
  const reached = new Map<string, string>([[id, label]]);
  const edges = new Map<string, GraphEdge>();
  let frontier = [id];
  let truncated = false;
  for (let level = 1; level <= depth && frontier.length; level++) {
    // The center may show all its `first` neighbours; farther nodes share what is left.
    const perNode = level === 1 ? first : Math.max(3, Math.min(50, Math.floor(first / frontier.length)));
    const rows = await ctx.db.read<NeighbourRow>(q.NEIGHBOURS, { ids: frontier, perNode });
    const counts = new Map<string, number>();
    const next: string[] = [];
    for (const row of rows) {
      counts.set(row.id, (counts.get(row.id) ?? 0) + 1);
      if (!reached.has(row.neighbour)) {
        if (reached.size >= first) {
          truncated = true;
          continue;
        }
        reached.set(row.neighbour, row.label);
        next.push(row.neighbour);
      }
      const edge = { type: row.type, source: row.source, target: row.target, properties: row.properties };
      edges.set(edgeKey(edge), edge);
    }
    if ([...counts.values()].some((n) => n >= perNode)) truncated = true;
    frontier = next;
  }
  const loaded = await loadLabelled(
    ctx,
    [...reached].map(([id, label]) => ({ id, label })),
  );
  const nodes = loaded.filter((n): n is Typed => n !== null);
  return { center: nodes[0], nodes, edges: [...edges.values()], truncated };
}

export interface PathRecord {
  length: number;
  nodes: Typed[];
  edges: GraphEdge[];
}

/** Up to `first` shortest paths between two entities, at most `maxHops` edges long. */
export async function shortestPaths(
  ctx: Context,
  from: string,
  to: string,
  maxHops: number,
  first: number,
): Promise<PathRecord[]> {
  const rows = await ctx.db.read<{ nodes: { id: string; label: string }[]; edges: GraphEdge[] }>(
    q.SHORTEST_PATHS[maxHops],
    {
      from,
      to,
      first,
    },
  );
  return Promise.all(
    rows.map(async (row) => {
      const nodes = await loadLabelled(ctx, row.nodes);
      return { length: row.edges.length, nodes: nodes.filter((n): n is Typed => n !== null), edges: row.edges };
    }),
  );
}
