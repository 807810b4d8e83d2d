import { Arg, Ctx, ID, Int, Query, Resolver } from "type-graphql";
import { badInput } from "../../platform/errors";
import { Context } from "../graphql/context";
import { neighborhood, NeighborhoodRecord, PathRecord, shortestPaths } from "./neighborhood.repository";
import { GraphPath, Neighborhood } from "./neighborhood.type";

const MAX_DEPTH = 3;
const MAX_NODES = 500;
const MAX_HOPS = 6;
const MAX_PATHS = 20;

function inRange(name: string, value: number, min: number, max: number): void {
  if (!Number.isInteger(value) || value < min || value > max) {
    throw badInput(`"${name}" must be between ${min} and ${max}, got ${value}`);
  }
}

@Resolver()
export class ExploreResolver {
  @Query(() => Neighborhood, {
    nullable: true,
    description: `The nodes and typed edges around any entity, breadth first (depth ≤ ${MAX_DEPTH}, at most first ≤ ${MAX_NODES} nodes); null for an unknown id.`,
  })
  neighborhood(
    @Arg("id", () => ID) id: string,
    @Arg("depth", () => Int, { defaultValue: 1 }) depth: number,
    @Arg("first", () => Int, { defaultValue: 50 }) first: number,
    @Ctx() ctx: Context,
  ): Promise<NeighborhoodRecord | null> {
    inRange("depth", depth, 1, MAX_DEPTH);
    inRange("first", first, 1, MAX_NODES);
    return neighborhood(ctx, id, depth, first);
  }

  @Query(() => [GraphPath], {
    description: `Shortest paths between two entities, at most maxHops (≤ ${MAX_HOPS}) edges long, through what readouts state (not the PART_OF and HELD_BY hierarchy, which joins every two of a locality's bodies in two hops); empty when none.`,
  })
  paths(
    @Arg("from", () => ID) from: string,
    @Arg("to", () => ID) to: string,
    @Arg("maxHops", () => Int, { defaultValue: 4 }) maxHops: number,
    @Arg("first", () => Int, { defaultValue: 5 }) first: number,
    @Ctx() ctx: Context,
  ): Promise<PathRecord[]> {
    inRange("maxHops", maxHops, 1, MAX_HOPS);
    inRange("first", first, 1, MAX_PATHS);
    if (from === to) throw badInput('"from" and "to" name the same entity');
    return shortestPaths(ctx, from, to, maxHops, first);
  }
}
